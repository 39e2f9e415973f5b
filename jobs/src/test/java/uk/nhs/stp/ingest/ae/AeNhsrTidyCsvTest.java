package uk.nhs.stp.ingest.ae;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.read.ReturnFormats;
import uk.nhs.stp.ingest.read.RowProblem;
import uk.nhs.stp.testing.RealData;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The NHS-R tidy A&E history reader: the real 2016–2019 file and synthetic pivots. */
class AeNhsrTidyCsvTest {
    private static final String HEADER = "period,org_code,type,attendances,breaches,admissions";

    @TempDir
    Path dir;

    private final AeNhsrTidyCsv format = new AeNhsrTidyCsv();

    @Test
    void readsTheRealHistory() throws Exception {
        Path file = RealData.file("derived/ae_attendances_nhsrdatasets.DERIVED.csv");
        assertTrue(format.recognises(AeFiles.open(file)), "recognised");
        assertFalse(new AeMonthlyProviderCsv().recognises(AeFiles.open(file)), "not taken for the monthly CSV");
        assertInstanceOf(AeNhsrTidyCsv.class, ReturnFormats.detect(AeFiles.open(file)), "detected among all formats");

        FileParseResult result = AeFiles.parse(format, file);

        // Figures recomputed from the raw lines without the reader.
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).subList(1, 12766);
        long attendances = 0;
        long breaches = 0;
        Set<String> monthOrgs = new HashSet<>();
        for (String l : lines) {
            String[] f = l.split(",");
            attendances += Long.parseLong(f[3]);
            breaches += Long.parseLong(f[4]);
            monthOrgs.add(f[0] + "|" + f[1]);
        }

        assertEquals(List.of(), result.problems(), "no rejects");
        assertEquals(12_765, result.rowsRead(), "rows read (PROVENANCE.md)");
        assertEquals(12_765, result.rowsAccepted(), "every line accepted with its row");
        assertEquals(0, result.rowsControl(), "no control rows");
        assertEquals(monthOrgs.size(), result.rows().size(), "one conformed row per month and organisation");
        assertEquals(36, result.periods().size(), "36 months");
        assertEquals(LocalDate.of(2016, 4, 1), result.periods().get(0), "first month");
        assertEquals(LocalDate.of(2019, 3, 1), result.periods().get(35), "last month");

        long readAttendances = 0;
        long readBreaches = 0;
        for (String type : List.of("type_1", "type_2", "other")) {
            readAttendances += AeFiles.sum(result, "attendances_" + type + "_count");
            readBreaches += AeFiles.sum(result, "over_4h_" + type + "_count");
        }
        assertEquals(attendances, readAttendances, "attendances, all types");
        assertEquals(breaches, readBreaches, "4-hour breaches, all types");
        assertEquals(72_019_402L, readAttendances, "attendances 2016/17-2018/19");
    }

    @Test
    void pivotsTheTypeLinesOfOneOrganisationAndMonth() throws Exception {
        FileParseResult result = parse(
                "2017-03-01,RF4,1,21289,2879,5060",
                "2017-03-01,RF4,2,813,22,0",
                "2017-03-01,RF4,other,2850,6,0",
                "2017-03-01,AD913,other,4381,2,0");
        assertEquals(List.of(), result.problems(), "no rejects");
        assertEquals(4, result.rowsAccepted(), "all four lines accepted");
        assertEquals(2, result.rows().size(), "two conformed rows");
        Map<String, OutputRow> byOrg = result.rows().stream()
                .collect(Collectors.toMap(r -> (String) r.get("org_code"), r -> r));
        OutputRow rf4 = byOrg.get("RF4");
        assertEquals(2, rf4.line(), "row starts at its first line");
        assertEquals(LocalDate.of(2017, 3, 1), rf4.get("month"), "month");
        assertEquals(21289L, rf4.get("attendances_type_1_count"), "type 1 attendances");
        assertEquals(22L, rf4.get("over_4h_type_2_count"), "type 2 breaches");
        assertEquals(2850L, rf4.get("attendances_other_count"), "other attendances");
        assertEquals(5060L, rf4.get("emergency_admissions_type_1_count"), "type 1 admissions");
        assertNull(rf4.get("dta_12h_plus_count"), "not in this source");
        OutputRow ad913 = byOrg.get("AD913");
        assertNull(ad913.get("attendances_type_1_count"), "no type 1 line: null, not zero");
        assertEquals(4381L, ad913.get("attendances_other_count"), "other attendances");
    }

    @Test
    void rejectsEveryLineOfARowThatFailsValidation() throws Exception {
        FileParseResult result = parse(
                "2017-03-01,RF4,1,21289,2879,5060",
                "2017-03-01,RF4,2,813,900,0",
                "2017-03-01,R1H,1,30210,5902,6943");
        assertEquals(2, result.rowsRejected(), "both RF4 lines rejected");
        assertEquals(1, result.rowsAccepted(), "R1H accepted");
        assertTrue(result.problems().stream().allMatch(p -> p.rule().equals("within_le_total")), "rule");
        assertEquals(Set.of(2L, 3L), result.problems().stream().map(RowProblem::line).collect(Collectors.toSet()),
                "every line of the row");
    }

    @Test
    void rejectsARepeatedTypeAndItsWholeRow() throws Exception {
        FileParseResult result = parse(
                "2017-03-01,RF4,1,21289,2879,5060",
                "2017-03-01,RF4,other,2850,6,0",
                "2017-03-01,RF4,1,21289,2879,5060");
        assertEquals(3, result.rowsRejected(), "every RF4 line rejected");
        Map<Long, String> rules = result.problems().stream().collect(Collectors.toMap(RowProblem::line, RowProblem::rule));
        assertEquals(Map.of(2L, "duplicate_key", 3L, "incomplete_row", 4L, "duplicate_key"), rules, "rules by line");
    }

    @Test
    void rejectsUnknownTypesAndUnreadablePeriods() throws Exception {
        FileParseResult result = parse(
                "2017-03-01,RF4,1,21289,2879,5060",
                "2017-03-01,RF4,3,2850,6,0",
                "2017-13-01,R1H,1,30210,5902,6943",
                "2017-03-15,RYX,other,19562,258,0",
                "2017-03-01,AD913,other,4381,2,0");
        Map<Long, String> rules = result.problems().stream().collect(Collectors.toMap(RowProblem::line, RowProblem::rule));
        assertEquals(Map.of(2L, "incomplete_row", 3L, "allowed_values", 4L, "type", 5L, "type"), rules, "rules by line");
        assertEquals(1, result.rowsAccepted(), "AD913 accepted");
    }

    @Test
    void rejectsTextInACount() throws Exception {
        FileParseResult result = parse(
                "2017-03-01,RF4,1,21289,2879,5060",
                "2017-03-01,RF4,2,8x3,22,0");
        assertEquals(2, result.rowsRejected(), "both lines of the row rejected");
        RowProblem first = result.problems().get(0);
        assertEquals("type", first.rule(), "rule");
        assertEquals("attendances_type_2_count", first.column(), "column");
        assertEquals("8x3", first.rawValue(), "raw value");
    }

    private FileParseResult parse(String... lines) throws Exception {
        String[] all = new String[lines.length + 1];
        all[0] = HEADER;
        System.arraycopy(lines, 0, all, 1, lines.length);
        Path file = AeFiles.write(dir, "tidy.csv", all);
        assertTrue(format.recognises(AeFiles.open(file)), "recognised");
        return AeFiles.parse(format, file);
    }
}
