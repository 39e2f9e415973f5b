package uk.nhs.stp.nightly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.generate.SampleReturnsGenerator;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.publish.PublishedMarts;
import uk.nhs.stp.publish.PublishedVersion;
import uk.nhs.stp.testing.PublishedRows;
import uk.nhs.stp.testing.Stp;
import uk.nhs.stp.testing.Stp.Result;
import uk.nhs.stp.testing.SharedSpark;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code stp nightly} night after night on one warehouse: the first run publishes, a run with
 * nothing new changes nothing, a revised file changes only its month, a broken file beside a good
 * one is reported with exit 3 while the good one is published, a rollback restores an earlier
 * version, retention keeps the last N, and a fresh warehouse built from the same landing folder
 * in one run has the same rows in every table as the one built night by night.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path tmp;
    private static SparkSession spark;
    private static Path landing;
    private static String warehouse;
    private static Warehouse wh;
    private static Map<String, List<String>> firstVersionRows;
    private static String firstVersion;

    @BeforeAll
    static void generate() throws IOException {
        spark = SharedSpark.session();
        landing = tmp.resolve("landing");
        new SampleReturnsGenerator().generate(new SampleReturnsGenerator.Options(landing.toString(),
                YearMonth.of(2017, 4), 2, 11));
        warehouse = tmp.resolve("wh").toString();
        wh = new Warehouse(warehouse, spark.sparkContext().hadoopConfiguration());
    }

    static Result stp(String... args) {
        return Stp.run(args);
    }

    static Result nightly(String... extra) {
        List<String> args = new ArrayList<>(List.of("nightly", "--landing", landing.toString(), "--warehouse", warehouse));
        args.addAll(List.of(extra));
        return stp(args.toArray(new String[0]));
    }

    private static JsonNode manifest(Result r) throws IOException {
        String line = r.out().lines().filter(l -> l.startsWith("manifest: ")).findFirst().orElseThrow();
        return JSON.readTree(Files.readString(Path.of(java.net.URI.create(line.substring("manifest: ".length())))));
    }

    private static String report(Result r) throws IOException {
        String line = r.out().lines().filter(l -> l.startsWith("report:   ")).findFirst().orElseThrow();
        return Files.readString(Path.of(java.net.URI.create(line.substring("report:   ".length()).trim())));
    }

    private static List<PublishedVersion> log() throws IOException {
        return PublishedMarts.log(wh);
    }

    @Test
    @Order(1)
    void firstRunPublishesACompleteVersion() throws IOException {
        Result r = nightly();
        assertEquals(0, r.exitCode(), r.err() + r.out());
        List<PublishedVersion> log = log();
        assertEquals(1, log.size());
        firstVersion = log.get(0).version();
        PublishedMarts current = PublishedMarts.require(wh);
        // every mart of the contracts, each with its contract's schema version; the stable folder shows the same rows
        assertEquals(Contracts.list("marts").stream().sorted().toList(), List.copyOf(current.tables()));
        for (String t : current.tables()) {
            assertEquals(Contracts.table("marts", t).schemaVersion(), current.entry().tables().get(t).schemaVersion(), t);
        }
        assertEquals(Path.of("_versions", firstVersion), Files.readSymbolicLink(Path.of(warehouse, "marts")));
        try (java.util.stream.Stream<Path> staged = Files.list(Path.of(warehouse, "_staging"))) {
            assertEquals(List.of(), staged.toList(), "a finished run leaves no staged work");
        }
        firstVersionRows = PublishedRows.marts(spark, warehouse);
        assertEquals(firstVersionRows, PublishedRows.martFolders(warehouse, current.tables()));
        JsonNode m = manifest(r);
        assertEquals(firstVersion, m.get("published_version").asText());
        assertEquals(current.tables().size(), m.get("outputs").size());
        // the rows read back for the comparisons below are every row the run wrote, table by table
        for (JsonNode output : m.get("outputs")) {
            String table = output.get("table").asText();
            assertEquals(output.get("rows").asLong(), firstVersionRows.get(table).size(), table);
        }
        assertTrue(firstVersionRows.get("england_metric_month").size() > 0);
        assertTrue(m.get("durations_s").has("marts"), m.toString());
        String report = report(r);
        assertTrue(report.contains("published version " + firstVersion), report);
        assertTrue(report.contains("## Footprints whose metrics moved most"), report);
        assertTrue(report.contains("## Unmapped activity, 2017-05-01"), report);
    }

    @Test
    @Order(2)
    void aRunWithNothingNewChangesNothing() throws IOException {
        Map<String, String> conformedBefore = uk.nhs.stp.publish.ConformedState.fingerprint(wh);
        Result r = nightly();
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("nothing new"), r.out());
        assertEquals(1, log().size());
        assertEquals(conformedBefore, uk.nhs.stp.publish.ConformedState.fingerprint(wh));
        assertEquals(firstVersionRows, PublishedRows.marts(spark, warehouse));
        assertFalse(manifest(r).get("changed").get("marts_rebuilt").asBoolean());
    }

    @Test
    @Order(3)
    void aRevisedFileChangesOnlyItsMonth() throws IOException {
        Path original = landing.resolve("ae/April-2017-CSV.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(original));
        String[] first = lines.get(1).split(",", -1);
        String provider = first[1];
        // the revision adds 100 type 1 attendances, none over four hours, to the first provider
        first[4] = Long.toString(Long.parseLong(first[4]) + 100);
        lines.set(1, String.join(",", first));
        Path revised = landing.resolve("ae/revisions/April-2017-CSV-revised.csv");
        Files.createDirectories(revised.getParent());
        Files.write(revised, lines);
        Files.setLastModifiedTime(revised, FileTime.from(Instant.now().plusSeconds(60)));
        Map<String, List<String>> mayFilesBefore = conformedFiles("ae_attendances");
        Map<String, List<String>> derivedBefore = dataFiles(Path.of(warehouse, "derived", "ae_metric_counts"));
        Map<String, List<String>> bandsBefore = dataFiles(Path.of(warehouse, "derived", "rtt_wait_percentiles"));
        Row aprilBefore = englandRow("ae_4h", LocalDate.of(2017, 4, 1));

        Result r = nightly();
        assertEquals(0, r.exitCode(), r.err());
        JsonNode partitions = manifest(r).get("changed").get("partitions");
        assertEquals("{\"ae_attendances\":[\"2017-04-01\"]}", partitions.toString());
        Map<String, List<String>> filesAfter = conformedFiles("ae_attendances");
        assertEquals(mayFilesBefore.get("month=2017-05-01"), filesAfter.get("month=2017-05-01"));
        assertNotEquals(mayFilesBefore.get("month=2017-04-01"), filesAfter.get("month=2017-04-01"));
        assertEquals(2, log().size());
        // the derived counts: only April's A&E counts recomputed, nothing derived from the other returns
        assertTrue(r.out().contains("derive    ae_metric_counts             1 month(s) recomputed, 1 up to date"), r.out());
        Map<String, List<String>> derivedAfter = dataFiles(Path.of(warehouse, "derived", "ae_metric_counts"));
        assertEquals(derivedBefore.get("month=2017-05-01"), derivedAfter.get("month=2017-05-01"));
        assertNotEquals(derivedBefore.get("month=2017-04-01"), derivedAfter.get("month=2017-04-01"));
        assertEquals(bandsBefore, dataFiles(Path.of(warehouse, "derived", "rtt_wait_percentiles")));
        // marts that do not depend on A&E rows are kept as published, with the run that built them
        assertKeptFromFirstVersion(manifest(r));

        Row aprilAfter = englandRow("ae_4h", LocalDate.of(2017, 4, 1));
        assertEquals(((BigDecimal) aprilBefore.getAs("numerator")).add(BigDecimal.valueOf(100)), aprilAfter.getAs("numerator"));
        assertEquals(((BigDecimal) aprilBefore.getAs("denominator")).add(BigDecimal.valueOf(100)), aprilAfter.getAs("denominator"));
        // every other row of the metric-month marts is as before: May, and the other returns' metrics in April
        for (String mart : List.of("england_metric_month", "provider_metric_month", "footprint_metric_month")) {
            String unchanged = "NOT (metric_id LIKE 'ae_%' AND month = DATE'2017-04-01')";
            assertEquals(PublishedRows.sorted(readVersion(firstVersion, mart).filter(unchanged)),
                    PublishedRows.sorted(spark.read().parquet(PublishedMarts.require(wh).path(mart).toString()).filter(unchanged)), mart);
        }
        assertEquals(1, spark.read().parquet(PublishedMarts.require(wh).path("provider_metric_month").toString())
                .filter("metric_id = 'ae_4h' AND month = DATE'2017-04-01' AND area_code = '" + provider + "'").count());
        // the revision no longer adds up to its TOTAL row: published, with the warning in the report
        assertTrue(report(r).contains("control_total_mismatch"), report(r));
    }

    @Test
    @Order(4)
    void aBrokenFileBesideAGoodOneIsReportedAndTheGoodOnePublished() throws IOException {
        Path more = tmp.resolve("three-months");
        new SampleReturnsGenerator().generate(new SampleReturnsGenerator.Options(more.toString(), YearMonth.of(2017, 4), 3, 11));
        Files.copy(more.resolve("ae/June-2017-CSV.csv"), landing.resolve("ae/June-2017-CSV.csv"));
        Files.writeString(landing.resolve("ae/notes-from-the-trust.csv"), "Trust,Comment\nRXX,figures to follow\n");
        String versionBefore = PublishedMarts.require(wh).version();
        Map<String, List<String>> before = PublishedRows.marts(spark, warehouse);

        Result r = nightly();
        assertEquals(3, r.exitCode(), r.err() + r.out());
        assertTrue(r.err().contains("notes-from-the-trust.csv"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals(1, spark.read().parquet(PublishedMarts.require(wh).path("england_metric_month").toString())
                .filter("metric_id = 'ae_4h' AND month = DATE'2017-06-01' AND has_data").count());
        String report = report(r);
        assertTrue(report.contains("notes-from-the-trust.csv") && report.contains("not_a_return"), report);
        // yesterday's rows are intact: April and May of every metric-month mart as before
        for (String mart : List.of("england_metric_month", "footprint_metric_month")) {
            String old = "month <= DATE'2017-05-01'";
            assertEquals(PublishedRows.sorted(readVersion(versionBefore, mart).filter(old)),
                    PublishedRows.sorted(spark.read().parquet(PublishedMarts.require(wh).path(mart).toString()).filter(old)), mart);
        }
        assertNotEquals(before.get("dim_month"), PublishedRows.marts(spark, warehouse).get("dim_month"));
    }

    @Test
    @Order(5)
    void aFreshWarehouseFromTheSameFilesHasTheSameRowsInEveryTable() throws IOException {
        String fresh = tmp.resolve("fresh").toString();
        Result r = stp("nightly", "--landing", landing.toString(), "--warehouse", fresh);
        assertEquals(3, r.exitCode(), r.err());
        assertEquals(PublishedRows.marts(spark, warehouse), PublishedRows.marts(spark, fresh));
        List<String> conformed = List.of("ae_attendances", "rtt_pathways", "cancer_waiting_times", "finance_monthly",
                "org_footprint_map");
        assertEquals(PublishedRows.conformed(warehouse, conformed), PublishedRows.conformed(fresh, conformed));
        // the broken file is reported every night until someone removes it
        Files.delete(landing.resolve("ae/notes-from-the-trust.csv"));
    }

    @Test
    @Order(6)
    void rollbackRestoresAnEarlierVersionUntilSomethingNewArrives() throws IOException {
        Result r = stp("rollback", "--warehouse", warehouse, "--to", firstVersion);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(firstVersion, PublishedMarts.require(wh).version());
        assertEquals(firstVersionRows, PublishedRows.marts(spark, warehouse));
        assertEquals(Path.of("_versions", firstVersion), Files.readSymbolicLink(Path.of(warehouse, "marts")));
        try (java.util.stream.Stream<Path> staged = Files.list(Path.of(warehouse, "_staging"))) {
            assertEquals(List.of(), staged.toList(), "a finished run leaves no staged work");
        }
        Result again = nightly();
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("nothing new"), again.out());
        assertEquals(firstVersion, PublishedMarts.require(wh).version());

        Result list = stp("rollback", "--warehouse", warehouse, "--list");
        assertTrue(list.out().contains(firstVersion + "  published"), list.out());
        Result unknown = stp("rollback", "--warehouse", warehouse, "--to", "20990101T000000.000Z-0000");
        assertEquals(2, unknown.exitCode());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("no kept version"), unknown.err());
    }

    @Test
    @Order(7)
    void settingsThatChangeTheMartsRebuildThemAndBadOptionsAreUsageErrors() throws IOException {
        Result bad = nightly("--keep-versions", "0");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--keep-versions must be at least 1"), bad.err());
        // different SPC rules make the marts differ from the published version's: a rebuild, kept with the last one
        Result r = nightly("--spc-shift", "6", "--keep-versions", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("settings differ from the published version's"), r.out());
        List<PublishedVersion> log = log();
        assertEquals(2, log.size());
        assertTrue(log.get(1).parameters().get("spc").contains("shift=6"), log.get(1).parameters().toString());
        // after the rollback to the first version, A&E has changed since its marts were built: the same
        // marts as after the revised A&E file are kept (none of them depends on the SPC rules either)
        assertKeptFromFirstVersion(manifest(r));
        try (Stream<Path> s = Files.list(Path.of(warehouse, "_versions"))) {
            assertEquals(List.of(firstVersion, log.get(1).version()), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static Row englandRow(String metric, LocalDate month) throws IOException {
        return spark.read().parquet(PublishedMarts.require(wh).path("england_metric_month").toString())
                .filter("metric_id = '" + metric + "' AND month = DATE'" + month + "'").first();
    }

    private static org.apache.spark.sql.Dataset<Row> readVersion(String version, String mart) {
        return spark.read().parquet(warehouse + "/_versions/" + version + "/" + mart);
    }

    /** Data file names per partition folder of a conformed table. */
    private static Map<String, List<String>> conformedFiles(String table) throws IOException {
        return dataFiles(Path.of(warehouse, "conformed", table));
    }

    /**
     * The marts whose contracts' built_from names neither A&E nor the SPC rules (finance, and the
     * footprints, which come from the lookups alone) were copied from the first version, not rebuilt.
     */
    private static void assertKeptFromFirstVersion(JsonNode manifest) throws IOException {
        List<String> kept = new ArrayList<>();
        manifest.get("changed").get("marts_kept").forEach(n -> kept.add(n.asText()));
        List<String> expected = List.of("dim_footprint", "dq_unmapped_finance", "dq_unmapped_finance_annual",
                "footprint_finance_month", "footprint_finance_trajectory", "organisation_finance_trajectory");
        assertEquals(expected, kept.stream().sorted().toList());
        PublishedVersion current = PublishedMarts.require(wh).entry();
        for (String mart : current.tables().keySet()) {
            assertEquals(expected.contains(mart) ? firstVersion : current.runId(), current.tables().get(mart).builtBy(), mart);
        }
    }

    /** The Parquet files of each partition folder of a table, by partition. */
    private static Map<String, List<String>> dataFiles(Path table) throws IOException {
        try (Stream<Path> s = Files.list(table)) {
            return s.filter(Files::isDirectory).collect(Collectors.toMap(p -> p.getFileName().toString(), p -> {
                try (Stream<Path> f = Files.list(p)) {
                    return f.map(x -> x.getFileName().toString()).filter(n -> n.endsWith(".parquet")).sorted().toList();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }
}
