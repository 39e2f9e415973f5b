package uk.nhs.stp.generate;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small pieces the writers share: amount and count formats, month texts, the organisation universe. */
class GeneratorPiecesTest {

    @Test
    void financeAmountsAreWrittenAsFinanceTeamsWriteThem() {
        assertEquals("(1,234)", FinanceReturnWriter.amount(-1234));
        assertEquals("(2,345.5)", FinanceReturnWriter.amount(-2345.5));
        assertEquals("(4,000)", FinanceReturnWriter.amount(-4000.04));
        assertEquals("(12)", FinanceReturnWriter.amount(-12));
        assertEquals("(1,234,567.8)", FinanceReturnWriter.amount(-1234567.8));
        assertEquals("1200", FinanceReturnWriter.amount(1200));
        assertEquals("0", FinanceReturnWriter.amount(-0.01));
        assertEquals("17761.3", FinanceReturnWriter.amount(17761.25));
    }

    @Test
    void cancerCountsKeepHalves() {
        assertEquals("12", CancerWaitsWriter.number(24));
        assertEquals("12.5", CancerWaitsWriter.number(25));
        assertEquals("0.5", CancerWaitsWriter.number(1));
        assertEquals("0", CancerWaitsWriter.number(0));
    }

    @Test
    void monthTexts() {
        YearMonth january = YearMonth.of(2026, 1);
        assertEquals("2025/26", MonthNames.financialYear(january));
        assertEquals(10, MonthNames.financialMonth(january));
        assertEquals(1, MonthNames.financialMonth(YearMonth.of(2017, 4)));
        assertEquals(12, MonthNames.financialMonth(YearMonth.of(2018, 3)));
        assertEquals("2099/00", MonthNames.financialYear(YearMonth.of(2099, 4)));
        assertEquals("Sep-25", MonthNames.shortYear(YearMonth.of(2025, 9)));
        assertEquals("SEPTEMBER", MonthNames.upper(YearMonth.of(2025, 9)));
    }

    @Test
    void rttZipsEveryOtherMonth() {
        assertTrue(RttExtractWriter.zipped(YearMonth.of(2026, 4)), "April 2026 was published zipped");
        assertEquals(RttExtractWriter.zipped(YearMonth.of(2025, 12)), !RttExtractWriter.zipped(YearMonth.of(2026, 1)));
        assertEquals("rtt/20260430-RTT-April-2026-full-extract.csv.zip", RttExtractWriter.path(YearMonth.of(2026, 4)));
    }

    @Test
    void sampleKeepsEveryFootprintWithAFewOrganisations() {
        OrgUniverse sample = OrgUniverse.load(Scale.SAMPLE);
        OrgUniverse national = OrgUniverse.load(Scale.NATIONAL);
        assertEquals(42, sample.footprints().size(), "42 footprints of April 2018");
        assertEquals("E54000005", sample.footprints().get(0).code());
        assertEquals("E54000049", sample.footprints().get(41).code());
        for (Footprint f : sample.footprints()) {
            long trusts = sample.providers().stream().filter(p -> p.footprint().equals(f)).count();
            assertTrue(trusts >= 2 && trusts <= 3, f.code() + " has 2–3 trusts, has " + trusts);
            int ccgs = sample.ccgsOf(f).size();
            assertTrue(ccgs >= 1 && ccgs <= 4, f.code() + " has 1–4 CCGs, has " + ccgs);
            assertTrue(f.odsCode().matches("Q[A-Z0-9]{2}"), f.code() + " ODS code " + f.odsCode());
            assertTrue(f.regionCode().matches("E4000000[3-9]|E40000010"), f.code() + " region " + f.regionCode());
        }
        assertTrue(sample.providers().stream().allMatch(p -> p.code().matches("R[A-Z0-9]{2}")), "trust codes R + 2");
        assertTrue(sample.ccgs().stream().allMatch(c -> c.code().matches("[0-9]{2}[A-Z0-9]")), "CCG codes like 02N");
        assertEquals(195, national.ccgs().size(), "all CCGs of April 2018");
        assertTrue(national.providers().size() > sample.providers().size(), "national scale has more trusts");
    }
}
