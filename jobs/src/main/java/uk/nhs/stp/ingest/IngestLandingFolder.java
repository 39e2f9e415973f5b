package uk.nhs.stp.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.contract.TableContract;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.spark.ContractSchemas;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

/**
 * Ingests every file under a landing folder into the warehouse's conformed tables.
 *
 * <p>Phase 1 — list: every file under the folder (hidden {@code .}/{@code _} files skipped).
 * Phase 2 — detect, on the executors: checksum and published shape of each file; files whose
 * bytes were ingested before are {@code unchanged} and skipped. Phase 3 — parse, on the
 * executors, one task per file, once: conformed rows, rejects and a summary per file, cached.
 * Phase 4 — resolve: when two files of one run carry the same table partition (e.g. a month and
 * its revision), the most recently modified wins and the other is {@code superseded} for it.
 * Phase 5 — stage and publish: rows are written under {@code _staging/<run>} and each touched
 * partition is swapped into {@code conformed/<table>} (a revised month replaces its month, never
 * duplicates it); rejects are written to {@code rejects/run_id=<run>}; the checksums of ingested
 * files are recorded.
 *
 * <p>Only small things reach the driver: file summaries and (file, partition) pairs.
 */
public final class IngestLandingFolder {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SparkSession spark;
    private final Warehouse warehouse;
    private final String runId;
    private final Consumer<String> progress;

    /** What the run did. */
    public record Result(List<FileOutcome> files, Map<String, Long> rowsWritten, Map<String, List<String>> partitions) {
        public long count(String status) {
            return files.stream().filter(f -> status.equals(f.status())).count();
        }
    }

    public IngestLandingFolder(SparkSession spark, Warehouse warehouse, String runId, Consumer<String> progress) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.runId = runId;
        this.progress = progress;
    }

    public Result execute(String landing) throws IOException {
        SerializableConfiguration conf = new SerializableConfiguration(warehouse.conf());
        long t0 = System.nanoTime();
        List<LandingFile> files = list(landing);
        progress.accept(String.format("list      %d file(s) under %s (%s)", files.size(), landing, since(t0)));

        long t1 = System.nanoTime();
        List<FileOutcome> detected = detect(files, conf);
        Set<String> known = ingestedChecksums();
        List<FileOutcome> outcomes = new ArrayList<>();
        Map<String, List<FileOutcome>> byTable = new TreeMap<>();
        for (FileOutcome f : detected) {
            if (f.status() != null) {
                outcomes.add(f);
            } else if (known.contains(f.sha256())) {
                outcomes.add(f.withStatus(FileOutcome.UNCHANGED, null, null));
            } else {
                byTable.computeIfAbsent(f.table(), t -> new ArrayList<>()).add(f);
            }
        }
        progress.accept(String.format("detect    %d new, %d unchanged, %d rejected (%s)",
                byTable.values().stream().mapToInt(List::size).sum(),
                outcomes.stream().filter(f -> FileOutcome.UNCHANGED.equals(f.status())).count(),
                outcomes.stream().filter(f -> !FileOutcome.UNCHANGED.equals(f.status())).count(), since(t1)));

        Map<String, Long> rowsWritten = new LinkedHashMap<>();
        Map<String, List<String>> partitions = new LinkedHashMap<>();
        for (Map.Entry<String, List<FileOutcome>> e : byTable.entrySet()) {
            long t2 = System.nanoTime();
            TableOutcome table = ingestTable(e.getKey(), e.getValue(), conf);
            outcomes.addAll(table.files());
            rowsWritten.put(e.getKey(), table.rows());
            partitions.put(e.getKey(), table.partitions());
            progress.accept(String.format("ingest    %-28s %d file(s), %,d rows, %d partition(s) (%s)", e.getKey(),
                    e.getValue().size(), table.rows(), table.partitions().size(), since(t2)));
        }
        writeFileRejects(outcomes);
        warehouse.fs().delete(warehouse.staging(runId), true);
        recordIngested(outcomes);
        outcomes.sort(Comparator.comparing(FileOutcome::path));
        return new Result(outcomes, rowsWritten, partitions);
    }

    private record TableOutcome(List<FileOutcome> files, long rows, List<String> partitions) { }

    private TableOutcome ingestTable(String tableName, List<FileOutcome> files, SerializableConfiguration conf)
            throws IOException {
        TableContract table = Contracts.conformed(tableName);
        String run = runId;
        // one task per file, no shuffle: each task parses its whole file exactly once
        JavaRDD<Row> envelopes = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(files, files.size())
                .flatMap(f -> ParseLandingFile.parse(f, run, conf));
        Dataset<Row> parsed = spark.createDataFrame(envelopes, ParseLandingFile.envelope(table))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<FileOutcome> summaries = new ArrayList<>();
            for (Row r : parsed.filter(col("kind").equalTo(ParseLandingFile.SUMMARY)).select("summary").collectAsList()) {
                summaries.add(ParseLandingFile.fromJson(r.getString(0)));
            }
            String partitionColumn = table.partitionColumn();
            Map<String, String> winners = winners(summaries);
            Dataset<Row> rows = parsed.filter(col("kind").equalTo(ParseLandingFile.ROW)).select("row.*");
            boolean contested = summaries.stream().anyMatch(f -> !f.partitions().stream()
                    .allMatch(p -> f.path().equals(winners.get(p))));
            if (contested) {
                List<Row> pairs = new ArrayList<>();
                winners.forEach((part, file) -> pairs.add(RowFactory.create(file, part)));
                Dataset<Row> keep = spark.createDataFrame(pairs, new StructType()
                        .add("w_file", DataTypes.StringType).add("w_part", DataTypes.StringType));
                rows = rows.join(broadcast(keep), rows.col("source_file").equalTo(keep.col("w_file"))
                        .and(rows.col(partitionColumn).cast("string").equalTo(keep.col("w_part"))), "left_semi");
            }
            Path staged = new Path(warehouse.staging(runId), "conformed/" + tableName);
            rows.withColumn("__p", col(partitionColumn))
                    .write().mode(SaveMode.Overwrite).partitionBy("__p").parquet(staged.toString());
            long written = contested ? rows.count() : summaries.stream()
                    .mapToLong(f -> f.rowsAccepted() + f.rowsControl()).sum();
            if (summaries.stream().anyMatch(f -> f.rowsRejected() > 0)) {
                writeRejects(parsed.filter(col("kind").equalTo(ParseLandingFile.REJECT)).select("reject.*"));
            }
            List<String> values = PublishPartitions.publish(warehouse.fs(), staged, warehouse.conformed(tableName),
                    partitionColumn, new Path(warehouse.staging(runId), "trash"));
            values.sort(null);
            return new TableOutcome(supersede(summaries, winners), written, values);
        } finally {
            parsed.unpersist();
        }
    }

    /**
     * Per partition value, the file to publish it from: the one modified last (ties broken by
     * path) among the files of this run that carry it.
     */
    private static Map<String, String> winners(List<FileOutcome> summaries) {
        Map<String, FileOutcome> winner = new TreeMap<>();
        for (FileOutcome f : summaries) {
            for (String part : f.partitions()) {
                FileOutcome current = winner.get(part);
                if (current == null || newer(f, current)) winner.put(part, f);
            }
        }
        Map<String, String> out = new TreeMap<>();
        winner.forEach((part, f) -> out.put(part, f.path()));
        return out;
    }

    private static boolean newer(FileOutcome a, FileOutcome b) {
        int byTime = a.modified().compareTo(b.modified());
        return byTime != 0 ? byTime > 0 : a.path().compareTo(b.path()) > 0;
    }

    private static List<FileOutcome> supersede(List<FileOutcome> summaries, Map<String, String> winners) {
        List<FileOutcome> out = new ArrayList<>();
        for (FileOutcome f : summaries) {
            boolean wins = f.partitions().stream().anyMatch(p -> f.path().equals(winners.get(p)));
            if (FileOutcome.INGESTED.equals(f.status()) && !f.partitions().isEmpty() && !wins) {
                out.add(f.withStatus(FileOutcome.SUPERSEDED, "superseded",
                        "another file in this run carries newer data for all its periods; nothing published from it"));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    /** One reject row per file rejected as a whole (line 0), so the rejects table lists every file problem. */
    private void writeFileRejects(List<FileOutcome> outcomes) {
        List<Row> rows = new ArrayList<>();
        for (FileOutcome f : outcomes) {
            if (FileOutcome.REJECTED.equals(f.status())) {
                rows.add(ParseLandingFile.reject(f, runId, 0, null, null, f.errorRule(), "file rejected: " + f.error()));
            }
        }
        if (!rows.isEmpty()) {
            writeRejects(spark.createDataFrame(rows, ContractSchemas.schema(Contracts.table("runs", "rejects"))));
        }
    }

    private void writeRejects(Dataset<Row> rejects) {
        Path target = new Path(warehouse.rejects(), "run_id=" + runId);
        rejects.coalesce(1).write().mode(SaveMode.Append).parquet(target.toString());
    }

    private List<LandingFile> list(String landing) throws IOException {
        Path root = new Path(landing);
        FileSystem fs = root.getFileSystem(warehouse.conf());
        if (!fs.exists(root)) throw new IllegalArgumentException("landing folder " + landing + " does not exist");
        List<LandingFile> out = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
            LocatedFileStatus st = it.next();
            if (hidden(root, st.getPath())) continue;
            out.add(new LandingFile(st.getPath().toString(), st.getLen(),
                    Instant.ofEpochMilli(st.getModificationTime()).toString(), st.getModificationTime()));
        }
        out.sort(Comparator.comparing(LandingFile::path));
        return out;
    }

    private static boolean hidden(Path root, Path p) {
        for (Path q = p; q != null && !q.equals(root) && q.getParent() != null; q = q.getParent()) {
            String n = q.getName();
            if (n.startsWith(".") || n.startsWith("_")) return true;
        }
        return false;
    }

    private List<FileOutcome> detect(List<LandingFile> files, SerializableConfiguration conf) {
        if (files.isEmpty()) return new ArrayList<>();
        return new ArrayList<>(spark.createDataset(files, Encoders.javaSerialization(LandingFile.class))
                .repartition(Math.min(files.size(), 64))
                .map((MapFunction<LandingFile, FileOutcome>) f -> DetectLandingFile.detect(f, conf),
                        Encoders.javaSerialization(FileOutcome.class))
                .collectAsList());
    }

    private Set<String> ingestedChecksums() throws IOException {
        Set<String> out = new HashSet<>();
        for (Map<String, Object> e : readIngested()) out.add((String) e.get("sha256"));
        return out;
    }

    private List<Map<String, Object>> readIngested() throws IOException {
        String text = warehouse.readText(warehouse.ingestedFiles());
        if (text == null) return new ArrayList<>();
        return JSON.readValue(text, new TypeReference<List<Map<String, Object>>>() { });
    }

    private void recordIngested(List<FileOutcome> outcomes) throws IOException {
        List<Map<String, Object>> entries = readIngested();
        boolean changed = false;
        for (FileOutcome f : outcomes) {
            if (!FileOutcome.INGESTED.equals(f.status())) continue;
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("sha256", f.sha256());
            e.put("path", f.path());
            e.put("input_shape", f.inputShape());
            e.put("table", f.table());
            e.put("periods", f.periods());
            e.put("run_id", runId);
            entries.add(e);
            changed = true;
        }
        if (changed) warehouse.writeText(warehouse.ingestedFiles(), JSON.writeValueAsString(entries));
    }

    private static String since(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
