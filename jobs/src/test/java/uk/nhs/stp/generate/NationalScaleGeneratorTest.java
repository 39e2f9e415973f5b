package uk.nhs.stp.generate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.testing.RealData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The national scale for one month, July 2025 (the month April's A&E file is re-issued): the
 * organisation and row counts of the published returns, byte-identical output for a seed, and the
 * quirks where {@link NationalQuirks} documents them. Single A&E files are written with
 * {@link AeReturnWriter} alone, which is much quicker than every return.
 */
class NationalScaleGeneratorTest {
    private static final YearMonth JULY = YearMonth.of(2025, 7);
    private static final long SEED = 7L;

    @TempDir
    static Path tmp;
    static Path first;
    static OrgUniverse orgs;

    @BeforeAll
    static void generate() throws IOException {
        first = tmp.resolve("first");
        new SampleReturnsGenerator().generate(new SampleReturnsGenerator.Options(first.toString(), JULY, 1, SEED, Scale.NATIONAL));
        orgs = OrgUniverse.load(Scale.NATIONAL);
    }

    @Test
    void sameSeedGivesByteIdenticalFiles() throws Exception {
        Path again = tmp.resolve("again");
        new SampleReturnsGenerator().generate(new SampleReturnsGenerator.Options(again.toString(), JULY, 1, SEED, Scale.NATIONAL));
        Map<String, String> a = GeneratedCsv.hashes(first);
        assertEquals(Set.of("lookups/Trust-STP-lookup.csv", "lookups/ccg18_to_stp18_to_nhser18.csv",
                "ae/July-2025-CSV.csv", "ae/April-2025-CSV-revised.csv", "rtt/20250731-RTT-July-2025-full-extract.csv",
                "cancer/JULY-2025-CWT-CRS-PROVIDER-headline-standards.csv", "finance/finance-monthly-return-2025-26-M04.csv"),
                a.keySet(), "July: the month's four returns, April's revised A&E file and the lookups");
        assertEquals(a, GeneratedCsv.hashes(again), "same options must give byte-identical files");
    }

    @Test
    void everyTrustAndCcgOfTheReferenceYear() throws Exception {
        List<String[]> trusts = rows("lookups/Trust-STP-lookup.csv");
        // the issue asks for ~230 providers: 2017/18 accounts list 234 trusts, some merged before the 2022 ODS list
        assertTrue(trusts.size() >= 220 && trusts.size() <= 240, "~230 trusts in the lookup, got " + trusts.size());
        assertEquals(195, rows("lookups/ccg18_to_stp18_to_nhser18.csv").size(), "the 195 CCGs of April 2018");
        assertEquals(42, trusts.stream().map(t -> t[4]).distinct().count(), "trusts in all 42 footprints");
        // nhs_provider.csv types 10 trusts as Ambulance; all of them are in the 2022 ODS list
        assertEquals(10, orgs.providers().stream().filter(p -> p.kind() == ProviderKind.AMBULANCE).count(), "ambulance trusts");
        assertEquals(trusts.size() + 195, rows("finance/finance-monthly-return-2025-26-M04.csv").size(),
                "a finance row for every trust and every CCG");
    }

    @Test
    void rttExtractHasThePublishedShape() throws Exception {
        List<String[]> rtt = rows("rtt/20250731-RTT-July-2025-full-extract.csv");
        // the published April 2026 extract has 180,781 rows
        assertTrue(rtt.size() >= 150_000 && rtt.size() <= 210_000, "~180,000 RTT rows a month, got " + rtt.size());
        Set<String> commissioners = rtt.stream().map(r -> r[7]).collect(Collectors.toSet());
        assertTrue(commissioners.size() >= 190 && commissioners.size() <= 210,
                "~200 commissioners (195 CCGs and the national hub), got " + commissioners.size());
        Set<String> ambulance = orgs.providers().stream().filter(p -> p.kind() == ProviderKind.AMBULANCE)
                .map(Provider::code).collect(Collectors.toSet());
        Set<String> providers = rtt.stream().map(r -> r[3]).collect(Collectors.toSet());
        assertEquals(orgs.providers().size() - ambulance.size(), providers.size(), "every trust but the ambulance trusts");
        assertTrue(providers.stream().noneMatch(ambulance::contains), "ambulance trusts hold no waiting list");

        Set<String> published = GeneratedCsv.records(RealData.file(
                        "derived/20260430-RTT-April-2026-full-extract.SUBSET-RJ1-RGT-RCF.csv")).stream().skip(1)
                .map(r -> r[11]).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(published, rtt.stream().map(r -> r[11]).collect(Collectors.toCollection(TreeSet::new)),
                "every treatment function of the published extract, C_999 included");
        assertEquals(Set.of("Part_1A", "Part_1B", "Part_2", "Part_2A", "Part_3"),
                rtt.stream().map(r -> r[9]).collect(Collectors.toSet()), "every RTT part");
    }

    @Test
    void aeHasTrustsAndUrgentCareSites() throws Exception {
        List<String[]> ae = rows("ae/July-2025-CSV.csv");
        Set<String> trusts = rows("lookups/Trust-STP-lookup.csv").stream().map(t -> t[2]).collect(Collectors.toSet());
        List<String> codes = ae.subList(0, ae.size() - 1).stream().map(r -> r[1]).toList();
        long sites = codes.stream().filter(c -> !trusts.contains(c)).count();
        // April 2025's published file has 48 rows of independent and urgent care sites, 45 with attendances
        assertEquals(45, sites, "urgent care sites: the 45 of April 2025 with attendances");
        assertTrue(codes.stream().filter(c -> !trusts.contains(c)).allMatch(c -> c.length() >= 3 && c.length() <= 6),
                "site codes of 3 to 6 characters");
        Set<String> noAe = orgs.providers().stream().filter(p -> !p.kind().reportsAe()).map(Provider::code)
                .collect(Collectors.toSet());
        assertTrue(codes.stream().noneMatch(noAe::contains), "no A&E row for specialist and ambulance trusts");
        assertTotalIsColumnSums(ae, "July");
    }

    @Test
    void julyReissuesAprilWithThreeTrustsRestated() throws Exception {
        YearMonth april = YearMonth.of(2025, 4);
        assertFalse(Files.exists(first.resolve("ae/April-2025-CSV.csv")), "the original is published with April, not July");
        List<String[]> original = dataRows(writeAe(tmp.resolve("april"), april));
        List<String[]> revised = rows("ae/April-2025-CSV-revised.csv");
        assertEquals("MSitAE-APRIL-2025", revised.get(0)[0], "the revision carries April's period");
        assertEquals(codes(original), codes(revised), "a revision restates rows, it neither adds nor drops any");
        Set<String> changed = new TreeSet<>();
        for (int i = 0; i < original.size() - 1; i++) {
            if (!Arrays.equals(original.get(i), revised.get(i))) changed.add(original.get(i)[1]);
        }
        assertEquals(NationalQuirks.REVISED_TRUSTS, changed.size(), "three trusts restated, the others as first published");
        assertEquals(new NationalQuirks(orgs, SEED).aeRestatedTrusts(april), changed, "the trusts the quirk names");
        assertTrue(changed.stream().allMatch(c -> orgs.providers().stream()
                .anyMatch(p -> p.code().equals(c) && p.kind() == ProviderKind.ACUTE)), "restated trusts are acute " + changed);
        assertTotalIsColumnSums(revised, "revised April");
    }

    @Test
    void oneAeSubmissionIsMissingEachFinancialYear() throws Exception {
        NationalQuirks quirks = new NationalQuirks(orgs, SEED);
        Set<YearMonth> months = new HashSet<>();
        for (int fy = 2016; fy <= 2025; fy++) {
            NationalQuirks.MissingSubmission m = quirks.missingAeSubmission(fy);
            assertEquals(fy, MonthNames.financialYearStart(m.month()), "missing month within financial year " + fy);
            months.add(m.month());
        }
        assertTrue(months.size() > 1, "the missing month varies from year to year");

        NationalQuirks.MissingSubmission missing = quirks.missingAeSubmission(2025);
        // a neighbouring month of the same financial year, which has no other missing submission
        YearMonth neighbour = MonthNames.financialMonth(missing.month()) == 1
                ? missing.month().plusMonths(1) : missing.month().minusMonths(1);
        List<String[]> month = dataRows(writeAe(tmp.resolve("missing"), missing.month()));
        List<String[]> other = dataRows(writeAe(tmp.resolve("neighbour"), neighbour));
        assertFalse(codes(month).contains(missing.providerCode()), missing + ": no row in that month's file");
        assertTrue(codes(other).contains(missing.providerCode()), missing + ": a row in " + neighbour);
        assertEquals(codes(other).size() - 1, codes(month).size(), "exactly one row fewer than in " + neighbour);
        assertTotalIsColumnSums(month, "the month of the missing submission");
    }

    @Test
    void aeDemandGrowsAndPerformanceFallsYearOnYear() throws Exception {
        long[] july2017 = total(dataRows(writeAe(tmp.resolve("trend-2017"), YearMonth.of(2017, 7))));
        long[] july2025 = total(dataRows(writeAe(tmp.resolve("trend-2025"), YearMonth.of(2025, 7))));
        // Trend: +1.5% attendances a year, so 1.015^8 = 1.126 from July 2017 to July 2025
        double growth = (double) july2025[0] / july2017[0];
        assertTrue(growth > 1.08 && growth < 1.18, "type 1 attendances grew about 12.6%, grew " + growth);
        // type 1 within 4 hours falls 2 points a year, at most 12 points: July 2025 is 12 points below July 2017
        double fall = 100.0 * july2025[6] / july2025[0] - 100.0 * july2017[6] / july2017[0];
        assertTrue(fall > 8 && fall < 16, "type 1 over-4-hour share up about 12 points, up " + fall);
    }

    /** Writes {@code month}'s A&E file alone into {@code dir}; returns its path. */
    private static Path writeAe(Path dir, YearMonth month) throws IOException {
        try (OutputTree out = new OutputTree(dir.toString())) {
            new AeReturnWriter(orgs, SEED).write(out, month);
        }
        return dir.resolve(AeReturnWriter.path(month));
    }

    /** Data rows of a generated file (header dropped). */
    private static List<String[]> rows(String relative) throws IOException {
        return dataRows(first.resolve(relative));
    }

    private static List<String[]> dataRows(Path file) throws IOException {
        List<String[]> all = GeneratedCsv.records(file);
        return all.subList(1, all.size());
    }

    /** Organisation codes of an A&E file's rows, the TOTAL row left out. */
    private static List<String> codes(List<String[]> ae) {
        return ae.subList(0, ae.size() - 1).stream().map(r -> r[1]).toList();
    }

    /** Sums of the 18 figures over an A&E file's organisation rows. */
    private static long[] total(List<String[]> ae) {
        long[] sum = new long[AeReturnWriter.FIGURES];
        for (String[] r : ae.subList(0, ae.size() - 1)) {
            for (int c = 0; c < sum.length; c++) sum[c] += Long.parseLong(r[4 + c]);
        }
        return sum;
    }

    private static void assertTotalIsColumnSums(List<String[]> ae, String what) {
        String[] totalRow = ae.get(ae.size() - 1);
        assertEquals("TOTAL", totalRow[1].trim(), what + ": last row is the TOTAL row");
        long[] sums = total(ae);
        for (int c = 0; c < sums.length; c++) {
            assertEquals(sums[c], Long.parseLong(totalRow[4 + c]), what + ": TOTAL of figure " + c);
        }
    }
}
