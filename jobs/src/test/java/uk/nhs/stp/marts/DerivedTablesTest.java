package uk.nhs.stp.marts;

import uk.nhs.stp.testing.TestFiles;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.testing.SharedSpark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The derived layer on a toy conformed table ({@code visits}: month, org, n) and a toy derivation
 * (Σ n per month and org): which months a refresh recomputes, and that what it keeps always equals
 * the derivation of the whole table.
 */
class DerivedTablesTest {
    private static final StructType VISITS = new StructType()
            .add("org", DataTypes.StringType).add("n", DataTypes.LongType).add("month", DataTypes.DateType);
    private static final LocalDate APR = LocalDate.of(2017, 4, 1);
    private static final LocalDate MAY = LocalDate.of(2017, 5, 1);
    private static final LocalDate JUN = LocalDate.of(2017, 6, 1);

    @TempDir
    Path tmp;
    private SparkSession spark;
    private Warehouse warehouse;
    private final List<String> progress = new ArrayList<>();

    private static Dataset<Row> totals(Dataset<Row> visits) {
        return visits.groupBy("month", "org").agg(sum("n").as("total"));
    }

    private static DerivedTables.Derivation totalsVersion(int version) {
        return new DerivedTables.Derivation("visit_totals", "visits", version, DerivedTablesTest::totals);
    }

    private DerivedTables layer(int version) {
        return new DerivedTables(spark, warehouse, "run-" + progress.size(), progress::add, List.of(totalsVersion(version)));
    }

    /** Replaces the conformed partition of one month, as ingest does (new file names). */
    private void land(LocalDate month, Object[]... orgAndN) {
        List<Row> rows = new ArrayList<>();
        for (Object[] r : orgAndN) rows.add(RowFactory.create(r[0], r[1], month));
        spark.createDataFrame(rows, VISITS).write().mode(SaveMode.Overwrite).partitionBy("month")
                .parquet(tmp.resolve("staged").toString());
        Path partition = warehouse("conformed/visits/month=" + month);
        try {
            if (Files.exists(partition)) TestFiles.deleteTree(partition);
            Files.createDirectories(partition.getParent());
            Files.move(tmp.resolve("staged/month=" + month), partition);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path warehouse(String relative) {
        return tmp.resolve("wh").resolve(relative);
    }

    private Map<String, Long> derivedTotals(DerivedTables layer) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        for (Row r : layer.read("visit_totals").collectAsList()) out.put(r.getAs("month") + " " + r.getAs("org"), r.getAs("total"));
        return out;
    }

    private Map<String, Long> wholeTableTotals() {
        Map<String, Long> out = new TreeMap<>();
        for (Row r : totals(spark.read().parquet(warehouse("conformed/visits").toString())).collectAsList()) {
            out.put(r.getAs("month") + " " + r.getAs("org"), r.getAs("total"));
        }
        return out;
    }

    private static Object[] v(String org, long n) {
        return new Object[] {org, n};
    }

    @BeforeEach
    void setUp() {
        spark = SharedSpark.session();
        warehouse = new Warehouse(tmp.resolve("wh").toString(), spark.sparkContext().hadoopConfiguration());
        land(APR, v("A", 1L), v("A", 2L), v("B", 5L));
        land(MAY, v("A", 10L));
    }

    @Test
    void theFirstRefreshDerivesEveryMonthAndTheNextNone() throws IOException {
        assertEquals(Map.of("visit_totals", List.of("month=2017-04-01", "month=2017-05-01")), layer(1).refresh());
        // A April 1 + 2 = 3, B April 5, A May 10
        assertEquals(Map.of("2017-04-01 A", 3L, "2017-04-01 B", 5L, "2017-05-01 A", 10L), derivedTotals(layer(1)));
        assertEquals(Map.of("visit_totals", List.of()), layer(1).refresh());
        assertTrue(progress.get(progress.size() - 1).contains("0 month(s) recomputed, 2 up to date"), progress.toString());
        try (var staged = Files.walk(tmp.resolve("wh"))) {
            assertEquals(List.of(), staged.filter(p -> p.getFileName().toString().equals("_derived")).toList(),
                    "no staged work left");
        }
    }

    @Test
    void aRevisedOrNewMonthIsRecomputedAndAMonthGoneIsRemoved() throws IOException {
        layer(1).refresh();
        land(MAY, v("A", 10L), v("C", 7L));
        land(JUN, v("B", 4L));
        assertEquals(Map.of("visit_totals", List.of("month=2017-05-01", "month=2017-06-01")), layer(1).refresh());
        assertEquals(wholeTableTotals(), derivedTotals(layer(1)));
        assertEquals(Map.of("2017-04-01 A", 3L, "2017-04-01 B", 5L, "2017-05-01 A", 10L, "2017-05-01 C", 7L,
                "2017-06-01 B", 4L), derivedTotals(layer(1)));

        TestFiles.deleteTree(warehouse("conformed/visits/month=2017-04-01"));
        assertEquals(Map.of("visit_totals", List.of()), layer(1).refresh());
        assertFalse(Files.exists(warehouse("derived/visit_totals/month=2017-04-01")));
        assertTrue(progress.get(progress.size() - 1).contains("1 removed"), progress.toString());
        assertEquals(wholeTableTotals(), derivedTotals(layer(1)));
    }

    @Test
    void rowsPerMonthAreCountedOnceAndCountedAgainForARecomputedMonth() throws IOException {
        DerivedTables layer = layer(1);
        layer.refresh();
        // April: totals of A and B; May: of A
        assertEquals(Map.of(APR, 2L, MAY, 1L), layer.rowsByMonth("visit_totals"));
        Path aprilCount = warehouse("derived/visit_totals/month=2017-04-01/" + DerivedTables.ROWS);
        assertEquals("2", Files.readString(aprilCount).strip(), "the count is kept beside the marker");
        warehouse.writeText(new org.apache.hadoop.fs.Path(aprilCount.toUri()), "7\n");
        assertEquals(7L, layer.rowsByMonth("visit_totals").get(APR), "a kept count is read, not counted again");

        land(MAY, v("A", 10L), v("C", 7L));
        DerivedTables next = layer(1);
        next.refresh();
        assertEquals(2L, next.rowsByMonth("visit_totals").get(MAY), "a recomputed month is a new folder, counted again");
        assertEquals(Map.of("2017-04-01 A", 3L, "2017-04-01 B", 5L, "2017-05-01 A", 10L, "2017-05-01 C", 7L),
                derivedTotals(next), "the kept count is no data: readers skip it");
    }

    @Test
    void aNewVersionOfTheDerivationRecomputesEveryMonth() throws IOException {
        layer(1).refresh();
        assertEquals(Map.of("visit_totals", List.of("month=2017-04-01", "month=2017-05-01")), layer(2).refresh());
        assertEquals(Map.of("visit_totals", List.of()), layer(2).refresh());
    }

    @Test
    void otherInputsRecomputeEveryMonthAndTheSameInputsNone() throws IOException {
        // a derivation that also depends on reference data: the weight each org's visits count for
        java.util.function.Function<Map<String, Long>, DerivedTables.Derivation> weighted = weights ->
                new DerivedTables.Derivation("visit_totals", "visits", 1, visits -> totals(visits.withColumn("n",
                        col("n").multiply(org.apache.spark.sql.functions.when(col("org").equalTo("A"), weights.get("A"))
                                .otherwise(weights.get("B"))))), "weights " + weights);
        Map<String, Long> unit = new TreeMap<>(Map.of("A", 1L, "B", 1L));
        Map<String, Long> doubleB = new TreeMap<>(Map.of("A", 1L, "B", 2L));
        new DerivedTables(spark, warehouse, "r1", progress::add, List.of(weighted.apply(unit))).refresh();
        assertEquals(Map.of("visit_totals", List.of()),
                new DerivedTables(spark, warehouse, "r2", progress::add, List.of(weighted.apply(unit))).refresh());
        DerivedTables reweighted = new DerivedTables(spark, warehouse, "r3", progress::add, List.of(weighted.apply(doubleB)));
        assertEquals(Map.of("visit_totals", List.of("month=2017-04-01", "month=2017-05-01")), reweighted.refresh());
        // A April 1 + 2 = 3, B April 5 × 2 = 10, A May 10
        assertEquals(Map.of("2017-04-01 A", 3L, "2017-04-01 B", 10L, "2017-05-01 A", 10L), derivedTotals(reweighted));
    }

    @Test
    void aTableDerivedFromADerivedTableFollowsItsMonths() throws IOException {
        // visit_orgs: how many orgs have a total each month, from visit_totals rather than the visits
        DerivedTables.Derivation orgs = new DerivedTables.Derivation("visit_orgs", "visit_totals", 1,
                t -> t.groupBy("month").agg(org.apache.spark.sql.functions.count("org").as("orgs")));
        java.util.function.Supplier<DerivedTables> chain = () -> new DerivedTables(spark, warehouse, "run-" + progress.size(),
                progress::add, List.of(totalsVersion(1), orgs));
        assertEquals(Map.of("visit_totals", List.of("month=2017-04-01", "month=2017-05-01"),
                "visit_orgs", List.of("month=2017-04-01", "month=2017-05-01")), chain.get().refresh());
        assertEquals(Map.of("visit_totals", List.of(), "visit_orgs", List.of()), chain.get().refresh());
        // May revised: its totals are recomputed, and so are its org counts, and nothing else
        land(MAY, v("A", 10L), v("C", 7L));
        assertEquals(Map.of("visit_totals", List.of("month=2017-05-01"), "visit_orgs", List.of("month=2017-05-01")),
                chain.get().refresh());
        Map<String, Long> counted = new TreeMap<>();
        for (Row r : chain.get().read("visit_orgs").collectAsList()) counted.put(r.getAs("month").toString(), r.getAs("orgs"));
        // April: A and B; May: A and C
        assertEquals(Map.of("2017-04-01", 2L, "2017-05-01", 2L), counted);
        TestFiles.deleteTree(warehouse("conformed/visits"));
        assertNull(chain.get().read("visit_orgs"), "no conformed table at the root: no derived table");
    }

    @Test
    void aTableNoLongerDerivedIsRemoved() throws IOException {
        layer(1).refresh();
        DerivedTables.Derivation other = new DerivedTables.Derivation("visit_orgs", "visits", 1,
                visits -> visits.select("month", "org").distinct());
        new DerivedTables(spark, warehouse, "r2", progress::add, List.of(other)).refresh();
        assertFalse(Files.exists(warehouse("derived/visit_totals")));
        assertTrue(Files.exists(warehouse("derived/visit_orgs/month=2017-04-01/" + DerivedTables.MARKER)));
        assertTrue(progress.contains(String.format("derive    %-28s removed: no longer derived", "visit_totals")), progress.toString());
    }

    @Test
    void aMonthLeftWithoutItsMarkerByAStoppedRunIsRecomputed() throws IOException {
        layer(1).refresh();
        // a month without its marker, however that came about, is never trusted
        Files.delete(warehouse("derived/visit_totals/month=2017-05-01/" + DerivedTables.MARKER));
        assertEquals(Map.of("visit_totals", List.of("month=2017-05-01")), layer(1).refresh());
        // a month deleted outright (a run stopped after removing the old one) comes back too
        TestFiles.deleteTree(warehouse("derived/visit_totals/month=2017-04-01"));
        assertEquals(Map.of("visit_totals", List.of("month=2017-04-01")), layer(1).refresh());
        assertEquals(wholeTableTotals(), derivedTotals(layer(1)));
    }

    @Test
    void aMonthWithNoDerivedRowsKeepsItsMarkerAndIsNotRecomputedAgain() throws IOException {
        DerivedTables.Derivation onlyB = new DerivedTables.Derivation("visit_totals", "visits", 1,
                visits -> totals(visits.filter(col("org").equalTo("B"))));
        new DerivedTables(spark, warehouse, "r1", progress::add, List.of(onlyB)).refresh();
        assertTrue(Files.exists(warehouse("derived/visit_totals/month=2017-05-01/" + DerivedTables.MARKER)));
        assertEquals(Map.of("visit_totals", List.of()),
                new DerivedTables(spark, warehouse, "r2", progress::add, List.of(onlyB)).refresh());
        assertEquals(Map.of("2017-04-01 B", 5L), derivedTotals(new DerivedTables(spark, warehouse, "r3", progress::add,
                List.of(onlyB))));
    }

    @Test
    void noConformedTableMeansNoDerivedTable() throws IOException {
        TestFiles.deleteTree(warehouse("conformed/visits"));
        layer(1).refresh();
        assertNull(layer(1).read("visit_totals"));
    }
}
