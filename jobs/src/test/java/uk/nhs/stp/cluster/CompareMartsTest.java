package uk.nhs.stp.cluster;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.publish.PublishedVersion;
import uk.nhs.stp.publish.Publisher;
import uk.nhs.stp.testing.SharedSpark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code scripts/cluster/CompareMarts.java}, the check behind the cluster test's "identical", run as
 * the script runs it: a separate {@code java} process on two warehouses whose published marts are
 * written here, row by row. It must find each kind of difference, or an identical verdict proves nothing.
 */
class CompareMartsTest {
    private static final StructType SCHEMA = new StructType()
            .add("area_code", DataTypes.StringType)
            .add("numerator", DataTypes.LongType);

    @TempDir
    static Path dir;
    static String warehouseA;
    static String warehouseB;

    /**
     * Warehouse A and B: {@code same} holds the same rows in another order; {@code changed} differs
     * in one value; {@code multiset} holds the same distinct rows with other duplicates;
     * {@code dropped} is only in A.
     */
    @BeforeAll
    static void publishTwoWarehouses() throws Exception {
        warehouseA = dir.resolve("a").toString();
        warehouseB = dir.resolve("b").toString();
        publish(warehouseA, "20260101T000000.000Z-aaaa", Map.of(
                "same", List.of(row("E1", 1), row("E2", 2), row("E3", 3)),
                "changed", List.of(row("E1", 10), row("E2", 20)),
                "multiset", List.of(row("E1", 1), row("E1", 1), row("E2", 2)),
                "dropped", List.of(row("E1", 1))));
        publish(warehouseB, "20260102T000000.000Z-bbbb", Map.of(
                "same", List.of(row("E3", 3), row("E1", 1), row("E2", 2)),
                "changed", List.of(row("E1", 10), row("E2", 21)),
                "multiset", List.of(row("E1", 1), row("E2", 2), row("E2", 2))));
    }

    @Test
    void aWarehouseIsIdenticalToItself() throws Exception {
        Result r = compare(warehouseA, warehouseA);
        assertEquals(0, r.exit, "exit code of A against A:\n" + r.output);
        // 3 + 2 + 3 + 1 rows written to A
        assertTrue(r.output.contains("marts: 4 table(s), 9 row(s), 0 different"), "summary line:\n" + r.output);
    }

    @Test
    void everyKindOfDifferenceIsFoundAndOnlyThose() throws Exception {
        Result r = compare(warehouseA, warehouseB);
        assertEquals(1, r.exit, "exit code of A against B:\n" + r.output);
        assertTrue(line(r, "same").endsWith("identical"), "same rows in another order:\n" + r.output);
        assertTrue(line(r, "changed").contains("DIFFERENT: 2 rows in A, 2 in B; 1 only in A, 1 only in B"),
                "one value changed:\n" + r.output);
        assertTrue(r.output.contains("only in A: E2, 20") && r.output.contains("only in B: E2, 21"),
                "the changed row shown from each side:\n" + r.output);
        assertTrue(line(r, "multiset").contains("DIFFERENT: 3 rows in A, 3 in B; 1 only in A, 1 only in B"),
                "same distinct rows, other duplicates:\n" + r.output);
        assertTrue(line(r, "dropped").contains("DIFFERENT: only in " + warehouseA), "a mart missing from B:\n" + r.output);
        assertTrue(r.output.contains(" 3 different"), "summary line:\n" + r.output);
    }

    private record Result(int exit, String output) { }

    private static Result compare(String a, String b) throws Exception {
        Path repo = Path.of(System.getProperty("user.dir")).getParent();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder("java", "-cp", classPath,
                repo.resolve("scripts/cluster/CompareMarts.java").toString(), a, b)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "CompareMarts did not finish:\n" + output);
        return new Result(p.exitValue(), output);
    }

    /** The comparer's line for a table. */
    private static String line(Result r, String table) {
        return r.output.lines().filter(l -> l.startsWith("  " + table + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + table + ":\n" + r.output)).strip();
    }

    private static Row row(String area, long numerator) {
        return RowFactory.create(area, numerator);
    }

    /** Writes each table under {@code _versions/<run>/} and publishes them as one version. */
    private static void publish(String root, String runId, Map<String, List<Row>> tables) throws Exception {
        SparkSession spark = SharedSpark.session();
        Warehouse warehouse = new Warehouse(root, spark.sparkContext().hadoopConfiguration());
        Map<String, PublishedVersion.Table> entries = new LinkedHashMap<>();
        tables.forEach((name, rows) -> {
            // two files for three rows, so a table is read from more than one file
            spark.createDataFrame(rows, SCHEMA).repartition(2).write()
                    .parquet(new org.apache.hadoop.fs.Path(warehouse.version(runId), name).toString());
            entries.put(name, new PublishedVersion.Table("_versions/" + runId + "/" + name, rows.size(), "1", runId));
        });
        new Publisher(warehouse).publish(new PublishedVersion(PublishedVersion.FORMAT, runId, "2026-01-01T00:00:00Z",
                runId, null, Map.of(), entries, Map.of(), Map.of()));
    }
}
