package uk.nhs.stp.ingest.finance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.read.ReturnFormats;
import uk.nhs.stp.ingest.read.RowProblem;
import uk.nhs.stp.ingest.source.FileRejectedException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monthly finance return: the project's own contract, exercised with synthetic files. */
class FinanceMonthlyReturnCsvTest {
    static final String HEADER = "Financial Year,Month,Org Code,Org Name,Org Type,Plan YTD (£000),"
            + "Actual YTD (£000),Forecast Outturn (£000),Control Total (£000),STF YTD (£000)";

    private final FinanceMonthlyReturnCsv format = new FinanceMonthlyReturnCsv();

    @TempDir
    Path dir;

    private Path write(String header, String... rows) throws Exception {
        StringBuilder sb = new StringBuilder(header).append("\r\n");
        for (String r : rows) sb.append(r).append("\r\n");
        Path p = dir.resolve("finance-return.csv");
        Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private FileParseResult read(String... rows) throws Exception {
        return FinanceFiles.read(format, write(HEADER, rows));
    }

    private static BigDecimal amount(OutputRow row, String column) {
        return (BigDecimal) row.get(column);
    }

    private static void assertAmount(String expected, OutputRow row, String column) {
        BigDecimal actual = amount(row, column);
        assertEquals(0, new BigDecimal(expected).compareTo(actual), column + ": expected " + expected + ", got " + actual);
    }

    private static RowProblem onlyProblem(FileParseResult result) {
        assertEquals(1, result.rowsRejected(), "rows rejected: " + result.problems());
        assertEquals(1, result.problems().size(), "problems: " + result.problems());
        return result.problems().get(0);
    }

    @Test
    void isRecognisedByItsHeader() throws Exception {
        Path p = write(HEADER, "2017/18,M06,RJ1,GUY'S AND ST THOMAS' NHS FOUNDATION TRUST,Provider,1,2,3,,");
        assertInstanceOf(FinanceMonthlyReturnCsv.class, ReturnFormats.detect(FinanceFiles.open(p)), "detected format");
    }

    @Test
    void readsFinanceNotationExactly() throws Exception {
        FileParseResult result = read(
                "2017/18,M06,RJ1,GUY'S AND ST THOMAS' NHS FOUNDATION TRUST,Provider,\"(1,234)\",\"(2,345.5)\",\"(4,000)\",\"(3,500)\",1200",
                "2017/18,M06,RRK,\"UNIVERSITY HOSPITALS BIRMINGHAM, NHS FT\",Provider,-1234.5,\"(1,234.5)\",\"-12,345,678.125\",0,\"2,500\"",
                "2017/18,M06,06Q,NHS MID ESSEX CCG,CCG,\"1,000\",£250.75, 300 ,,",
                "2017/18,m6,rcf,AIREDALE NHS FOUNDATION TRUST,Provider,0,-0.5,( 12 ),  ,");
        assertEquals(4, result.rowsRead(), "rows read");
        assertEquals(4, result.rowsAccepted(), "rows accepted: " + result.problems());
        assertEquals(List.of(LocalDate.of(2017, 9, 1)), result.periods(), "one period: 2017/18 M06 = September 2017");

        OutputRow guys = result.rows().get(0);
        assertEquals(LocalDate.of(2017, 9, 1), guys.get("month"), "month");
        assertEquals("2017/18", guys.get("financial_year"), "financial year");
        assertEquals("M06", guys.get("fy_month"), "financial month");
        assertEquals("RJ1", guys.get("org_code"), "org code");
        assertEquals("GUY'S AND ST THOMAS' NHS FOUNDATION TRUST", guys.get("org_name"), "org name with apostrophes");
        assertEquals("Provider", guys.get("org_type"), "org type");
        assertAmount("-1234", guys, "plan_ytd_gbp_k");
        assertAmount("-2345.5", guys, "actual_ytd_gbp_k");
        assertAmount("-4000", guys, "forecast_outturn_gbp_k");
        assertAmount("-3500", guys, "control_total_gbp_k");
        assertAmount("1200", guys, "stf_ytd_gbp_k");
        assertEquals(3, amount(guys, "actual_ytd_gbp_k").scale(), "stored at the contract's scale");

        OutputRow uhb = result.rows().get(1);
        assertEquals("UNIVERSITY HOSPITALS BIRMINGHAM, NHS FT", uhb.get("org_name"), "quoted name with a comma");
        assertAmount("-1234.5", uhb, "plan_ytd_gbp_k");
        assertAmount("-1234.5", uhb, "actual_ytd_gbp_k");
        assertAmount("-12345678.125", uhb, "forecast_outturn_gbp_k");
        assertAmount("0", uhb, "control_total_gbp_k");
        assertAmount("2500", uhb, "stf_ytd_gbp_k");

        OutputRow ccg = result.rows().get(2);
        assertEquals("CCG", ccg.get("org_type"), "org type");
        assertAmount("1000", ccg, "plan_ytd_gbp_k");
        assertAmount("250.75", ccg, "actual_ytd_gbp_k");
        assertAmount("300", ccg, "forecast_outturn_gbp_k");
        assertNull(ccg.get("control_total_gbp_k"), "blank control total is null");
        assertNull(ccg.get("stf_ytd_gbp_k"), "blank STF is null");
        assertTrue(FinanceFiles.flags(result, ccg).isEmpty(), "a blank optional cell carries no flag");

        OutputRow airedale = result.rows().get(3);
        assertEquals("M06", airedale.get("fy_month"), "m6 written canonically");
        assertEquals("RCF", airedale.get("org_code"), "code upper-cased");
        assertAmount("-0.5", airedale, "actual_ytd_gbp_k");
        assertAmount("-12", airedale, "forecast_outturn_gbp_k");
        assertNull(airedale.get("control_total_gbp_k"), "spaces only is blank");
    }

    @Test
    void readsTheExampleInTheSubmittersGuide() throws Exception {
        String guide = Files.readString(Path.of("../docs/finance-monthly-return.md"), StandardCharsets.UTF_8);
        String example = guide.substring(guide.indexOf("## Example"));
        example = example.substring(example.indexOf("```") + 3);
        example = example.substring(example.indexOf('\n') + 1, example.indexOf("```"));
        assertTrue(example.startsWith(HEADER), "the guide's example starts with the contract's header");
        Path p = dir.resolve("example.csv");
        Files.writeString(p, example, StandardCharsets.UTF_8);
        FileParseResult result = FinanceFiles.read(format, p);
        assertEquals(3, result.rowsAccepted(), "example rows accepted: " + result.problems());
        assertAmount("-2345.5", result.rows().get(0), "actual_ytd_gbp_k");
        assertNull(result.rows().get(2).get("control_total_gbp_k"), "blank control total");
    }

    @Test
    void mapsFinancialMonthsToCalendarMonths() throws Exception {
        assertEquals(List.of(LocalDate.of(2017, 4, 1)),
                read("2017/18,M01,RJ1,X,Provider,1,1,1,,").periods(), "M01 = April of the first year");
        assertEquals(List.of(LocalDate.of(2018, 3, 1)),
                read("2017/18,M12,RJ1,X,Provider,1,1,1,,").periods(), "M12 = March of the second year");
    }

    @Test
    void rejectsTextInAnAmountNamingColumnAndValue() throws Exception {
        FileParseResult result = read(
                "2017/18,M06,RJ1,X,Provider,100,tbc,300,,",
                "2017/18,M06,RJZ,Y,Provider,100,200,300,,");
        RowProblem p = onlyProblem(result);
        assertEquals("type", p.rule(), "rule");
        assertEquals("actual_ytd_gbp_k", p.column(), "column");
        assertEquals("tbc", p.rawValue(), "raw value");
        assertEquals(2, p.line(), "line");
        assertEquals(1, result.rowsAccepted(), "the good row is kept");
    }

    @Test
    void rejectsAMisplacedThousandsSeparator() throws Exception {
        RowProblem p = onlyProblem(read("2017/18,M06,RJ1,X,Provider,\"1,23,4\",200,300,,"));
        assertEquals("type", p.rule(), "rule");
        assertEquals("plan_ytd_gbp_k", p.column(), "column");
        assertEquals("1,23,4", p.rawValue(), "raw value");
    }

    @Test
    void rejectsMonthThirteen() throws Exception {
        RowProblem p = onlyProblem(read("2017/18,M13,RJ1,X,Provider,100,200,300,,"));
        assertEquals("type", p.rule(), "rule");
        assertEquals("Month", p.column(), "column");
        assertEquals("M13", p.rawValue(), "raw value");
    }

    @Test
    void rejectsAnUnreadableFinancialYear() throws Exception {
        RowProblem p = onlyProblem(read("2017/19,M06,RJ1,X,Provider,100,200,300,,"));
        assertEquals("type", p.rule(), "rule");
        assertEquals("Financial Year", p.column(), "column");
        assertEquals("2017/19", p.rawValue(), "raw value");
    }

    @Test
    void rejectsAnOrgTypeOutsideTheContract() throws Exception {
        RowProblem p = onlyProblem(read("2017/18,M06,RJ1,X,Trust,100,200,300,,"));
        assertEquals("allowed_values", p.rule(), "rule");
        assertEquals("org_type", p.column(), "column");
        assertEquals("Trust", p.rawValue(), "raw value");
    }

    @Test
    void rejectsMissingOrSuppressedRequiredAmounts() throws Exception {
        FileParseResult result = read(
                "2017/18,M06,RJ1,X,Provider,,200,300,,",
                "2017/18,M06,RJZ,Y,Provider,100,-,300,,");
        assertEquals(2, result.rowsRejected(), "rows rejected: " + result.problems());
        for (RowProblem p : result.problems()) assertEquals("required", p.rule(), "rule for " + p);
    }

    @Test
    void rejectsEveryRowOfADuplicatedOrganisation() throws Exception {
        FileParseResult result = read(
                "2017/18,M06,RJ1,X,Provider,100,200,300,,",
                "2017/18,M06,RJZ,Y,Provider,100,200,300,,",
                "2017/18,M06,RJ1,X,Provider,101,201,301,,");
        assertEquals(2, result.rowsRejected(), "both duplicate rows rejected");
        assertEquals(1, result.rowsAccepted(), "the other row kept");
        for (RowProblem p : result.problems()) assertEquals("duplicate_key", p.rule(), "rule for " + p);
        assertEquals(List.of(2L, 4L), result.problems().stream().map(RowProblem::line).sorted().toList(), "lines");
    }

    @Test
    void rejectsAFileHoldingTwoMonths() {
        FileRejectedException e = assertThrows(FileRejectedException.class, () -> read(
                "2017/18,M06,RJ1,X,Provider,100,200,300,,",
                "2017/18,M07,RJ1,X,Provider,110,210,310,,"));
        assertEquals("many_periods", e.rule(), e.getMessage());
    }

    @Test
    void rejectsAFileLackingARequiredColumn() throws Exception {
        String header = HEADER.replace("Forecast Outturn (£000),", "");
        Path p = write(header, "2017/18,M06,RJ1,X,Provider,100,200,,");
        FileRejectedException e = assertThrows(FileRejectedException.class, () -> FinanceFiles.read(format, p));
        assertEquals("missing_columns", e.rule(), e.getMessage());
        assertTrue(e.getMessage().contains("Forecast Outturn (£000)"), e.getMessage());
    }
}
