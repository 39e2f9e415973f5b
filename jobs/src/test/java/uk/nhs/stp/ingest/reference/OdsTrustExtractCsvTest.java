package uk.nhs.stp.ingest.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.read.RowProblem;
import uk.nhs.stp.testing.RealData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OdsTrustExtractCsvTest {
    private static final String FILE = "lookups_ods/etr.csv";
    private final OdsTrustExtractCsv format = new OdsTrustExtractCsv();

    @Test
    void readsEveryTrustAndSetsWalesAside() throws Exception {
        Path file = RealData.file(FILE);
        List<List<String>> raw = LookupFiles.rawRecords(file, 0);
        long welsh = raw.stream().filter(f -> f.get(2).equals("W00")).count();
        Set<String> english = raw.stream().filter(f -> !f.get(2).equals("W00")).map(f -> f.get(0))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(218, raw.size(), "PROVENANCE.md: 218 rows, no header");
        assertEquals(3, welsh, "Welsh trusts in the raw file");

        FileParseResult result = LookupFiles.read(format, file);

        assertEquals(218, result.rowsRead(), "rows read");
        assertEquals(218 - welsh, result.rowsAccepted(), "English trusts accepted");
        assertEquals(welsh, result.rowsRejected(), "Welsh trusts set aside");
        assertEquals(218, result.rowsAccepted() + result.rowsRejected(), "accepted + out_of_scope = 218");
        assertTrue(result.problems().stream().allMatch(p -> p.rule().equals("out_of_scope")),
                "only out_of_scope rejects: " + result.problems());
        assertTrue(result.warnings().isEmpty(), "warnings: " + result.warnings());
        assertEquals(english, result.rows().stream().map(r -> (String) r.get("org_code"))
                .collect(Collectors.toCollection(TreeSet::new)), "English trust codes");
        for (OutputRow row : result.rows()) {
            assertTrue(((String) row.get("footprint_code")).matches("Q[A-Z0-9]{2}"),
                    "Q footprint code on line " + row.line() + ": " + row.get("footprint_code"));
            assertEquals("ics", row.get("footprint_type"), "footprint_type on line " + row.line());
            assertFalse(((LocalDate) row.get("valid_from")).isBefore(LocalDate.of(2020, 4, 1)),
                    "valid_from not before the April 2020 footprints on line " + row.line());
        }
    }

    @Test
    void datesEachTrustFromTheLaterOfItsOpeningAndApril2020() throws Exception {
        FileParseResult result = LookupFiles.read(format, RealData.file(FILE));
        Map<String, OutputRow> byCode = result.rows().stream()
                .collect(Collectors.toMap(r -> (String) r.get("org_code"), Function.identity()));

        OutputRow manchester = byCode.get("R0A");
        assertEquals("QOP", manchester.get("footprint_code"), "R0A in Greater Manchester");
        assertEquals("Y62", manchester.get("region_code"), "R0A in the North West");
        assertEquals(LocalDate.of(2020, 4, 1), manchester.get("valid_from"), "opened 2017: from April 2020");
        assertNull(manchester.get("valid_to"), "R0A still open");

        assertEquals(LocalDate.of(2020, 10, 1), byCode.get("R0D").get("valid_from"), "R0D opened 2020-10-01");
        assertEquals(LocalDate.of(2020, 9, 30), byCode.get("RD3").get("valid_to"), "RD3 closed 2020-09-30");
    }

    @Test
    void rejectsTrustsOutsideTheFootprints(@TempDir Path dir) throws Exception {
        String blanks = ",\"\"".repeat(15);
        Path file = dir.resolve("etr.csv");
        Files.writeString(file,
                "\"RAA\",\"TRUST A\",\"Y56\",\"QMJ\",\"A\",\"\",\"\",\"LONDON\",\"\",\"N1 1AA\",\"19940401\",\"\"" + blanks + "\n"
                + "\"RBB\",\"TRUST B\",\"Y56\",\"QMJ\",\"A\",\"\",\"\",\"LONDON\",\"\",\"N1 1AA\",\"19940401\",\"20190331\"" + blanks + "\n"
                + "\"RCC\",\"TRUST C\",\"W00\",\"Q99\",\"A\",\"\",\"\",\"CARDIFF\",\"\",\"CF1 1AA\",\"19940401\",\"\"" + blanks + "\n"
                + "\"RDD\",\"TRUST D\",\"Y56\",\"QMJ\",\"A\",\"\",\"\",\"LONDON\",\"\",\"N1 1AA\",\"19941301\",\"\"" + blanks + "\n");
        assertTrue(format.recognises(LookupFiles.content(file)), "recognised by shape");

        FileParseResult result = LookupFiles.read(format, file);

        assertEquals(1, result.rowsAccepted(), "only RAA is in scope and readable");
        assertEquals(Map.of(2L, "out_of_scope", 3L, "out_of_scope", 4L, "type"), result.problems().stream()
                .collect(Collectors.toMap(RowProblem::line, RowProblem::rule)), "rejects by line");
    }
}
