package uk.nhs.stp.ingest.reference;

import org.junit.jupiter.api.Test;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.testing.RealData;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ccg18StpLookupCsvTest {
    private static final String FILE = "derived/ccg18_to_stp18_to_nhser18.DERIVED.csv";
    private final Ccg18StpLookupCsv format = new Ccg18StpLookupCsv();

    @Test
    void maps195CcgsTo42StpsIn7Regions() throws Exception {
        Path file = RealData.file(FILE);
        List<List<String>> raw = LookupFiles.rawRecords(file, 1);
        Set<String> rawCcgs = distinct(raw, 1);
        Set<String> rawStps = distinct(raw, 3);
        Set<String> rawRegions = distinct(raw, 5);
        Map<String, String> regionOfStp = new HashMap<>();
        for (List<String> f : raw) {
            String earlier = regionOfStp.putIfAbsent(f.get(3), f.get(5));
            assertTrue(earlier == null || earlier.equals(f.get(5)), "STP " + f.get(3) + " in one region only");
        }
        assertEquals(195, rawCcgs.size(), "PROVENANCE.md: 195 CCGs");
        assertEquals(42, rawStps.size(), "PROVENANCE.md: 42 STPs");
        assertEquals(7, rawRegions.size(), "7 NHS England regions of 2018");

        FileParseResult result = LookupFiles.read(format, file);

        assertEquals(195, result.rowsRead(), "rows read");
        assertEquals(195, result.rowsAccepted(), "rows accepted");
        assertEquals(0, result.rowsRejected(), "rejects: " + result.problems());
        assertEquals(0, result.rowsControl(), "no total rows in a lookup");
        assertTrue(result.warnings().isEmpty(), "warnings: " + result.warnings());
        assertEquals(rawCcgs, column(result, "org_code"), "CCG ODS codes");
        assertEquals(distinct(raw, 0), column(result, "org_ons_code"), "CCG ONS codes");
        assertEquals(rawStps, column(result, "footprint_code"), "STP codes");
        assertEquals(rawRegions, column(result, "region_code"), "region codes");
    }

    @Test
    void keepsTheCcgCodesAndDatesThe2018Footprints() throws Exception {
        FileParseResult result = LookupFiles.read(format, RealData.file(FILE));

        OutputRow airedale = result.rows().stream().filter(r -> "02N".equals(r.get("org_code"))).findFirst()
                .orElseThrow();
        assertEquals("E38000001", airedale.get("org_ons_code"), "ONS code of 02N");
        assertEquals("NHS Airedale, Wharfedale and Craven CCG", airedale.get("org_name"), "quoted name");
        assertEquals("E54000005", airedale.get("footprint_code"), "West Yorkshire");
        assertEquals("E40000009", airedale.get("region_code"), "North East and Yorkshire");
        for (OutputRow row : result.rows()) {
            assertEquals("ccg", row.get("org_type"), "org_type on line " + row.line());
            assertEquals("stp", row.get("footprint_type"), "footprint_type on line " + row.line());
            assertEquals(LocalDate.of(2018, 4, 1), row.get("valid_from"), "valid_from on line " + row.line());
            assertEquals(LocalDate.of(2019, 3, 31), row.get("valid_to"), "valid_to on line " + row.line());
            assertFalse(((String) row.get("footprint_name")).contains("\u00A0"), "NBSP-free on line " + row.line());
        }
        assertTrue(result.rows().stream().allMatch(r -> r.get("region_name") != null), "every CCG row names its region");
    }

    private static Set<String> distinct(List<List<String>> raw, int field) {
        return raw.stream().map(f -> f.get(field)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> column(FileParseResult result, String column) {
        return result.rows().stream().map(r -> (String) r.get(column)).collect(Collectors.toCollection(TreeSet::new));
    }
}
