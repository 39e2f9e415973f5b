package uk.nhs.stp.testing;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.nhs.stp.io.FileTrees;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.publish.PublishedMarts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every row of a warehouse's tables as sorted strings, to compare two warehouses or two moments.
 *
 * <p>Whole tables are read by DuckDB, as a reader outside Spark would read them: every column of
 * every data file a Spark reader would read (none under a folder or file whose name starts with
 * {@code _} or {@code .}). Tests compare the results of one method with each other, never with
 * Spark's rendering of rows ({@link #sorted(Dataset)}, for filtered Datasets).
 */
public final class PublishedRows {
    private PublishedRows() { }

    /** The rows of every mart of the current published version, by table. */
    public static Map<String, List<String>> marts(SparkSession spark, String warehouse) throws IOException {
        Warehouse wh = new Warehouse(warehouse, spark.sparkContext().hadoopConfiguration());
        PublishedMarts current = PublishedMarts.require(wh);
        Map<String, List<String>> out = new TreeMap<>();
        for (String t : current.tables()) out.put(t, sorted(localPath(current.path(t).toString()), null));
        return out;
    }

    /** The rows of every mart as a reader of the stable folders {@code <warehouse>/marts/<table>} sees them. */
    public static Map<String, List<String>> martFolders(String warehouse, Iterable<String> tables) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String t : tables) out.put(t, sorted(localPath(warehouse).resolve("marts").resolve(t), null));
        return out;
    }

    /** The rows of the conformed tables, without the column that names the run that wrote them. */
    public static Map<String, List<String>> conformed(String warehouse, List<String> tables) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String t : tables) out.put(t, sorted(localPath(warehouse).resolve("conformed").resolve(t), "run_id"));
        return out;
    }

    /** The rows of a Dataset, each as Spark renders a row with its columns in name order, sorted. */
    public static List<String> sorted(Dataset<Row> rows) {
        String[] columns = rows.columns();
        Arrays.sort(columns);
        List<String> out = new ArrayList<>();
        for (Row r : rows.selectExpr(columns).collectAsList()) out.add(r.toString());
        out.sort(null);
        return out;
    }

    /**
     * The rows of the Parquet table in {@code folder} (partition folders {@code key=value} become
     * columns), without the column {@code drop} when it is non-null; each row its values in
     * column-name order, the rows sorted.
     */
    private static synchronized List<String> sorted(Path folder, String drop) {
        List<String> files = dataFiles(folder);
        if (files.isEmpty()) throw new AssertionError("no Parquet data files under " + folder);
        String list = files.stream().map(f -> "'" + f.replace("'", "''") + "'").collect(Collectors.joining(", ", "[", "]"));
        String sql = "SELECT * " + (drop == null ? "" : "EXCLUDE (" + drop + ") ")
                + "FROM read_parquet(" + list + ", hive_partitioning = true)";
        List<String> out = new ArrayList<>();
        try (Statement st = duckdb().createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            String[] names = new String[meta.getColumnCount() + 1];
            Integer[] byName = new Integer[meta.getColumnCount()];
            for (int i = 1; i < names.length; i++) {
                names[i] = meta.getColumnName(i);
                byName[i - 1] = i;
            }
            Arrays.sort(byName, Comparator.comparing(i -> names[i]));
            while (rs.next()) {
                StringBuilder row = new StringBuilder("[");
                for (int i = 0; i < byName.length; i++) {
                    if (i > 0) row.append(',');
                    row.append(rs.getString(byName[i]));
                }
                out.add(row.append(']').toString());
            }
        } catch (SQLException e) {
            throw new AssertionError("DuckDB could not read " + folder + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    private static Connection duckdb;

    /** One in-memory DuckDB for the test JVM: starting one per table costs more than the reading. */
    private static synchronized Connection duckdb() throws SQLException {
        if (duckdb == null) duckdb = DriverManager.getConnection("jdbc:duckdb:");
        return duckdb;
    }

    /** The Parquet files a Spark reader of {@code folder} reads: none under a name starting with {@code _} or {@code .}. */
    private static List<String> dataFiles(Path folder) {
        try (Stream<Path> paths = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(".parquet") && Files.isRegularFile(p))
                    .filter(p -> !FileTrees.hiddenPath(folder.relativize(p).toString()))
                    .map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A local path from a warehouse location: a plain path or a {@code file:} URI. */
    private static Path localPath(String location) {
        return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
    }
}
