package uk.nhs.stp.ingest.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.testing.RealData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GpPracticeMapCsvTest {
    private static final String FILE = "lookups_ods/gp-reg-pat-prac-map.csv";
    private final GpPracticeMapCsv format = new GpPracticeMapCsv();

    @Test
    void readsOneRowPerCcgAndAccountsForEveryPractice() throws Exception {
        Path file = RealData.file(FILE);
        List<List<String>> raw = LookupFiles.rawRecords(file, 1);
        // by hand from the raw lines: CCG (field 9) -> (E54 field 11, Q field 12)
        Map<String, String> ccgFootprint = new TreeMap<>();
        Set<String> footprints = new TreeSet<>();
        for (List<String> f : raw) {
            ccgFootprint.put(f.get(8), f.get(10) + "/" + f.get(11));
            footprints.add(f.get(10));
        }
        assertEquals(6527, raw.size(), "PROVENANCE.md: 6,527 rows");
        assertEquals(106, ccgFootprint.size(), "PROVENANCE.md: 106 CCGs");
        assertEquals(42, footprints.size(), "PROVENANCE.md: 42 STPs");

        FileParseResult result = LookupFiles.read(format, file);

        assertEquals(6527, result.rowsRead(), "every practice line read");
        assertEquals(6527, result.rowsAccepted(), "every practice line accepted with its CCG: " + LookupFiles.first(result));
        assertEquals(106, result.rows().size(), "one row per CCG");
        Map<String, OutputRow> byCcg = result.rows().stream()
                .collect(Collectors.toMap(r -> (String) r.get("org_code"), Function.identity()));
        for (Map.Entry<String, String> e : ccgFootprint.entrySet()) {
            OutputRow row = byCcg.get(e.getKey());
            assertEquals(e.getValue(), row.get("footprint_code") + "/" + row.get("footprint_ods_code"), e.getKey());
        }
        OutputRow tees = byCcg.get("16C");
        assertEquals("E38000247", tees.get("org_ons_code"));
        assertEquals("E54000050", tees.get("footprint_code"), "first line of the file: Tees Valley CCG in E54000050");
        assertEquals("QHM", tees.get("footprint_ods_code"));
        assertEquals("E40000009", tees.get("region_code"));
        assertEquals("ics", tees.get("footprint_type"));
        assertEquals(LocalDate.of(2022, 1, 1), tees.get("valid_from"), "EXTRACT_DATE 01Jan2022");
        assertNull(tees.get("valid_to"));
    }

    @Test
    void aPracticeThatPutsItsCcgElsewhereIsRejectedAndTheRestKept(@TempDir Path dir) throws Exception {
        String header = "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,"
                + "ONS_CCG_CODE,CCG_CODE,CCG_NAME,ONS_STP_CODE,STP_CODE,STP_NAME,ONS_COMM_REGION_CODE,COMM_REGION_CODE,"
                + "COMM_REGION_NAME\n";
        String a = "GP_PRAC_PAT_LIST,01Jan2022,A1,\"P, ONE\",TS1,U1,PCN,E38000247,16C,NHS Tees Valley CCG,E54000050,QHM,"
                + "Cumbria and North East,E40000009,Y63,North East and Yorkshire\n";
        Path file = dir.resolve("map.csv");
        Files.writeString(file, header + a + a.replace("A1,", "A2,") + a.replace("A1,", "A3,").replace("E54000050,QHM", "E54000051,QOQ")
                + a.replace("A1,", "A4,").replace("01Jan2022", "2022-01-01").replace("16C", "00L"));

        FileParseResult result = LookupFiles.read(format, file);

        assertEquals(4, result.rowsRead());
        assertEquals(2, result.rowsAccepted(), "the two agreeing practices of 16C: " + LookupFiles.first(result));
        assertEquals(2, result.rowsRejected(), LookupFiles.first(result));
        assertTrue(result.problems().stream().anyMatch(p -> p.line() == 4 && p.rule().equals("inconsistent_mapping")
                && p.reason().contains("line 2")), LookupFiles.first(result));
        assertTrue(result.problems().stream().anyMatch(p -> p.line() == 5 && p.rule().equals("date")),
                LookupFiles.first(result));
    }
}
