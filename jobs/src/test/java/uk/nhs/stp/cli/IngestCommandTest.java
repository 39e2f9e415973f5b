package uk.nhs.stp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.nhs.stp.testing.RealData;
import uk.nhs.stp.testing.SharedSpark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code stp ingest} end to end through picocli into a temporary warehouse. */
class IngestCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void spark() {
        spark = SharedSpark.session();
    }

    record Run(int exit, String out, String err, JsonNode manifest) { }

    private Run ingest(Path landing, Path warehouse) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = StpCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute("ingest", "--landing", landing.toString(), "--warehouse", warehouse.toString());
        JsonNode manifest = null;
        Path runs = warehouse.resolve("_runs");
        if (Files.isDirectory(runs)) {
            try (Stream<Path> s = Files.list(runs)) {
                Path last = s.sorted().reduce((a, b) -> b).orElseThrow();
                manifest = JSON.readTree(last.resolve("manifest.json").toFile());
            }
        }
        return new Run(exit, out.toString(), err.toString(), manifest);
    }

    private static String aeLine(String org, String region, long type1, long over4hType1) {
        return "MSitAE-APRIL-2025," + org + "," + region + " ,\"" + org + " HOSPITAL, NHS TRUST\"," + type1
                + ",0,0,0,0,0," + over4hType1 + ",0,0,0,0,0,0,0,0,0,0,0\r\n";
    }

    private static String aeHeader() throws IOException {
        return Files.readAllLines(RealData.file("ae_monthly_provider/April-2025-CSV-revised.csv")).get(0) + "\r\n";
    }

    private Path writeAe(Path dir, String name, long rjzAttendances) throws IOException {
        Files.createDirectories(dir);
        String body = aeHeader() + aeLine("RJZ", "NHS ENGLAND LONDON", rjzAttendances, 100)
                + aeLine("RJ1", "NHS ENGLAND LONDON", 2000, 200)
                + "TOTAL,TOTAL,TOTAL,TOTAL," + (rjzAttendances + 2000) + ",0,0,0,0,0,300,0,0,0,0,0,0,0,0,0,0,0\r\n";
        Path p = dir.resolve(name);
        Files.writeString(p, body, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void ingestsTheRealAeMonthsAndAccountsForEveryRow() throws IOException {
        Path landing = RealData.root().resolve("ae_monthly_provider");
        Path warehouse = tmp.resolve("wh");
        Run run = ingest(landing, warehouse);
        assertEquals(0, run.exit(), run.out() + run.err());
        JsonNode files = run.manifest().get("files");
        assertEquals(9, files.size(), "one manifest entry per landing file");
        for (JsonNode f : files) {
            assertEquals("ingested", f.get("status").asText(), f.toString());
            assertEquals("ae", f.get("detected_return").asText());
            assertEquals(64, f.get("sha256").asText().length());
            assertEquals(f.get("rows_read").asLong(), f.get("rows_accepted").asLong() + f.get("rows_rejected").asLong()
                    + f.get("rows_control").asLong(), "read = accepted + rejected + control for " + f.get("path"));
            assertEquals(1, f.get("rows_control").asLong(), "the TOTAL row is the control row");
            assertEquals(1, f.get("periods").size());
        }
        Path table = warehouse.resolve("conformed/ae_attendances");
        try (Stream<Path> s = Files.list(table)) {
            assertEquals(9, s.filter(p -> p.getFileName().toString().startsWith("month=")).count(),
                    "one partition folder per month");
        }
        Path aprilFolder = table.resolve("month=2025-04-01");
        Path oneFile;
        try (Stream<Path> s = Files.list(aprilFolder)) {
            oneFile = s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        List<String> inFile = List.of(spark.read().parquet(oneFile.toString()).columns());
        assertTrue(inFile.contains("month"), "the partition column is kept inside the files too: " + inFile);

        // April 2025: 198 providers plus the TOTAL row in the real file (PROVENANCE.md: 199 data rows)
        Dataset<Row> april = spark.read().parquet(table.toString()).filter(col("month").equalTo(java.sql.Date.valueOf("2025-04-01")));
        assertEquals(198, april.filter(col("is_control_row").equalTo(false)).count());
        assertEquals(1, april.filter(col("is_control_row")).count());
        Row sums = april.groupBy("is_control_row").agg(sum("attendances_type_1_count")).orderBy("is_control_row").first();
        Row total = april.filter(col("is_control_row")).select("attendances_type_1_count").first();
        assertEquals(total.getLong(0), sums.getLong(1), "providers sum to the published TOTAL row");
    }

    @Test
    void sameContentTwiceChangesNothingAndARevisionReplacesItsMonth() throws IOException {
        Path landing = tmp.resolve("landing");
        Path warehouse = tmp.resolve("wh");
        writeAe(landing, "april.csv", 1000);
        Run first = ingest(landing, warehouse);
        assertEquals(0, first.exit(), first.out() + first.err());

        Run again = ingest(landing, warehouse);
        assertEquals(0, again.exit());
        assertEquals("unchanged", again.manifest().get("files").get(0).get("status").asText());

        writeAe(landing, "april.csv", 1500);
        Run revised = ingest(landing, warehouse);
        assertEquals(0, revised.exit(), revised.out() + revised.err());
        Dataset<Row> table = spark.read().parquet(warehouse.resolve("conformed/ae_attendances").toString());
        assertEquals(3, table.count(), "the revised month replaced the first version, not added to it");
        assertEquals(1500L, table.filter(col("org_code").equalTo("RJZ")).first().<Long>getAs("attendances_type_1_count"));
    }

    @Test
    void aFileSupersededInOneRunIsNotPublishedByTheNext() throws IOException {
        Path landing = tmp.resolve("landing");
        Path warehouse = tmp.resolve("wh");
        // the original and, modified later, its revision, landed together
        writeAe(landing, "april.csv", 1000);
        writeAe(landing, "april-revised.csv", 1500);
        Files.setLastModifiedTime(landing.resolve("april.csv"), java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L));
        Files.setLastModifiedTime(landing.resolve("april-revised.csv"), java.nio.file.attribute.FileTime.fromMillis(1_700_000_600_000L));
        Run first = ingest(landing, warehouse);
        assertEquals(0, first.exit(), first.out() + first.err());
        assertTrue(first.out().contains("1 superseded"), first.out());

        Run next = ingest(landing, warehouse);
        assertEquals(0, next.exit(), next.out() + next.err());
        for (JsonNode f : next.manifest().get("files")) assertEquals("unchanged", f.get("status").asText(), f.toString());
        Dataset<Row> table = spark.read().parquet(warehouse.resolve("conformed/ae_attendances").toString());
        assertEquals(1500L, table.filter(col("org_code").equalTo("RJZ")).first().<Long>getAs("attendances_type_1_count"),
                "the revision stays published");
    }

    @Test
    void aBrokenFileIsRejectedWholeAndTheGoodOneIsStillPublished() throws IOException {
        Path landing = tmp.resolve("landing");
        Path warehouse = tmp.resolve("wh");
        writeAe(landing, "good.csv", 1000);
        Files.writeString(landing.resolve("notes.csv"), "hello,world\r\n1,2\r\n");
        Run run = ingest(landing, warehouse);
        assertEquals(ExitCodes.FILES_REJECTED, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("notes.csv") && run.err().contains("not a recognised return"), run.err());
        assertFalse(run.err().contains("Exception"), "no stack trace: " + run.err());
        assertEquals(3, spark.read().parquet(warehouse.resolve("conformed/ae_attendances").toString()).count());
        Dataset<Row> rejects = spark.read().parquet(warehouse.resolve("rejects").toString());
        assertEquals(1, rejects.filter(col("rule").equalTo("not_a_return")).count());
    }

    @Test
    void rowLevelRejectsKeepExitZeroAndLandInTheRejectsTable() throws IOException {
        Path landing = tmp.resolve("landing");
        Path warehouse = tmp.resolve("wh");
        Files.createDirectories(landing);
        String body = aeHeader() + aeLine("RJZ", "NHS ENGLAND LONDON", 1000, 100)
                + aeLine("RJ1", "NHS ENGLAND LONDON", 2000, 200).replace(",2000,", ",lots,");
        Files.writeString(landing.resolve("april.csv"), body);
        Run run = ingest(landing, warehouse);
        assertEquals(0, run.exit(), run.out() + run.err());
        JsonNode f = run.manifest().get("files").get(0);
        assertEquals(2, f.get("rows_read").asLong());
        assertEquals(1, f.get("rows_accepted").asLong());
        assertEquals(1, f.get("rows_rejected").asLong());
        Row reject = spark.read().parquet(warehouse.resolve("rejects").toString()).first();
        assertEquals(3L, reject.<Long>getAs("line_number"));
        assertEquals("type", reject.getAs("rule"));
        assertEquals("lots", reject.getAs("raw_value"));
    }

    @Test
    void aCodeInNoLandedLookupIsKeptAndFlagged() throws IOException {
        Path landing = tmp.resolve("landing");
        Files.createDirectories(landing);
        // the real trust -> STP lookup names RJZ (and each of its trusts once); R0X is in no lookup
        Files.copy(RealData.file("lookups_stp/Trust-STP-lookup.csv"), landing.resolve("Trust-STP-lookup.csv"));
        Files.writeString(landing.resolve("april.csv"), aeHeader() + aeLine("RJZ", "NHS ENGLAND LONDON", 1000, 100)
                + aeLine("R0X", "NHS ENGLAND LONDON", 2000, 200));
        Path warehouse = tmp.resolve("wh");
        Run run = ingest(landing, warehouse);
        assertEquals(0, run.exit(), run.out() + run.err());
        JsonNode ae = null;
        for (JsonNode f : run.manifest().get("files")) if (f.get("path").asText().endsWith("april.csv")) ae = f;
        assertEquals(2, ae.get("rows_accepted").asLong(), ae.toString());
        assertEquals(1, ae.get("rows_unknown_org").asLong(), ae.toString());
        Dataset<Row> rows = spark.read().parquet(warehouse.resolve("conformed/ae_attendances").toString());
        assertEquals(List.of("unknown_org:org_code:R0X"),
                rows.filter(col("org_code").equalTo("R0X")).first().getList(rows.schema().fieldIndex("data_flags")));
        assertTrue(rows.filter(col("org_code").equalTo("RJZ")).first().getList(rows.schema().fieldIndex("data_flags"))
                .isEmpty(), "a code the lookup names is not flagged");
    }

    @Test
    void aMissingLandingFolderIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cl = StpCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int exit = cl.execute("ingest", "--landing", tmp.resolve("nope").toString(), "--warehouse", tmp.resolve("wh").toString());
        assertEquals(ExitCodes.USAGE, exit);
        assertTrue(err.toString().contains("does not exist"), err.toString());
    }
}
