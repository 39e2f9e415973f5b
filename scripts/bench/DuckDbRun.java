import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * DuckDB runner for the benchmarks in scripts/ (Java 17 single-file launch):
 *
 *   java -cp duckdb_jdbc.jar scripts/bench/DuckDbRun.java SQL_FILE [NAME=VALUE ...]
 *
 * Replaces every {NAME} in SQL_FILE with VALUE (single quotes doubled, so a value can sit inside
 * '...'), then runs the script's statements in order on an in-memory DuckDB. A statement ends with
 * ';' at the end of a line; lines starting with '--' are comments. A statement that returns rows
 * prints them to stdout, tab-separated, after a header line; one that changes rows prints
 * "duckdb: N rows (statement K)" to stderr. The last stderr line gives the time spent inside DuckDB
 * (connect + every statement). Exit codes: 0 done; 1 a statement failed (its number and DuckDB's
 * message on one line); 2 usage error, such as a placeholder left without a value.
 */
public class DuckDbRun {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    public static void main(String[] args) throws Exception {
        if (args.length < 1) usage("give the SQL file");
        String sql = Files.readString(Path.of(args[0]));
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 1) usage("'" + args[i] + "' is not NAME=VALUE");
            sql = sql.replace("{" + args[i].substring(0, eq) + "}", args[i].substring(eq + 1).replace("'", "''"));
        }
        Matcher left = PLACEHOLDER.matcher(withoutComments(sql));
        if (left.find()) usage("no value for {" + left.group(1) + "} in " + args[0]);

        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            List<String> statements = statements(sql);
            for (int k = 0; k < statements.size(); k++) {
                try {
                    boolean rows = s.execute(statements.get(k));
                    long changed = rows ? -1 : s.getLargeUpdateCount();
                    if (rows) {
                        print(s.getResultSet());
                    } else if (changed >= 0) {
                        System.err.printf("duckdb: %d rows (statement %d)%n", changed, k + 1);
                    }
                } catch (SQLException e) {
                    System.err.printf("duckdb: statement %d of %s failed: %s%n", k + 1, args[0],
                            e.getMessage().replace('\n', ' '));
                    System.exit(1);
                }
            }
        }
        System.err.printf("duckdb: %.2f s in DuckDB%n", (System.nanoTime() - t0) / 1e9);
    }

    private static void usage(String problem) {
        System.err.println("DuckDbRun: " + problem);
        System.err.println("usage: java -cp duckdb_jdbc.jar DuckDbRun.java SQL_FILE [NAME=VALUE ...]");
        System.exit(2);
    }

    private static String withoutComments(String sql) {
        return sql.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"));
    }

    /** The script's statements: comment lines dropped, split after each line ending with ';'. */
    private static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n", -1)) {
            if (line.strip().startsWith("--")) continue;
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                out.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) out.add(current.toString());
        return out;
    }

    private static void print(ResultSet rs) throws Exception {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        StringBuilder line = new StringBuilder();
        for (int i = 1; i <= n; i++) line.append(i > 1 ? "\t" : "").append(meta.getColumnLabel(i));
        System.out.println(line);
        while (rs.next()) {
            line.setLength(0);
            for (int i = 1; i <= n; i++) line.append(i > 1 ? "\t" : "").append(rs.getString(i));
            System.out.println(line);
        }
    }
}
