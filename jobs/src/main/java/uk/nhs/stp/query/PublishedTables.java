package uk.nhs.stp.query;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.nhs.stp.contract.ColumnSpec;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.contract.TableContract;
import uk.nhs.stp.publish.PublishedMarts;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

/**
 * The published marts as a reader meets them: each one's contract (description, grain, columns),
 * its row count from the publish log, and the latest value of its period column.
 */
public final class PublishedTables {
    private final PublishedMarts marts;
    private final Map<String, String> latest;

    private PublishedTables(PublishedMarts marts, Map<String, String> latest) {
        this.marts = marts;
        this.latest = latest;
    }

    /**
     * Reads the latest period of every mart in one Spark job (a max over one column each).
     *
     * @param session a session from {@link MartViews#open} over {@code marts}
     */
    public static PublishedTables describe(SparkSession session, PublishedMarts marts) {
        Dataset<Row> periods = null;
        for (String table : marts.tables()) {
            TableContract contract = contract(table);
            if (contract == null || contract.periodColumn() == null) continue;
            Dataset<Row> one = session.table(table).agg(max(col(contract.periodColumn())).cast("string").alias("latest"))
                    .select(lit(table).alias("table_name"), col("latest"));
            periods = periods == null ? one : periods.unionByName(one);
        }
        Map<String, String> latest = new LinkedHashMap<>();
        if (periods != null) {
            for (Row r : periods.collectAsList()) latest.put(r.getString(0), r.isNullAt(1) ? null : r.getString(1));
        }
        return new PublishedTables(marts, latest);
    }

    /** Every table: name, rows, latest period, description, grain and its columns with their types. */
    public void printSummary(PrintWriter out, String warehouse) {
        out.printf("published version %s of %s: %d tables (stp tables --warehouse DIR TABLE shows one in full)%n",
                marts.version(), warehouse, marts.tables().size());
        for (String table : marts.tables()) {
            TableContract contract = contract(table);
            out.println();
            out.printf("%s  %,d rows%s%n", table, marts.rows(table), period(table, contract));
            if (contract == null) continue;
            out.println("  " + contract.description());
            out.println("  grain: " + contract.grain());
            out.println("  columns: " + contract.columns().stream().map(c -> c.name() + " " + c.type())
                    .collect(Collectors.joining(", ")));
        }
    }

    /** One table: its summary, every column with its description, and its worked example query. */
    public void printTable(String table, PrintWriter out) {
        TableContract contract = contract(table);
        out.printf("%s  %,d rows%s%n", table, marts.rows(table), period(table, contract));
        if (contract == null) return;
        out.println(contract.description());
        out.println("grain: " + contract.grain());
        if (!contract.keys().isEmpty()) out.println("keys: " + String.join(", ", contract.keys()));
        out.println();
        int width = contract.columns().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (ColumnSpec c : contract.columns()) {
            out.printf("  %-" + width + "s  %-14s %s%n", c.name(), c.type(), c.description() == null ? "" : c.description());
        }
        if (contract.example() != null) {
            out.println();
            out.println("example: " + contract.example().question());
            out.println(contract.example().sql().strip());
        }
    }

    /** The latest value of each table's period column (null for an empty table). */
    public Map<String, String> latest() { return latest; }

    private String period(String table, TableContract contract) {
        if (contract == null || contract.periodColumn() == null) return "";
        String value = latest.get(table);
        return ", latest " + contract.periodColumn() + " " + (value == null ? "(none)" : value);
    }

    /** The mart's contract, or null for a table this build has no contract for (published by another). */
    private static TableContract contract(String table) {
        List<String> known = new ArrayList<>(Contracts.list("marts"));
        return known.contains(table) ? Contracts.table("marts", table) : null;
    }
}
