package uk.nhs.stp.ingest.ae;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.read.RowProblem;
import uk.nhs.stp.ingest.source.FileRejectedException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monthly provider CSV reader on small synthetic files: older headers and every rejection rule. */
class AeMonthlyProviderCsvTest {
    private static final String HEADER = "Period,Org Code,Parent Org,Org name,A&E attendances Type 1,"
            + "A&E attendances Type 2,A&E attendances Other A&E Department,A&E attendances Booked Appointments Type 1,"
            + "A&E attendances Booked Appointments Type 2,A&E attendances Booked Appointments Other Department,"
            + "Attendances over 4hrs Type 1,Attendances over 4hrs Type 2,Attendances over 4hrs Other Department,"
            + "Attendances over 4hrs Booked Appointments Type 1,Attendances over 4hrs Booked Appointments Type 2,"
            + "Attendances over 4hrs Booked Appointments Other Department,"
            + "Patients who have waited 4-12 hs from DTA to admission,"
            + "Patients who have waited 12+ hrs from DTA to admission,Emergency admissions via A&E - Type 1,"
            + "Emergency admissions via A&E - Type 2,Emergency admissions via A&E - Other A&E department,"
            + "Other emergency admissions";
    private static final String RTD = "MSitAE-APRIL-2025,RTD,NHS ENGLAND NORTH EAST AND YORKSHIRE ,"
            + "THE NEWCASTLE UPON TYNE HOSPITALS NHS FOUNDATION TRUST,"
            + "100,10,50,5,0,2,40,1,3,1,0,0,7,2,30,1,0,20";
    private static final String NDJ = "MSitAE-APRIL-2025,NDJ,NHS ENGLAND SOUTH EAST ,"
            + "\"FIRST COMMUNITY HEALTH AND CARE, CIC\",0,0,200,0,0,0,0,0,9,0,0,0,0,0,0,0,0,0";
    private static final String TOTAL = "TOTAL,TOTAL,TOTAL,TOTAL,100,10,250,5,0,2,40,1,12,1,0,0,7,2,30,1,0,20";

    @TempDir
    Path dir;

    private final AeMonthlyProviderCsv format = new AeMonthlyProviderCsv();

    private FileParseResult parse(String... lines) throws Exception {
        Path file = AeFiles.write(dir, "ae.csv", lines);
        assertTrue(format.recognises(AeFiles.open(file)), "recognised");
        return AeFiles.parse(format, file);
    }

    private static String withCount(String line, int field, String value) {
        String[] f = AeFiles.split(line);
        f[field] = value;
        for (int i = 0; i < f.length; i++) if (f[i].contains(",")) f[i] = '"' + f[i] + '"';
        return String.join(",", f);
    }

    @Test
    void readsTheCurrentFormat() throws Exception {
        FileParseResult result = parse(HEADER, RTD, NDJ, TOTAL);
        assertEquals(List.of(), result.problems(), "no rejects");
        assertEquals(List.of(), result.warnings(), "TOTAL reconciles");
        assertEquals(3, result.rowsRead(), "rows read");
        assertEquals(2, result.rowsAccepted(), "rows accepted");
        assertEquals(1, result.rowsControl(), "control rows");
        OutputRow rtd = AeFiles.dataRows(result).get(0);
        assertEquals(LocalDate.of(2025, 4, 1), rtd.get("month"), "month from Period");
        assertEquals("MSitAE-APRIL-2025", rtd.get("period_label"), "period as published");
        assertEquals("NHS ENGLAND NORTH EAST AND YORKSHIRE", rtd.get("parent_org"), "Parent Org trimmed");
        assertEquals(100L, rtd.get("attendances_type_1_count"), "type 1 attendances");
        assertEquals(5L, rtd.get("attendances_booked_type_1_count"), "booked type 1 attendances");
        assertEquals(7L, rtd.get("dta_4_to_12h_count"), "4-12 hour DTA waits");
        assertEquals(20L, rtd.get("other_emergency_admissions_count"), "other emergency admissions");
        assertEquals("FIRST COMMUNITY HEALTH AND CARE, CIC", AeFiles.dataRows(result).get(1).get("org_name"),
                "quoted name with a comma");
    }

    @Test
    void readsTheOlderHeaderSpellingsAndDerivesTheFourToTwelveHourWaits() throws Exception {
        String header = "Period,Org Code,Parent Org,Org name,Number of A&E attendances Type 1,"
                + "Number of A&E attendances Type 2,Number of A&E attendances Other A&E Department,"
                + "Number of attendances over 4hrs Type 1,Number of attendances over 4hrs Type 2,"
                + "Number of attendances over 4hrs Other A&E Department,"
                + "Number of patients spending >4 hours from decision to admit to admission,"
                + "Number of patients spending >12 hours from decision to admit to admission,"
                + "Emergency Admissions via Type 1 A&E,Emergency Admissions via Type 2 A&E,"
                + "Emergency Admissions via Other A&E,Other Emergency Admissions (i.e not via A&E)";
        FileParseResult result = parse(header,
                "MSitAE-APRIL-2017,RTD,NHS ENGLAND NORTH (CUMBRIA AND NORTH EAST),"
                        + "THE NEWCASTLE UPON TYNE HOSPITALS NHS FOUNDATION TRUST,11000,1500,6000,900,20,5,300,12,3600,20,0,2800",
                "MSitAE-APRIL-2017,RVJ,NHS ENGLAND SOUTH WEST,NORTH BRISTOL NHS TRUST,9000,0,0,1200,0,0,150,0,3000,0,0,900",
                "TOTAL,TOTAL,TOTAL,TOTAL,20000,1500,6000,2100,20,5,450,12,6600,20,0,3700");
        assertEquals(List.of(), result.problems(), "no rejects");
        assertEquals(List.of(), result.warnings(), "TOTAL reconciles, derived column included");
        assertEquals(List.of(LocalDate.of(2017, 4, 1)), result.periods(), "April 2017");
        OutputRow rtd = AeFiles.dataRows(result).get(0);
        assertEquals(11000L, rtd.get("attendances_type_1_count"), "Number of A&E attendances Type 1");
        assertEquals(5L, rtd.get("over_4h_other_count"), "Number of attendances over 4hrs Other A&E Department");
        assertEquals(12L, rtd.get("dta_12h_plus_count"), ">12 hours from decision to admit");
        assertEquals(288L, rtd.get("dta_4_to_12h_count"), "4-12 hours = >4 hours minus >12 hours");
        assertEquals(List.of("derived:dta_4_to_12h_count:over_4h_minus_12h_plus"), result.values(rtd, "f", "s", "r")[
                result.table().position("data_flags")], "derived value is flagged");
        assertEquals(3600L, rtd.get("emergency_admissions_type_1_count"), "Emergency Admissions via Type 1 A&E");
        assertEquals(2800L, rtd.get("other_emergency_admissions_count"), "Other Emergency Admissions (i.e not via A&E)");
        assertNull(rtd.get("attendances_booked_type_1_count"), "no booked appointments before they were published");
    }

    @Test
    void readsAnAttendanceOnlyFileWithAdmissionsLeftNull() throws Exception {
        FileParseResult result = parse(
                "Period,Org Code,Parent Org,Org name,Number of A&E attendances Type 1,Number of A&E attendances Type 2,"
                        + "Number of A&E attendances Other A&E Department,Number of attendances over 4hrs Type 1,"
                        + "Number of attendances over 4hrs Type 2,Number of attendances over 4hrs Other A&E Department",
                "MSitAE-FEBRUARY-2018,RVJ,NHS ENGLAND SOUTH WEST,NORTH BRISTOL NHS TRUST,9000,0,0,1200,0,0",
                "TOTAL,TOTAL,TOTAL,TOTAL,9000,0,0,1200,0,0");
        assertEquals(List.of(), result.problems(), "no rejects");
        assertEquals(List.of(), result.warnings(), "TOTAL reconciles");
        OutputRow rvj = AeFiles.dataRows(result).get(0);
        assertEquals(LocalDate.of(2018, 2, 1), rvj.get("month"), "February 2018");
        assertNull(rvj.get("emergency_admissions_type_1_count"), "admissions absent, not zero");
        assertNull(rvj.get("dta_12h_plus_count"), "decision-to-admit waits absent, not zero");
    }

    @Test
    void rejectsTextInACountNamingTheColumnAndValue() throws Exception {
        FileParseResult result = parse(HEADER, withCount(RTD, 4, "abc"), NDJ, TOTAL);
        RowProblem p = AeFiles.onlyProblem(result);
        assertEquals("type", p.rule(), "rule");
        assertEquals("attendances_type_1_count", p.column(), "column");
        assertEquals("abc", p.rawValue(), "raw value");
        assertEquals(2, p.line(), "line");
        assertEquals(1, result.rowsRejected(), "rows rejected");
    }

    @Test
    void rejectsANegativeCount() throws Exception {
        RowProblem p = AeFiles.onlyProblem(parse(HEADER, withCount(RTD, 21, "-3"), NDJ, TOTAL));
        assertEquals("non_negative", p.rule(), "rule");
        assertEquals("other_emergency_admissions_count", p.column(), "column");
    }

    @Test
    void rejectsMoreBreachesThanAttendances() throws Exception {
        RowProblem p = AeFiles.onlyProblem(parse(HEADER, withCount(RTD, 10, "101"), NDJ, TOTAL));
        assertEquals("within_le_total", p.rule(), "rule");
        assertEquals("over_4h_type_1_count", p.column(), "column");
    }

    @Test
    void rejectsEveryRowOfADuplicatedOrganisation() throws Exception {
        FileParseResult result = parse(HEADER, RTD, NDJ, RTD, TOTAL);
        assertEquals(2, result.rowsRejected(), "both RTD rows rejected");
        assertTrue(result.problems().stream().allMatch(p -> p.rule().equals("duplicate_key")), "rule duplicate_key");
        assertEquals(List.of(2L, 4L), result.problems().stream().map(RowProblem::line).sorted().toList(), "lines");
        assertEquals(1, result.rowsAccepted(), "NDJ accepted");
    }

    @Test
    void rejectsAFileHoldingTwoMonths() throws Exception {
        Path file = AeFiles.write(dir, "two.csv", HEADER, RTD, NDJ.replace("APRIL", "MAY"), TOTAL);
        FileRejectedException e = assertThrows(FileRejectedException.class, () -> AeFiles.parse(format, file));
        assertEquals("many_periods", e.rule(), "rule");
    }

    @Test
    void warnsWhenTheTotalDoesNotReconcile() throws Exception {
        FileParseResult result = parse(HEADER, RTD, NDJ, withCount(TOTAL, 6, "251"));
        assertEquals(List.of(), result.problems(), "no rejects");
        assertEquals(1, result.warnings().size(), "one warning: " + result.warnings());
        String w = result.warnings().get(0);
        assertTrue(w.startsWith("control_total_mismatch"), w);
        assertTrue(w.contains("A&E attendances Other A&E Department") && w.contains("250") && w.contains("251"),
                "names the column and both values: " + w);
    }

    @Test
    void readsQuotedThousandsSeparators() throws Exception {
        FileParseResult result = parse(HEADER, withCount(RTD, 4, "1,234"), NDJ, withCount(TOTAL, 4, "1,234"));
        assertEquals(List.of(), result.problems(), "no rejects");
        assertEquals(List.of(), result.warnings(), "TOTAL reconciles");
        assertEquals(1234L, AeFiles.dataRows(result).get(0).get("attendances_type_1_count"), "1,234 read as 1234");
    }

    @Test
    void rejectsAnUnreadablePeriod() throws Exception {
        RowProblem p = AeFiles.onlyProblem(parse(HEADER, RTD.replace("MSitAE-APRIL-2025", "APRIL 2025"), NDJ, TOTAL));
        assertEquals("type", p.rule(), "rule");
        assertEquals("Period", p.column(), "column");
        assertEquals("APRIL 2025", p.rawValue(), "raw value");
    }

    @Test
    void keepsTheFirstTotalAndRejectsASecond() throws Exception {
        FileParseResult result = parse(HEADER, RTD, NDJ, "TOTAL " + TOTAL.substring(5), TOTAL);
        assertEquals(1, result.rowsControl(), "one control row");
        assertEquals(4, result.controls().get(0).line(), "the first TOTAL, written 'TOTAL '");
        RowProblem p = AeFiles.onlyProblem(result);
        assertEquals("duplicate_total", p.rule(), "rule");
        assertEquals(5, p.line(), "second TOTAL line");
    }

    @Test
    void warnsWhenThereIsNoTotal() throws Exception {
        FileParseResult result = parse(HEADER, RTD, NDJ);
        assertEquals(0, result.rowsControl(), "no control row");
        assertEquals(1, result.warnings().size(), "one warning");
        assertTrue(result.warnings().get(0).startsWith("control_total_missing"), result.warnings().get(0));
    }

    @Test
    void readsPeriodSpellings() {
        assertEquals(LocalDate.of(2017, 4, 1), MsitAePeriod.parse("MSitAE-APRIL-2017"), "upper case");
        assertEquals(LocalDate.of(2017, 9, 1), MsitAePeriod.parse(" MSitAE-September-2017 "), "mixed case, spaces");
        assertEquals(LocalDate.of(2017, 9, 1), MsitAePeriod.parse("MSITAE-SEPT-2017"), "abbreviated");
        assertNull(MsitAePeriod.parse("TOTAL"), "TOTAL is no month");
        assertNull(MsitAePeriod.parse("MSitAE-SMARCH-2017"), "not a month name");
        assertNull(MsitAePeriod.parse(""), "blank");
    }
}
