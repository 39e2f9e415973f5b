package uk.nhs.stp.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.testing.SharedSpark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Each series handed over whole, once, whatever the partitioning and the order of the rows. */
class PerSeriesTest {
    private static final StructType INPUT = new StructType()
            .add("area", DataTypes.StringType, true)
            .add("metric", DataTypes.StringType, true)
            .add("value", DataTypes.IntegerType, false);
    private static final StructType OUTPUT = new StructType()
            .add("series", DataTypes.StringType, false)
            .add("rows", DataTypes.IntegerType, false)
            .add("total", DataTypes.IntegerType, false);

    /** One output row per series: its key, how many rows it was given, the sum of their values. */
    private static Iterator<Row> summarise(List<Row> rows) {
        Row first = rows.get(0);
        int total = 0;
        for (Row r : rows) total += r.getInt(2);
        return List.of(RowFactory.create(first.get(0) + "/" + first.get(1), rows.size(), total)).iterator();
    }

    @Test
    void everySeriesIsGivenAllItsRowsInOneCall() {
        SparkSession spark = SharedSpark.session();
        List<Row> rows = new ArrayList<>();
        Map<String, int[]> expected = new TreeMap<>();
        // 40 series of 1 to 13 rows, interleaved, so that every partition gets rows of many series
        for (int i = 0; i < 300; i++) {
            int series = (i * 7) % 40;
            String area = "A" + (series % 10);
            String metric = series < 20 ? "m1" : "m2";
            rows.add(RowFactory.create(area, metric, i));
            int[] e = expected.computeIfAbsent(area + "/" + metric, k -> new int[2]);
            e[0]++;
            e[1] += i;
        }
        // a null key is a value like any other: its rows are one series
        rows.add(RowFactory.create(null, "m1", 1000));
        rows.add(RowFactory.create(null, "m1", 2000));
        expected.put("null/m1", new int[] {2, 3000});
        Dataset<Row> input = spark.createDataFrame(rows, INPUT).repartition(3);

        List<Row> out = PerSeries.map(input, List.of("area", "metric"), OUTPUT, PerSeriesTest::summarise).collectAsList();

        Map<String, int[]> actual = new TreeMap<>();
        for (Row r : out) {
            int[] previous = actual.put(r.getString(0), new int[] {r.getInt(1), r.getInt(2)});
            assertNull(previous, "series " + r.getString(0) + " was handed over more than once");
        }
        assertEquals(expected.keySet(), actual.keySet());
        for (String k : expected.keySet()) {
            assertEquals(expected.get(k)[0], actual.get(k)[0], "rows of " + k);
            assertEquals(expected.get(k)[1], actual.get(k)[1], "sum of " + k);
        }
    }

    @Test
    void noRowsNoSeries() {
        SparkSession spark = SharedSpark.session();
        Dataset<Row> empty = spark.createDataFrame(List.of(), INPUT);
        assertEquals(0, PerSeries.map(empty, List.of("area", "metric"), OUTPUT, PerSeriesTest::summarise).count());
    }
}
