import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.publish.PublishedMarts;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares the published marts of two warehouses row by row, in any order (Java 17 single-file launch):
 * <pre>
 *   java -cp stp.jar:&lt;Spark jars&gt;:duckdb_jdbc.jar scripts/cluster/CompareMarts.java WAREHOUSE_A WAREHOUSE_B
 * </pre>
 * Each warehouse's current version is the one its publish log names ({@link PublishedMarts}). For every
 * mart of either version it checks that the mart is in both, has the same columns and types in the same
 * order, holds the same rows as a multiset (DuckDB {@code EXCEPT ALL} both ways; duplicates count) and
 * that the rows read match the count the publish log recorded. The rows are read by DuckDB, not Spark, so
 * the engine that wrote them does not also judge them.
 * <p>
 * Prints one line per mart, up to three example rows of each side of a difference, and a last line
 * {@code marts: <tables> table(s), <rows> row(s), <n> different}. Exit 0 when every mart is identical,
 * 1 when any differs, 2 on a usage error. Local file systems only (DuckDB opens the files directly).
 */
public class CompareMarts {
    private static final int EXAMPLES = 3;

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java -cp stp.jar:<Spark jars>:duckdb_jdbc.jar CompareMarts.java WAREHOUSE_A WAREHOUSE_B");
            System.exit(2);
        }
        Configuration conf = new Configuration();
        PublishedMarts a = published(args[0], conf);
        PublishedMarts b = published(args[1], conf);
        TreeSet<String> tables = new TreeSet<>(a.tables());
        tables.addAll(b.tables());
        System.out.printf("comparing version %s of %s%n     with version %s of %s%n", a.version(), args[0],
                b.version(), args[1]);
        int different = 0;
        long rows = 0;
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
            for (String table : tables) {
                List<String> problems = new ArrayList<>();
                List<String> examples = new ArrayList<>();
                long tableRows = 0;
                if (!a.has(table) || !b.has(table)) {
                    problems.add("only in " + (a.has(table) ? args[0] : args[1]));
                } else {
                    sql.execute("CREATE OR REPLACE VIEW a AS " + scan(a.path(table)));
                    sql.execute("CREATE OR REPLACE VIEW b AS " + scan(b.path(table)));
                    tableRows = compare(sql, a.rows(table), b.rows(table), problems, examples);
                }
                rows += tableRows;
                System.out.printf("  %-32s %,9d rows  %s%n", table, tableRows, problems.isEmpty() ? "identical"
                        : "DIFFERENT: " + String.join("; ", problems));
                examples.forEach(line -> System.out.println("      " + line));
                if (!problems.isEmpty()) different++;
            }
        }
        System.out.printf("marts: %d table(s), %d row(s), %d different%n", tables.size(), rows, different);
        System.exit(different == 0 ? 0 : 1);
    }

    /** The warehouse's current version; exits 2 when it has none. */
    private static PublishedMarts published(String root, Configuration conf) throws Exception {
        Optional<PublishedMarts> current = PublishedMarts.current(new Warehouse(root, conf));
        if (current.isEmpty()) {
            System.err.println("CompareMarts: " + root + " has no published marts");
            System.exit(2);
        }
        return current.get();
    }

    /**
     * Compares views {@code a} and {@code b}; adds what differs to {@code problems}, example rows of a
     * difference to {@code examples}, and returns the rows of {@code a}.
     */
    private static long compare(Statement sql, long loggedA, long loggedB, List<String> problems,
                                List<String> examples) throws SQLException {
        List<String> columnsA = columns(sql, "a");
        List<String> columnsB = columns(sql, "b");
        if (!columnsA.equals(columnsB)) problems.add("columns " + columnsA + " vs " + columnsB);
        long rowsA = count(sql, "SELECT * FROM a");
        long rowsB = count(sql, "SELECT * FROM b");
        if (rowsA != loggedA) problems.add("A has " + rowsA + " rows but its publish log says " + loggedA);
        if (rowsB != loggedB) problems.add("B has " + rowsB + " rows but its publish log says " + loggedB);
        if (problems.isEmpty()) {
            long onlyA = count(sql, "SELECT * FROM a EXCEPT ALL SELECT * FROM b");
            long onlyB = count(sql, "SELECT * FROM b EXCEPT ALL SELECT * FROM a");
            if (onlyA + onlyB > 0) {
                problems.add(String.format("%d rows in A, %d in B; %d only in A, %d only in B", rowsA, rowsB, onlyA, onlyB));
                examples(sql, "only in A", "SELECT * FROM a EXCEPT ALL SELECT * FROM b", examples);
                examples(sql, "only in B", "SELECT * FROM b EXCEPT ALL SELECT * FROM a", examples);
            }
        }
        return rowsA;
    }

    /** A DuckDB scan of a mart's Parquet folder (any partition folders below it included). */
    private static String scan(Path folder) {
        if (!"file".equals(folder.toUri().getScheme())) {
            throw new IllegalArgumentException("only local warehouses can be compared, not " + folder);
        }
        String glob = folder.toUri().getPath() + "/**/*.parquet";
        return "SELECT * FROM read_parquet('" + glob.replace("'", "''") + "', hive_partitioning = true)";
    }

    private static List<String> columns(Statement sql, String view) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("DESCRIBE " + view)) {
            while (rs.next()) out.add(rs.getString("column_name") + " " + rs.getString("column_type"));
        }
        return out;
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM (" + query + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void examples(Statement sql, String label, String query, List<String> out) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query + " LIMIT " + EXAMPLES)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) row.append(i > 1 ? ", " : "").append(rs.getString(i));
                out.add(label + ": " + row);
            }
        }
    }
}
