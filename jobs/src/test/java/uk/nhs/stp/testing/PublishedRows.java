package uk.nhs.stp.testing;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.publish.PublishedMarts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every row of a warehouse's tables as sorted strings, to compare two warehouses or two moments. */
public final class PublishedRows {
    private PublishedRows() { }

    /** The rows of every mart of the current published version, by table. */
    public static Map<String, List<String>> marts(SparkSession spark, String warehouse) throws IOException {
        Warehouse wh = new Warehouse(warehouse, spark.sparkContext().hadoopConfiguration());
        PublishedMarts current = PublishedMarts.require(wh);
        Map<String, List<String>> out = new TreeMap<>();
        for (String t : current.tables()) out.put(t, sorted(spark.read().parquet(current.path(t).toString())));
        return out;
    }

    /** The rows of every mart as a reader of the stable folders {@code <warehouse>/marts/<table>} sees them. */
    public static Map<String, List<String>> martFolders(SparkSession spark, String warehouse, Iterable<String> tables) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String t : tables) out.put(t, sorted(spark.read().parquet(warehouse + "/marts/" + t)));
        return out;
    }

    /** The rows of the conformed tables, without the column that names the run that wrote them. */
    public static Map<String, List<String>> conformed(SparkSession spark, String warehouse, List<String> tables) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String t : tables) out.put(t, sorted(spark.read().parquet(warehouse + "/conformed/" + t).drop("run_id")));
        return out;
    }

    public static List<String> sorted(Dataset<Row> rows) {
        String[] columns = rows.columns();
        Arrays.sort(columns);
        List<String> out = new ArrayList<>();
        for (Row r : rows.selectExpr(columns).collectAsList()) out.add(r.toString());
        out.sort(null);
        return out;
    }
}
