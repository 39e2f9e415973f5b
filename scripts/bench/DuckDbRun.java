import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Tiny DuckDB runner for scripts/bench-ingest.sh (Java 17 single-file launch):
 *   java -cp duckdb_jdbc.jar scripts/bench/DuckDbRun.java SQL_FILE CSV OUT.parquet
 * Reads SQL_FILE, replaces {csv} and {out} with the paths, runs it on an in-memory DuckDB and
 * prints the rows affected and the time spent inside DuckDB (connect + execute) to stderr.
 */
public class DuckDbRun {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java -cp duckdb_jdbc.jar DuckDbRun.java SQL_FILE CSV OUT.parquet");
            System.exit(2);
        }
        String sql = Files.readString(Path.of(args[0]))
                .replace("{csv}", args[1].replace("'", "''"))
                .replace("{out}", args[2].replace("'", "''"));
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(sql);
            System.err.printf("duckdb: %d rows -> %s (%.2f s in DuckDB)%n",
                    s.getUpdateCount(), args[2], (System.nanoTime() - t0) / 1e9);
        }
    }
}
