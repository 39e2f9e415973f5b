package uk.nhs.stp.cli;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.nhs.stp.testing.DatasetAssertions;
import uk.nhs.stp.testing.SharedSpark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help, version, usage errors, {@code generate} and {@code demo} through picocli. */
class CommandLineTest {

    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) { }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = StpCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        Result r = run("--help");
        assertEquals(0, r.exit());
        for (String command : List.of("demo", "ingest", "generate")) assertTrue(r.out().contains(command), r.out());
        assertTrue(r.out().contains("3  one or more files rejected as a whole"), r.out());
        Result ingest = run("ingest", "--help");
        assertEquals(0, ingest.exit());
        assertTrue(ingest.out().contains("--landing=DIR") && ingest.out().contains("--warehouse=DIR"), ingest.out());
    }

    @Test
    void versionNamesTheBuild() {
        Result r = run("--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("stp ") && r.out().contains("Spark"), r.out());
    }

    @Test
    void usageErrorsExitTwoWithOneReadableLine() {
        Result none = run();
        assertEquals(ExitCodes.USAGE, none.exit());
        assertTrue(none.err().contains("choose a command"), none.err());
        Result missing = run("ingest", "--landing", tmp.toString());
        assertEquals(ExitCodes.USAGE, missing.exit());
        assertTrue(missing.err().contains("--warehouse"), missing.err());
        Result badMonth = run("generate", "--out", tmp.toString(), "--from", "April");
        assertEquals(ExitCodes.USAGE, badMonth.exit());
        assertTrue(badMonth.err().contains("'April' is not a month like 2017-04"), badMonth.err());
        assertFalse(badMonth.err().contains("Exception"), badMonth.err());
        Result badScale = run("generate", "--out", tmp.toString(), "--scale", "regional");
        assertEquals(ExitCodes.USAGE, badScale.exit());
        assertTrue(badScale.err().contains("'regional' is not a scale: use sample or national"), badScale.err());
        assertFalse(badScale.err().contains("Exception"), badScale.err());
    }

    @Test
    void generateWritesEveryReturnForEachMonth() throws IOException {
        Result r = run("generate", "--out", tmp.toString(), "--from", "2025-11", "--months", "2", "--seed", "3");
        assertEquals(0, r.exit(), r.err());
        for (String folder : List.of("ae", "rtt", "cancer", "finance")) {
            try (Stream<Path> s = Files.list(tmp.resolve(folder))) {
                assertEquals(2, s.count(), folder + ": one file per month");
            }
        }
        assertTrue(r.out().contains("generated"), r.out());
    }

    @Test
    void demoIngestsItsSampleReturnsAndASecondRunFindsNothingNew() throws IOException {
        SparkSession spark = SharedSpark.session();
        String warehouse = tmp.resolve("wh").toString();
        String landing = tmp.resolve("landing").toString();
        Result first = run("demo", "--warehouse", warehouse, "--landing", landing, "--months", "2");
        assertEquals(0, first.exit(), first.out() + first.err());
        assertTrue(first.out().contains("rtt_pathways") && first.out().contains("run manifest"), first.out());
        assertTrue(first.out().contains("0 rejected, 0 failed"), first.out());
        Dataset<Row> before = spark.read().parquet(warehouse + "/conformed/ae_attendances").drop("run_id");

        Result second = run("demo", "--warehouse", warehouse, "--landing", landing, "--months", "2");
        assertEquals(0, second.exit(), second.out() + second.err());
        assertTrue(second.out().contains("files: 0 ingested, 10 unchanged"),
                second.out());
        Dataset<Row> after = spark.read().parquet(warehouse + "/conformed/ae_attendances").drop("run_id");
        DatasetAssertions.assertSameRows(before, after, "a second demo run changes nothing");

        // the same sample returns ingested into another warehouse give the same rows
        String other = tmp.resolve("wh2").toString();
        assertEquals(0, run("ingest", "--landing", landing, "--warehouse", other).exit());
        for (String table : List.of("ae_attendances", "rtt_pathways", "cancer_waiting_times", "finance_monthly",
                "org_footprint_map")) {
            DatasetAssertions.assertSameRows(
                    spark.read().parquet(warehouse + "/conformed/" + table).drop("run_id"),
                    spark.read().parquet(other + "/conformed/" + table).drop("run_id"),
                    table + " is deterministic");
        }
    }
}
