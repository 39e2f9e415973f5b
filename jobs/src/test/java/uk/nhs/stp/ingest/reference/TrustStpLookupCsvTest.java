package uk.nhs.stp.ingest.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.read.RowProblem;
import uk.nhs.stp.testing.RealData;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustStpLookupCsvTest {
    private static final String FILE = "lookups_stp/Trust-STP-lookup.csv";
    private final TrustStpLookupCsv format = new TrustStpLookupCsv();

    @Test
    void readsEveryTrustOfTheRealLookupWithoutRejects() throws Exception {
        Path file = RealData.file(FILE);
        List<List<String>> raw = LookupFiles.rawRecords(file, 1);
        Set<String> rawTrusts = raw.stream().map(f -> f.get(2)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> rawStps = raw.stream().map(f -> f.get(4)).collect(Collectors.toCollection(TreeSet::new));

        FileParseResult result = LookupFiles.read(format, file);

        assertEquals(137, raw.size(), "PROVENANCE.md: 137 data rows");
        assertEquals(137, rawTrusts.size(), "one row per trust in the raw file");
        assertEquals(raw.size(), result.rowsRead(), "rows read");
        assertEquals(137, result.rowsAccepted(), "rows accepted");
        assertEquals(0, result.rowsRejected(), "rejects: " + result.problems());
        assertEquals(0, result.rowsControl(), "no total rows in a lookup");
        assertTrue(result.warnings().isEmpty(), "warnings: " + result.warnings());
        assertTrue(result.periods().isEmpty(), "a lookup is not partitioned by month");

        Set<String> expectedStps = IntStream.rangeClosed(5, 48).mapToObj(i -> String.format("E540000%02d", i))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expectedStps, rawStps, "PROVENANCE.md: the 44 STP codes E54000005-E54000048");
        assertEquals(rawTrusts, column(result, "org_code"), "trust codes");
        assertEquals(rawStps, column(result, "footprint_code"), "STP codes");
    }

    @Test
    void trimsNonBreakingSpacesAndDatesThe2017Footprints() throws Exception {
        Path file = RealData.file(FILE);
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("\u00A0"),
                "the raw file has non-breaking spaces to trim");

        FileParseResult result = LookupFiles.read(format, file);

        for (OutputRow row : result.rows()) {
            for (String c : List.of("org_name", "footprint_name", "region_name")) {
                String v = (String) row.get(c);
                assertFalse(v == null || v.contains("\u00A0") || !v.equals(v.trim()),
                        c + " '" + v + "' on line " + row.line() + " should be trimmed of NBSP");
            }
            assertEquals(TrustStpLookupCsv.NAME, row.get("lookup"), "lookup on line " + row.line());
            assertEquals("trust", row.get("org_type"), "org_type on line " + row.line());
            assertEquals("stp", row.get("footprint_type"), "footprint_type on line " + row.line());
            assertEquals(LocalDate.of(2017, 4, 1), row.get("valid_from"), "valid_from on line " + row.line());
            assertEquals(LocalDate.of(2018, 3, 31), row.get("valid_to"), "valid_to on line " + row.line());
            assertEquals(0, LookupRows.WHOLE.compareTo((BigDecimal) row.get("weight")),
                    "weight on line " + row.line());
        }
        OutputRow buckinghamshire = result.rows().stream().filter(r -> "RXQ".equals(r.get("org_code")))
                .findFirst().orElseThrow();
        assertEquals("Buckinghamshire, Oxfordshire and Berkshire West", buckinghamshire.get("footprint_name"),
                "quoted STP name with a trailing NBSP");
    }

    @Test
    void rejectsEveryRowOfAKeyListedTwice(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lookup.csv");
        Files.writeString(file, "NHS England Region,Trust,code,STP,STP_code\r\n"
                + "London Commissioning Region,Trust A,RAA,North Central London,E54000028\r\n"
                + "London Commissioning Region,Trust B,RBB,North Central London,E54000028\r\n"
                + "London Commissioning Region,Trust A again,raa,North Central London,E54000028\r\n");

        FileParseResult result = LookupFiles.read(format, file);

        assertEquals(3, result.rowsRead(), "rows read");
        assertEquals(1, result.rowsAccepted(), "only the trust listed once is accepted");
        assertEquals(2, result.rowsRejected(), "both rows of the repeated (org, footprint) are rejected");
        assertEquals(Set.of(2L, 4L), result.problems().stream().filter(p -> p.rule().equals("duplicate_key"))
                .map(RowProblem::line).collect(Collectors.toSet()), "duplicate_key lines");
    }

    @Test
    void rejectsACodeThatIsNotAFootprint(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lookup.csv");
        Files.writeString(file, "NHS England Region,Trust,code,STP,STP_code\n"
                + "London Commissioning Region,Trust A,RAA,North Central London,E38000028\n"
                + "London Commissioning Region,Trust B,RBB,North Central London,\n");

        FileParseResult result = LookupFiles.read(format, file);

        assertEquals(2, result.rowsRejected(), "rejects: " + result.problems());
        assertEquals(List.of("pattern", "required"), result.problems().stream().map(RowProblem::rule).toList(),
                "a CCG code is not a footprint code; a blank footprint is missing");
    }

    private static Set<String> column(FileParseResult result, String column) {
        return result.rows().stream().map(r -> (String) r.get(column)).collect(Collectors.toCollection(TreeSet::new));
    }
}
