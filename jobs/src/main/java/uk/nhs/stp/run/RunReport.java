package uk.nhs.stp.run;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import uk.nhs.stp.ingest.FileOutcome;
import uk.nhs.stp.ingest.IngestLandingFolder;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.publish.PublishedVersion;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;

/**
 * {@code _runs/<run_id>/report.md}: what a person reads in the morning — the outcome, each step's
 * duration, the files read and what became of them, rejected files and rows and why,
 * reconciliation warnings, unmapped activity, and the footprints whose metrics moved most. Only
 * small aggregates reach the driver (at most {@link #TOP_ROWS} rows per section).
 */
public final class RunReport {
    /** Largest number of rows listed in one section of the report. */
    static final int TOP_ROWS = 20;
    /** Footprints listed per metric among those that moved most. */
    static final int MOVERS_PER_METRIC = 3;

    /**
     * What the run did.
     *
     * @param ingest    null when the run did not ingest
     * @param published the version this run published, or null
     * @param current   the version readers see after the run, or null
     */
    public record Facts(String runId, Instant started, List<String> command, int exitCode,
                        IngestLandingFolder.Result ingest, PublishedVersion published, PublishedVersion current,
                        Map<String, Object> changed, Map<String, Double> durations) { }

    private RunReport() { }

    /** Writes the report; returns its path. */
    public static String write(SparkSession spark, Warehouse warehouse, Facts f) throws IOException {
        StringBuilder md = new StringBuilder();
        Instant ended = Instant.now();
        md.append("# Run ").append(f.runId()).append("\n\n");
        md.append("- command: `stp ").append(String.join(" ", f.command())).append("`\n");
        md.append("- started ").append(f.started()).append(", ended ").append(ended).append(" (")
                .append(seconds(Duration.between(f.started(), ended))).append(")\n");
        md.append("- exit code: ").append(f.exitCode()).append(" — ").append(meaning(f.exitCode())).append("\n");
        md.append("- outcome: ").append(outcome(f)).append("\n\n");

        md.append("## Steps\n\n| step | seconds |\n|---|---:|\n");
        f.durations().forEach((step, s) -> md.append("| ").append(step).append(" | ").append(String.format("%.1f", s)).append(" |\n"));
        md.append('\n');

        if (f.ingest() != null) files(md, f.ingest());
        rejectedRows(spark, warehouse, f.runId(), md);
        if (f.published() != null) {
            unmapped(spark, warehouse, f.published(), md);
            movers(spark, warehouse, f.published(), md);
        } else if (f.current() != null) {
            md.append("## Published marts\n\nUnchanged: readers see version ").append(f.current().version())
                    .append("; its unmapped activity and largest movers are in `_runs/").append(f.current().version())
                    .append("/report.md`.\n\n");
        }
        Path path = warehouse.report(f.runId());
        warehouse.writeText(path, md.toString());
        return path.toString();
    }

    private static String outcome(Facts f) {
        if (f.published() != null) {
            long rows = f.published().tables().values().stream().mapToLong(PublishedVersion.Table::rows).sum();
            return String.format("published version %s: %d marts, %,d rows", f.published().version(),
                    f.published().tables().size(), rows);
        }
        if (f.current() != null) return "nothing new to publish; readers still see version " + f.current().version();
        return "no marts published yet";
    }

    private static void files(StringBuilder md, IngestLandingFolder.Result r) {
        md.append("## Files\n\n");
        md.append(String.format("%d read: %d ingested, %d unchanged, %d superseded, %d rejected, %d failed.%n%n",
                r.files().size(), r.count(FileOutcome.INGESTED), r.count(FileOutcome.UNCHANGED),
                r.count(FileOutcome.SUPERSEDED), r.count(FileOutcome.REJECTED), r.count(FileOutcome.FAILED)));
        List<FileOutcome> touched = r.files().stream().filter(x -> !FileOutcome.UNCHANGED.equals(x.status())).toList();
        if (!touched.isEmpty()) {
            md.append("| file | return | status | months | rows read | accepted | rejected | control |\n");
            md.append("|---|---|---|---|---:|---:|---:|---:|\n");
            for (FileOutcome x : touched) {
                md.append(String.format("| %s | %s | %s | %s | %,d | %,d | %,d | %,d |%n", name(x.path()),
                        x.detectedReturn() == null ? "" : x.detectedReturn(), x.status(), months(x.periods()),
                        x.rowsRead(), x.rowsAccepted(), x.rowsRejected(), x.rowsControl()));
            }
            md.append('\n');
        }
        List<FileOutcome> rejected = r.files().stream().filter(x -> FileOutcome.REJECTED.equals(x.status())
                || FileOutcome.FAILED.equals(x.status())).toList();
        md.append("## Rejected files\n\n");
        if (rejected.isEmpty()) md.append("None.\n\n");
        for (FileOutcome x : rejected) {
            md.append("- `").append(x.path()).append("`: ").append(x.errorRule() == null ? "" : x.errorRule() + " — ")
                    .append(x.error()).append('\n');
        }
        if (!rejected.isEmpty()) md.append('\n');
        md.append("## Reconciliation warnings\n\n");
        long warnings = r.files().stream().mapToLong(x -> x.warnings().size()).sum();
        if (warnings == 0) md.append("None.\n\n");
        for (FileOutcome x : r.files()) {
            for (String w : x.warnings()) md.append("- ").append(name(x.path())).append(": ").append(w).append('\n');
        }
        if (warnings > 0) md.append('\n');
    }

    private static void rejectedRows(SparkSession spark, Warehouse warehouse, String runId, StringBuilder md)
            throws IOException {
        Path rejects = new Path(warehouse.rejects(), "run_id=" + runId);
        md.append("## Rejected rows\n\n");
        if (!warehouse.fs().exists(rejects)) {
            md.append("None in this run.\n\n");
            return;
        }
        List<Row> rows = spark.read().parquet(rejects.toString()).filter(col("line_number").gt(0))
                .groupBy("source_file", "rule").agg(count("*").alias("rows"), first("reason").alias("example"))
                .orderBy(desc("rows"), col("source_file"), col("rule")).limit(TOP_ROWS).collectAsList();
        if (rows.isEmpty()) {
            md.append("None in this run (rejected files are listed above).\n\n");
            return;
        }
        md.append("By file and rule (largest first; every row is in `rejects/run_id=").append(runId).append("/`):\n\n");
        md.append("| file | rule | rows | example reason |\n|---|---|---:|---|\n");
        for (Row r : rows) {
            md.append(String.format("| %s | %s | %,d | %s |%n", name(r.getString(0)), r.getString(1), r.getLong(2),
                    cell(r.getString(3))));
        }
        md.append('\n');
    }

    private static void unmapped(SparkSession spark, Warehouse warehouse, PublishedVersion v, StringBuilder md) {
        if (!v.tables().containsKey("dq_unmapped_activity")) return;
        Dataset<Row> dq = read(spark, warehouse, v, "dq_unmapped_activity");
        Row latest = dq.agg(max("month")).first();
        if (latest.isNullAt(0)) return;
        md.append("## Unmapped activity, ").append(latest.get(0)).append("\n\n");
        md.append("Activity of organisations no footprint receives (`dq_unmapped_activity`):\n\n");
        md.append("| metric | unmapped organisations | share of the national denominator |\n|---|---:|---:|\n");
        for (Row r : dq.filter(col("month").equalTo(latest.get(0))).orderBy(col("metric_id"))
                .select("metric_id", "unmapped_orgs", "unmapped_share_pct").limit(TOP_ROWS * 2).collectAsList()) {
            md.append(String.format("| %s | %s | %s%% |%n", r.get(0), r.get(1), r.isNullAt(2) ? "–" : r.get(2)));
        }
        md.append('\n');
    }

    /** Per metric, the footprints whose latest value moved most from the month before. */
    private static void movers(SparkSession spark, Warehouse warehouse, PublishedVersion v, StringBuilder md) {
        if (!v.tables().containsKey("footprint_metric_month")) return;
        Dataset<Row> fmm = read(spark, warehouse, v, "footprint_metric_month").filter(col("has_data"))
                .select("area_code", "metric_id", "month", "value", "unit");
        var bySeries = Window.partitionBy("area_code", "metric_id").orderBy("month");
        Dataset<Row> moves = fmm.withColumn("previous", lag("value", 1).over(bySeries))
                .withColumn("previous_month", lag("month", 1).over(bySeries))
                .withColumn("latest", max("month").over(Window.partitionBy("metric_id")))
                .filter(col("month").equalTo(col("latest")).and(col("previous").isNotNull()))
                .withColumn("change", col("value").minus(col("previous")));
        Dataset<Row> top = moves.withColumn("rank", row_number().over(Window.partitionBy("metric_id")
                        .orderBy(abs(col("change")).desc(), col("area_code"))))
                .filter(col("rank").leq(MOVERS_PER_METRIC));
        if (v.tables().containsKey("dim_footprint")) {
            Dataset<Row> names = read(spark, warehouse, v, "dim_footprint")
                    .groupBy(col("footprint_code")).agg(first("footprint_name").alias("name"));
            top = top.join(names, top.col("area_code").equalTo(names.col("footprint_code")), "left")
                    .drop("footprint_code");
        }
        List<Row> rows = top.orderBy("metric_id", "rank").limit(TOP_ROWS * 3).collectAsList();
        md.append("## Footprints whose metrics moved most\n\n");
        if (rows.isEmpty()) {
            md.append("No footprint has two months of data yet.\n\n");
            return;
        }
        md.append("Latest month against the month before, the ").append(MOVERS_PER_METRIC)
                .append(" largest changes per metric (`footprint_metric_month`):\n\n");
        md.append("| metric | month | footprint | value | month before | change |\n|---|---|---|---:|---:|---:|\n");
        boolean named = rows.get(0).schema().getFieldIndex("name").isDefined();
        for (Row r : rows) {
            String area = r.getAs("area_code");
            String name = named && r.getAs("name") != null ? r.getAs("name") + " (" + area + ")" : area;
            md.append(String.format("| %s | %s | %s | %s | %s | %s%s |%n", r.getAs("metric_id"), r.getAs("month"), name,
                    r.getAs("value"), r.getAs("previous"), ((java.math.BigDecimal) r.getAs("change")).signum() > 0 ? "+" : "",
                    r.getAs("change")));
        }
        md.append('\n');
    }

    private static Dataset<Row> read(SparkSession spark, Warehouse warehouse, PublishedVersion v, String table) {
        return spark.read().parquet(new Path(warehouse.root(), v.tables().get(table).path()).toString());
    }

    private static String meaning(int exit) {
        return switch (exit) {
            case 0 -> "success (row-level rejects are reported below)";
            case 2 -> "usage error";
            case 3 -> "one or more files were rejected as a whole; every other file was ingested";
            case 4 -> "internal failure";
            case 5 -> "the warehouse was locked by another run";
            default -> "see the README";
        };
    }

    private static String months(List<String> periods) {
        if (periods == null || periods.isEmpty()) return "";
        return periods.size() == 1 ? periods.get(0) : periods.get(0) + " … " + periods.get(periods.size() - 1)
                + " (" + periods.size() + ")";
    }

    private static String name(String path) {
        return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
