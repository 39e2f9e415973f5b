package uk.nhs.stp.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.contract.TableContract;
import uk.nhs.stp.io.FileTrees;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.spark.WarehouseTables;
import uk.nhs.stp.run.Failpoints;
import uk.nhs.stp.spark.ContractSchemas;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Ingests every file under a landing folder into the warehouse's conformed tables.
 *
 * <p>Phase 1 — list: every file under the folder (names starting {@code .} or {@code _} skipped).
 * Phase 2 — detect, on the executors: checksum and published shape of each file; files whose
 * bytes were ingested before are {@code unchanged} and skipped. Phase 3 — parse and stage, one
 * Spark job per table with one task per file: each file is parsed exactly once and its rows
 * written under {@code _staging/<run>/<table>/rows/__p=<partition>/__f=<file>}, its summary and
 * rejects beside them. Phase 4 — resolve: when two files of the run carry the same partition
 * (a month and its revision), the most recently modified wins and the other is
 * {@code superseded} for it. Phase 5 — publish: each winning partition is swapped into
 * {@code conformed/<table>} (a revised month replaces its month, never duplicates it); rejects go
 * to {@code rejects/run_id=<run>}; checksums of ingested and superseded files are recorded, so that
 * neither is read again. Organisation
 * lookups are ingested first, so codes they bring are known when the returns are checked.
 *
 * <p>Only small things reach the driver: file summaries and the set of known organisation codes.
 */
public final class IngestLandingFolder {
    /** Table ingested before the others: it defines the known organisation codes. */
    static final String ORGANISATIONS_TABLE = "org_footprint_map";
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

    /** A file to parse with its id in the run. */
    record StagedFile(FileOutcome file, String id) implements Serializable { }

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
        List<Map<String, Object>> ingested = readIngested();
        Set<String> known = new HashSet<>();
        for (Map<String, Object> e : ingested) known.add((String) e.get("sha256"));
        List<FileOutcome> outcomes = new ArrayList<>();
        // a file listed with the path, size and modification time it had when it was ingested is not read again
        List<LandingFile> toRead = new ArrayList<>();
        Map<String, Map<String, Object>> seen = new java.util.HashMap<>();
        for (Map<String, Object> e : ingested) seen.put(e.get("path") + "\t" + e.get("size_bytes") + "\t" + e.get("modified"), e);
        for (LandingFile f : files) {
            Map<String, Object> e = seen.get(f.path() + "\t" + f.sizeBytes() + "\t" + f.modified());
            if (e == null) {
                toRead.add(f);
            } else {
                outcomes.add(unchanged(f, e));
            }
        }
        List<FileOutcome> detected = detect(toRead, conf);
        Map<String, List<StagedFile>> byTable = new TreeMap<>(Comparator
                .comparing((String t) -> !t.equals(ORGANISATIONS_TABLE)).thenComparing(Comparator.naturalOrder()));
        for (int i = 0; i < detected.size(); i++) {
            FileOutcome f = detected.get(i);
            if (f.status() != null) {
                outcomes.add(f);
            } else if (known.contains(f.sha256())) {
                outcomes.add(f.withStatus(FileOutcome.UNCHANGED, null, null));
            } else {
                byTable.computeIfAbsent(f.table(), t -> new ArrayList<>()).add(new StagedFile(f, ParseLandingFile.fileId(i)));
            }
        }
        progress.accept(String.format("detect    %d new, %d unchanged, %d rejected (%s)",
                byTable.values().stream().mapToInt(List::size).sum(),
                outcomes.stream().filter(f -> FileOutcome.UNCHANGED.equals(f.status())).count(),
                outcomes.stream().filter(f -> !FileOutcome.UNCHANGED.equals(f.status())).count(), since(t1)));

        Map<String, Long> rowsWritten = new LinkedHashMap<>();
        Map<String, List<String>> partitions = new LinkedHashMap<>();
        Set<String> organisations = null;
        for (Map.Entry<String, List<StagedFile>> e : byTable.entrySet()) {
            if (organisations == null && !e.getKey().equals(ORGANISATIONS_TABLE)) organisations = knownOrganisations();
            long t2 = System.nanoTime();
            TableOutcome table = ingestTable(e.getKey(), e.getValue(),
                    organisations == null ? Set.of() : organisations, conf);
            outcomes.addAll(table.files());
            rowsWritten.put(e.getKey(), table.rows());
            partitions.put(e.getKey(), table.partitions());
            progress.accept(String.format("ingest    %-28s %d file(s), %,d rows, %d partition(s) (%s)", e.getKey(),
                    e.getValue().size(), table.rows(), table.partitions().size(), since(t2)));
        }
        writeFileRejects(outcomes);
        Failpoints.reach("ingest.published");
        // recorded before the staging folder goes: a run stopped in between keeps its rejects
        recordIngested(outcomes);
        warehouse.fs().delete(warehouse.staging(runId), true);
        outcomes.sort(Comparator.comparing(FileOutcome::path));
        return new Result(outcomes, rowsWritten, partitions);
    }

    private record TableOutcome(List<FileOutcome> files, long rows, List<String> partitions) { }

    private TableOutcome ingestTable(String tableName, List<StagedFile> files, Set<String> organisations,
                                     SerializableConfiguration conf) throws IOException {
        TableContract table = Contracts.conformed(tableName);
        Path staging = new Path(warehouse.staging(runId), tableName);
        String stagingUri = staging.toString();
        String run = runId;
        // one task per file, no shuffle: each task parses its whole file exactly once
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(files, files.size())
                .flatMap(f -> ParseLandingFile.parse(f.file(), f.id(), run, stagingUri, organisations, conf));
        spark.createDataFrame(rows, ParseLandingFile.staged(table)).write().mode(SaveMode.Overwrite)
                .option("parquet.enable.dictionary#weeks_band_counts.list.element", "false")
                .partitionBy(ParseLandingFile.PARTITION, ParseLandingFile.FILE)
                .parquet(new Path(staging, "rows").toString());

        Map<String, FileOutcome> summaries = readSummaries(new Path(staging, "summaries"));
        Map<String, String> winners = winners(summaries);
        long written = 0;
        for (Map.Entry<String, String> w : winners.entrySet()) {
            written += summaries.get(w.getValue()).partitionRows().get(w.getKey());
        }
        Path rejects = new Path(staging, "rejects");
        if (warehouse.fs().exists(rejects)) {
            writeRejects(spark.read().schema(ContractSchemas.schema(Contracts.table("runs", "rejects")))
                    .json(rejects.toString()));
        }
        Failpoints.reach("ingest.staged:" + tableName);
        List<String> values = PublishPartitions.publish(warehouse.fs(), new Path(staging, "rows"),
                warehouse.conformed(tableName), table.partitionColumn(), winners, new Path(staging, "trash"));
        values.sort(null);
        return new TableOutcome(supersede(summaries, winners), written, values);
    }

    private Map<String, FileOutcome> readSummaries(Path folder) throws IOException {
        Map<String, FileOutcome> out = new TreeMap<>();
        for (FileStatus st : warehouse.fs().listStatus(folder)) {
            String name = st.getPath().getName();
            if (!name.endsWith(".json")) continue;
            out.put(name.substring(0, name.length() - 5), ParseLandingFile.fromJson(warehouse.readText(st.getPath())));
        }
        return out;
    }

    /**
     * Per partition value, the id of the file to publish it from: the one modified last (ties
     * broken by path) among the files of this run that carry it.
     */
    private static Map<String, String> winners(Map<String, FileOutcome> summaries) {
        Map<String, String> winner = new TreeMap<>();
        for (Map.Entry<String, FileOutcome> e : summaries.entrySet()) {
            for (String part : e.getValue().partitionRows().keySet()) {
                String current = winner.get(part);
                if (current == null || newer(e.getValue(), summaries.get(current))) winner.put(part, e.getKey());
            }
        }
        return winner;
    }

    private static boolean newer(FileOutcome a, FileOutcome b) {
        int byTime = a.modified().compareTo(b.modified());
        return byTime != 0 ? byTime > 0 : a.path().compareTo(b.path()) > 0;
    }

    private static List<FileOutcome> supersede(Map<String, FileOutcome> summaries, Map<String, String> winners) {
        List<FileOutcome> out = new ArrayList<>();
        for (Map.Entry<String, FileOutcome> e : summaries.entrySet()) {
            FileOutcome f = e.getValue();
            boolean wins = winners.containsValue(e.getKey());
            if (FileOutcome.INGESTED.equals(f.status()) && !f.partitionRows().isEmpty() && !wins) {
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
        List<String> lines = new ArrayList<>();
        for (FileOutcome f : outcomes) {
            if (FileOutcome.REJECTED.equals(f.status())) {
                lines.add(ParseLandingFile.toJson(ParseLandingFile.reject(f, runId, 0, null, null, f.errorRule(),
                        "file rejected: " + f.error())));
            }
        }
        if (!lines.isEmpty()) {
            writeRejects(spark.read().schema(ContractSchemas.schema(Contracts.table("runs", "rejects")))
                    .json(spark.createDataset(lines, Encoders.STRING())));
        }
    }

    private void writeRejects(org.apache.spark.sql.Dataset<Row> rejects) {
        Path target = new Path(warehouse.rejects(), "run_id=" + runId);
        rejects.coalesce(1).write().mode(SaveMode.Append).parquet(target.toString());
    }

    /** Organisation codes of every lookup in the warehouse (a few thousand at most), or empty. */
    private Set<String> knownOrganisations() {
        Set<String> out = new HashSet<>();
        Dataset<Row> table;
        try {
            table = WarehouseTables.conformed(spark, warehouse, ORGANISATIONS_TABLE);
        } catch (IOException e) {
            return out;
        }
        if (table == null) return out;
        // made distinct here, not by Spark: one job over a few thousand rows, no shuffle
        for (Row r : table.select("org_code").collectAsList()) {
            if (!r.isNullAt(0)) out.add(r.getString(0));
        }
        return out;
    }

    private List<LandingFile> list(String landing) throws IOException {
        Path root = new Path(landing);
        FileSystem fs = root.getFileSystem(warehouse.conf());
        if (!fs.exists(root)) throw new IllegalArgumentException("landing folder " + landing + " does not exist");
        List<LandingFile> out = new ArrayList<>();
        for (FileStatus st : FileTrees.files(fs, root)) {
            if (hidden(root, st.getPath())) continue;
            out.add(new LandingFile(st.getPath().toString(), st.getLen(),
                    Instant.ofEpochMilli(st.getModificationTime()).toString(), st.getModificationTime()));
        }
        out.sort(Comparator.comparing(LandingFile::path));
        return out;
    }

    private static boolean hidden(Path root, Path p) {
        for (Path q = p; q != null && !q.equals(root) && q.getParent() != null; q = q.getParent()) {
            if (FileTrees.hidden(q.getName())) return true;
        }
        return false;
    }

    private List<FileOutcome> detect(List<LandingFile> files, SerializableConfiguration conf) {
        if (files.isEmpty()) return new ArrayList<>();
        return new ArrayList<>(JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(files, Math.min(files.size(), 64))
                .map(f -> DetectLandingFile.detect(f, conf))
                .collect());
    }

    /** A file as recorded when it was ingested, found again with the same path, size and time. */
    @SuppressWarnings("unchecked")
    private static FileOutcome unchanged(LandingFile f, Map<String, Object> recorded) {
        Object periods = recorded.get("periods");
        return new FileOutcome(f.path(), f.sizeBytes(), f.modified(), (String) recorded.get("sha256"), null,
                (String) recorded.get("detected_return"), (String) recorded.get("input_shape"),
                (String) recorded.get("table"), FileOutcome.UNCHANGED,
                periods == null ? List.of() : (List<String>) periods, Map.of(), 0, 0, 0, 0, null, List.of(), null, null);
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
            // a superseded file is recorded too: a later run must not take it for new and publish
            // its older data over the revision that superseded it
            if (!FileOutcome.INGESTED.equals(f.status()) && !FileOutcome.SUPERSEDED.equals(f.status())) continue;
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("sha256", f.sha256());
            e.put("path", f.path());
            e.put("size_bytes", f.sizeBytes());
            e.put("modified", f.modified());
            e.put("detected_return", f.detectedReturn());
            e.put("input_shape", f.inputShape());
            e.put("table", f.table());
            e.put("periods", f.periods());
            e.put("run_id", runId);
            e.put("status", f.status());
            entries.add(e);
            changed = true;
        }
        if (changed) warehouse.writeText(warehouse.ingestedFiles(), JSON.writeValueAsString(entries));
    }

    /**
     * Clears up after runs that were stopped before they finished (the caller holds the warehouse
     * lock, so no other run is active): partitions a run had moved aside are put back, the rejects
     * of a run that never recorded its files are removed (those files are ingested again, with
     * their rejects), and staged work is deleted.
     *
     * @return one line per stopped run, saying what was done
     */
    public static List<String> clearUpStoppedRuns(Warehouse warehouse, String currentRunId) throws IOException {
        List<String> lines = new ArrayList<>();
        FileSystem fs = warehouse.fs();
        Path staging = new Path(warehouse.root(), "_staging");
        if (!fs.exists(staging)) return lines;
        Set<String> recorded = new HashSet<>();
        String text = warehouse.readText(warehouse.ingestedFiles());
        if (text != null) {
            for (Map<String, Object> e : JSON.readValue(text, new TypeReference<List<Map<String, Object>>>() { })) {
                recorded.add(String.valueOf(e.get("run_id")));
            }
        }
        for (FileStatus st : fs.listStatus(staging)) {
            String run = st.getPath().getName();
            if (run.equals(currentRunId)) continue;
            List<String> restored = PublishPartitions.restoreInterrupted(fs, st.getPath(), warehouse::conformed);
            boolean rejectsRemoved = false;
            Path rejects = new Path(warehouse.rejects(), "run_id=" + run);
            if (!recorded.contains(run) && fs.exists(rejects)) rejectsRemoved = fs.delete(rejects, true);
            fs.delete(st.getPath(), true);
            lines.add("run " + run + " had stopped: " + restored.size() + " partition(s) restored"
                    + (restored.isEmpty() ? "" : " (" + String.join(", ", restored) + ")")
                    + (rejectsRemoved ? ", its rejects removed (its files are ingested again)" : "")
                    + ", its staged work deleted");
        }
        return lines;
    }

    private static String since(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
