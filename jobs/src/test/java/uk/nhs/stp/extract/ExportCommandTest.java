package uk.nhs.stp.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.contract.AreaScope;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.contract.TableContract;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.publish.PublishedMarts;
import uk.nhs.stp.testing.DatasetAssertions;
import uk.nhs.stp.testing.PublishedDemoWarehouse;
import uk.nhs.stp.testing.SharedSpark;
import uk.nhs.stp.testing.Stp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code stp export}: a region extract (Parquet) and a footprint extract (CSV) of a warehouse of three
 * generated months hold exactly their area's rows of every mart, by the rule of
 * docs/regional-extracts.md, written here again as SQL over the full marts.
 */
class ExportCommandTest {
    /** North East and Yorkshire in the 2018 map the generated lookups resolve to. */
    private static final String REGION = "E40000009";

    @TempDir
    static Path tmp;
    private static SparkSession spark;
    private static PublishedMarts marts;
    private static String warehouse;
    private static String footprint;
    private static Path regionOut;
    private static Path footprintOut;
    private static String regionFootprints;
    private static String regionOrganisations;

    @BeforeAll
    static void export() throws IOException {
        warehouse = PublishedDemoWarehouse.path();
        spark = SharedSpark.session();
        marts = PublishedMarts.require(new Warehouse(warehouse, spark.sparkContext().hadoopConfiguration()));
        List<String> footprints = full("dim_footprint").filter("region_code = '" + REGION + "'")
                .select("footprint_code").orderBy("footprint_code").as(Encoders.STRING()).collectAsList();
        assertTrue(footprints.size() > 1, "the region has several footprints: " + footprints);
        footprint = footprints.get(0);
        regionFootprints = quoted(footprints);
        regionOrganisations = quoted(full("dim_organisation").filter("footprint_code IN (" + regionFootprints + ")")
                .select("org_code").as(Encoders.STRING()).collectAsList());
        regionOut = tmp.resolve("region");
        footprintOut = tmp.resolve("footprint");
        Stp.Result r = Stp.run("export", "--warehouse", warehouse, "--region", REGION, "--out", regionOut.toString());
        assertEquals(0, r.exitCode(), r.toString());
        Stp.Result f = Stp.run("export", "--warehouse", warehouse, "--footprint", footprint, "--out", footprintOut.toString(),
                "--format", "csv");
        assertEquals(0, f.exitCode(), f.toString());
    }

    private static Dataset<Row> full(String table) {
        return spark.read().parquet(marts.path(table).toString());
    }

    private static String quoted(List<String> codes) {
        return codes.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "));
    }

    /** The rule, as SQL: which rows of a mart belong to the region's extract. */
    private static String regionRows(AreaScope scope) {
        switch (scope) {
            case AREA: return "area_level = 'england' OR (area_level = 'region' AND area_code = '" + REGION + "')"
                    + " OR (area_level = 'footprint' AND area_code IN (" + regionFootprints + "))"
                    + " OR (area_level IN ('provider', 'organisation') AND area_code IN (" + regionOrganisations + "))";
            case FOOTPRINT: return "footprint_code IN (" + regionFootprints + ")";
            default: return "true";
        }
    }

    private static String footprintRows(AreaScope scope) {
        List<String> orgs = full("dim_organisation").filter("footprint_code = '" + footprint + "'").select("org_code")
                .as(Encoders.STRING()).collectAsList();
        switch (scope) {
            case AREA: return "area_level = 'england' OR (area_level = 'footprint' AND area_code = '" + footprint + "')"
                    + " OR (area_level IN ('provider', 'organisation') AND area_code IN (" + quoted(orgs) + "))";
            case FOOTPRINT: return "footprint_code = '" + footprint + "'";
            default: return "true";
        }
    }

    private static JsonNode manifest(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    }

    @TestFactory
    Stream<DynamicTest> theRegionExtractHoldsExactlyTheRegionsRowsOfEveryMart() {
        return Contracts.list("marts").stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            TableContract contract = Contracts.table("marts", name);
            Dataset<Row> extract = spark.read().parquet(regionOut.resolve(name).toString());
            String rule = regionRows(contract.areaScope());
            assertEquals(0, extract.filter("NOT (" + rule + ")").count(), name + ": no other area's rows");
            DatasetAssertions.assertSameRows(full(name).filter(rule), extract, name + ": every row of the region, as published");
            assertEquals(extract.count(), manifest(regionOut).at("/tables/" + name + "/rows").longValue(), name + " manifest rows");
            assertEquals(marts.rows(name), manifest(regionOut).at("/tables/" + name + "/source_rows").longValue());
        }));
    }

    @Test
    void theRegionExtractHasEachLevelOfTheRegionAndNoOtherRegion() {
        Dataset<Row> spc = spark.read().parquet(regionOut.resolve("spc_summary").toString());
        List<String> levels = spc.select("area_level").distinct().orderBy("area_level").as(Encoders.STRING()).collectAsList();
        assertEquals(List.of("england", "footprint", "provider", "region"), levels, "every level of the region is there");
        List<String> regions = spark.read().parquet(regionOut.resolve("region_metric_month").toString())
                .select("area_code").distinct().as(Encoders.STRING()).collectAsList();
        assertEquals(List.of(REGION), regions, "one region's rows only");
    }

    @TestFactory
    Stream<DynamicTest> theFootprintCsvExtractHoldsExactlyTheFootprintsRows() {
        return Contracts.list("marts").stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            TableContract contract = Contracts.table("marts", name);
            Path csv = footprintOut.resolve(name + ".csv");
            byte[] bytes = Files.readAllBytes(csv);
            assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3),
                    name + ".csv starts with the UTF-8 byte order mark");
            String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
            String header = text.lines().findFirst().orElse("");
            assertEquals(contract.columns().stream().map(c -> c.name()).collect(Collectors.joining(",")), header, name + " header");
            Dataset<Row> extract = spark.read().option("header", "true").option("multiLine", "true").csv(csv.toString());
            long expected = full(name).filter(footprintRows(contract.areaScope())).count();
            assertEquals(expected, extract.count(), name + ": the footprint's rows, no more, no fewer");
            assertEquals(expected, manifest(footprintOut).at("/tables/" + name + "/rows").longValue(), name + " manifest rows");
            if (contract.areaScope() == AreaScope.AREA) {
                assertEquals(0, extract.filter("area_level = 'region'").count(), name + ": a footprint extract has no region rows");
            }
        }));
    }

    @Test
    void csvDatesAreIsoAndListsAreJoined() throws IOException {
        List<String> months = Files.readAllLines(footprintOut.resolve("dim_month.csv"), StandardCharsets.UTF_8);
        assertEquals("2017-04-01", months.get(1).split(",")[0], "ISO date: " + months);
        Row organisation = full("dim_organisation").filter("footprint_code = '" + footprint + "' AND size(returns) > 1").first();
        List<String> returns = organisation.getList(organisation.fieldIndex("returns"));
        String line = Files.readAllLines(footprintOut.resolve("dim_organisation.csv"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith(organisation.getAs("org_code") + ",")).findFirst().orElseThrow();
        assertTrue(line.contains(String.join(";", returns)), "returns joined with ';': " + line);
    }

    @Test
    void theManifestSaysWhatTheExtractIs() throws IOException {
        JsonNode m = manifest(regionOut);
        assertEquals("region", m.get("area_kind").asText());
        assertEquals(REGION, m.get("area_code").asText());
        assertEquals("North East and Yorkshire", m.get("area_name").asText());
        assertEquals(marts.version(), m.get("source_version").asText());
        assertEquals("2018", m.get("footprint_vintage").asText());
        assertEquals("parquet", m.get("format").asText());
        assertEquals(Contracts.list("marts").size(), m.get("tables").size());
        assertEquals(regionFootprints, quoted(new ObjectMapper().convertValue(m.get("footprints"),
                new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { })));
        assertEquals("csv", manifest(footprintOut).get("format").asText());
    }

    @Test
    void badAreasAndUsedFoldersAreUsageErrors() {
        Stp.Result unknown = Stp.run("export", "--warehouse", warehouse, "--region", "E40000099", "--out",
                tmp.resolve("x").toString());
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().startsWith("stp: no region E40000099 in the published marts' dim_footprint; regions: "
                + "E40000003, "), unknown.toString());
        Stp.Result both = Stp.run("export", "--warehouse", warehouse, "--region", REGION, "--footprint", footprint, "--out",
                tmp.resolve("y").toString());
        assertEquals(2, both.exitCode(), both.toString());
        Stp.Result used = Stp.run("export", "--warehouse", warehouse, "--region", REGION, "--out", regionOut.toString());
        assertEquals(2, used.exitCode(), used.toString());
        assertTrue(used.err().contains("is not empty"), used.toString());
    }
}
