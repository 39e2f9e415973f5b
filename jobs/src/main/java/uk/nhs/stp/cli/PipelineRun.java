package uk.nhs.stp.cli;

import org.apache.spark.sql.SparkSession;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.contract.TableContract;
import uk.nhs.stp.ingest.FileOutcome;
import uk.nhs.stp.ingest.IngestLandingFolder;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.marts.BuildMarts;
import uk.nhs.stp.publish.ConformedState;
import uk.nhs.stp.publish.PublishedMarts;
import uk.nhs.stp.publish.PublishedVersion;
import uk.nhs.stp.publish.Publisher;
import uk.nhs.stp.run.Failpoints;
import uk.nhs.stp.run.RunIds;
import uk.nhs.stp.run.RunManifest;
import uk.nhs.stp.run.RunReport;
import uk.nhs.stp.run.WarehouseLock;
import uk.nhs.stp.spark.SparkSessions;
import uk.nhs.stp.spc.SpcParameters;
import uk.nhs.stp.trajectory.FinanceTrajectoryParameters;
import uk.nhs.stp.trajectory.TargetTrajectoryParameters;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One run of the pipeline as every command performs it: take the warehouse lock, clear up after a
 * stopped run, ingest the landing folder, decide whether the marts need rebuilding, build a new
 * version of them, publish it in one step, keep the last few versions, and write the manifest and
 * the run report. {@code stp nightly} runs it all; {@code stp ingest} stops after ingest;
 * {@code stp marts} skips ingest and always builds.
 */
final class PipelineRun {
    private PipelineRun() { }

    /** When the marts are built. */
    enum Marts {
        /** Every run ({@code stp marts}). */
        ALWAYS,
        /** When the conformed tables or the build settings differ from the published version's ({@code stp nightly}). */
        WHEN_CHANGED,
        /** Never ({@code stp ingest}). */
        NEVER
    }

    /** What shapes the marts; recorded with each published version. */
    record BuildSettings(String footprintVintage, SpcParameters spc, FinanceTrajectoryParameters finance,
                         TargetTrajectoryParameters standard) {
        static final BuildSettings DEFAULTS = new BuildSettings(BuildMarts.FOOTPRINT_VINTAGE_DEFAULT,
                SpcParameters.DEFAULTS, FinanceTrajectoryParameters.DEFAULTS, TargetTrajectoryParameters.DEFAULTS);

        Map<String, String> describe() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("footprint_vintage", footprintVintage);
            m.put("spc", spc.describe());
            m.put("finance_trajectory", finance.describe());
            m.put("standard_trajectory", standard.describe());
            return m;
        }
    }

    /**
     * @param landing      folder to ingest, or null for none
     * @param keepVersions published versions to keep
     */
    record Settings(String landing, String warehouse, Marts marts, BuildSettings build, int keepVersions) { }

    /**
     * What a run did.
     *
     * @param ingest    the ingest's result, or null when the run did not ingest
     * @param published the version this run published, or null
     * @param current   the version readers see after the run, or null when there is none
     */
    record Outcome(int exitCode, String runId, String manifestPath, String reportPath,
                   IngestLandingFolder.Result ingest, PublishedVersion published, PublishedVersion current) { }

    static Outcome run(Settings s, List<String> command, PrintWriter out, PrintWriter err) throws Exception {
        Instant started = Instant.now();
        String runId = RunIds.next(started);
        SparkSession spark = SparkSessions.getOrCreate("stp " + command.get(0));
        Warehouse warehouse = new Warehouse(s.warehouse(), spark.sparkContext().hadoopConfiguration());
        Steps steps = new Steps(out);
        RunManifest manifest = new RunManifest(runId, started, command).put("warehouse", warehouse.root().toString())
                .put("spark", Map.of("master", spark.sparkContext().master(), "version", spark.version()));
        if (s.landing() != null) manifest.put("landing", s.landing());
        if (s.marts() != Marts.NEVER) manifest.put("parameters", s.build().describe());
        out.println("run " + runId + ": " + command.get(0) + (s.landing() == null ? "" : " " + s.landing())
                + " -> " + warehouse.root());
        out.flush();
        IngestLandingFolder.Result ingest = null;
        PublishedVersion published = null;
        Map<String, Object> changed = new LinkedHashMap<>();
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse, runId, command)) {
            Failpoints.reach("run.locked");
            if (lock.replaced().isPresent()) {
                steps.line("recover", "took over the lock of " + lock.replaced().get().describe() + ", which had stopped");
            }
            for (String line : IngestLandingFolder.clearUpStoppedRuns(warehouse, runId)) steps.line("recover", line);
            Publisher publisher = new Publisher(warehouse);
            publisher.repairLink();

            if (s.landing() != null) {
                long t = System.nanoTime();
                ingest = new IngestLandingFolder(spark, warehouse, runId, line -> steps.line(line)).execute(s.landing());
                steps.done("ingest", t, String.format("%d ingested, %d unchanged, %d superseded, %d rejected, %d failed",
                        ingest.count(FileOutcome.INGESTED), ingest.count(FileOutcome.UNCHANGED),
                        ingest.count(FileOutcome.SUPERSEDED), ingest.count(FileOutcome.REJECTED),
                        ingest.count(FileOutcome.FAILED)));
                changed.put("partitions", ingest.partitions());
            }
            if (s.marts() != Marts.NEVER) {
                published = buildAndPublish(spark, warehouse, runId, s, steps, changed, publisher);
            }
            // whatever a step left in the run's staging folder (e.g. the derived layer's folder) goes
            // with the run: the next run would otherwise report this one as stopped
            warehouse.fs().delete(warehouse.staging(runId), true);
        } catch (IllegalArgumentException e) {
            manifest.write(warehouse, ExitCodes.USAGE, ingest == null ? List.of() : ingest.files(), e.getMessage());
            throw e;
        } catch (WarehouseLock.LockedException e) {
            throw e;
        } catch (Exception e) {
            manifest.write(warehouse, ExitCodes.INTERNAL, ingest == null ? List.of() : ingest.files(), e.toString());
            throw e;
        }
        int exit = ingest == null ? ExitCodes.OK
                : ingest.count(FileOutcome.FAILED) > 0 ? ExitCodes.INTERNAL
                : ingest.count(FileOutcome.REJECTED) > 0 ? ExitCodes.FILES_REJECTED : ExitCodes.OK;
        PublishedVersion current = PublishedMarts.current(warehouse).map(PublishedMarts::entry).orElse(null);
        if (ingest != null) {
            Map<String, Object> tables = new LinkedHashMap<>();
            IngestLandingFolder.Result ingested = ingest;
            ingested.rowsWritten().forEach((t, n) -> tables.put(t, Map.of("rows_written", n,
                    "partitions", ingested.partitions().get(t))));
            manifest.put("tables", tables);
            printIngestSummary(ingest, out, err);
        }
        manifest.put("changed", changed).put("durations_s", steps.durations());
        if (current != null) manifest.put("published_version", current.version()).put("outputs", outputs(current));
        long t = System.nanoTime();
        String report = RunReport.write(spark, warehouse, new RunReport.Facts(runId, started, command, exit, ingest,
                published, current, changed, steps.durations()));
        steps.done("report", t, report);
        String manifestPath = manifest.write(warehouse, exit, ingest == null ? List.of() : ingest.files(), null);
        out.println("manifest: " + manifestPath);
        out.println("report:   " + report);
        out.flush();
        return new Outcome(exit, runId, manifestPath, report, ingest, published, current);
    }

    /** Builds and publishes a new version when it is needed; returns it, or null. */
    private static PublishedVersion buildAndPublish(SparkSession spark, Warehouse warehouse, String runId, Settings s,
                                                    Steps steps, Map<String, Object> changed, Publisher publisher)
            throws Exception {
        Map<String, String> conformed = ConformedState.fingerprint(warehouse);
        Optional<PublishedMarts> current = PublishedMarts.current(warehouse);
        Map<String, String> parameters = s.build().describe();
        List<String> tablesChanged = ConformedState.changed(
                current.map(c -> c.entry().conformedAtPublish()).orElse(Map.of()), conformed);
        boolean settingsChanged = current.isPresent() && !current.get().entry().parameters().equals(parameters);
        changed.put("conformed_tables", tablesChanged);
        changed.put("settings_changed", settingsChanged);
        if (conformed.isEmpty()) {
            steps.line("marts", "no conformed tables in the warehouse: nothing to build (land returns and run stp nightly)");
            return null;
        }
        if (s.marts() == Marts.WHEN_CHANGED && current.isPresent() && tablesChanged.isEmpty() && !settingsChanged) {
            steps.line("marts", "nothing new: the published version " + current.get().version()
                    + " already reflects every conformed table; nothing rebuilt");
            changed.put("marts_rebuilt", false);
            return null;
        }
        steps.line("marts", current.isEmpty() ? "first build"
                : settingsChanged ? "settings differ from the published version's: rebuilding"
                : tablesChanged.isEmpty() ? "rebuilding on request" : "changed since the published version: "
                        + String.join(", ", tablesChanged));
        long t = System.nanoTime();
        BuildMarts build = new BuildMarts(spark, warehouse, runId, steps::line, s.build().footprintVintage())
                .withSpcParameters(s.build().spc())
                .withTrajectoryParameters(s.build().finance(), s.build().standard())
                .keeping(s.marts() == Marts.WHEN_CHANGED && current.isPresent()
                        ? unaffected(current.get(), conformed, parameters) : Map.of());
        Map<String, Long> written = build.execute();
        steps.done("marts", t, String.format("%d table(s), %,d rows; %d rebuilt, %d kept", written.size(),
                written.values().stream().mapToLong(Long::longValue).sum(), written.size() - build.kept().size(),
                build.kept().size()));
        changed.put("marts_rebuilt", true);
        changed.put("marts_kept", List.copyOf(build.kept().keySet()));
        if (written.isEmpty()) return null;
        Failpoints.reach("publish.version-written");
        t = System.nanoTime();
        Map<String, PublishedVersion.Table> tables = new LinkedHashMap<>();
        String root = warehouse.root().toUri().getPath();
        written.forEach((name, rows) -> tables.put(name, new PublishedVersion.Table(
                relative(root, new org.apache.hadoop.fs.Path(warehouse.version(runId), name)), rows,
                Contracts.table("marts", name).schemaVersion(),
                build.kept().containsKey(name) ? build.kept().get(name).builtBy() : runId)));
        PublishedVersion entry = new PublishedVersion(PublishedVersion.FORMAT, runId, Instant.now().toString(), runId,
                null, parameters, tables, conformed, conformed);
        publisher.publish(entry);
        steps.done("publish", t, "version " + runId + (publisher.linksMarts() ? " (" + warehouse.marts() + " -> _versions/"
                + runId + ")" : ""));
        t = System.nanoTime();
        List<String> removed = publisher.retain(s.keepVersions());
        steps.done("retain", t, "keeping the last " + s.keepVersions() + " version(s); removed " + removed.size());
        return entry;
    }

    /**
     * The published marts that nothing they are built from has touched since they were built: no
     * conformed table of their contract's {@code built_from} changed, nor any of its settings, and
     * their contract's columns are the same. They are kept as published instead of rebuilt.
     */
    static Map<String, BuildMarts.Kept> unaffected(PublishedMarts current, Map<String, String> conformed,
                                                   Map<String, String> parameters) {
        // against what the marts were built from (not the state at a rollback)
        Set<String> tablesChanged = new HashSet<>(ConformedState.changed(current.entry().conformed(), conformed));
        Set<String> settingsChanged = new HashSet<>();
        Set<String> keys = new HashSet<>(parameters.keySet());
        keys.addAll(current.entry().parameters().keySet());
        for (String key : keys) {
            if (!Objects.equals(current.entry().parameters().get(key), parameters.get(key))) settingsChanged.add(key);
        }
        // a setting no contract can name (a new one, or one from another release): keep nothing
        if (!Contracts.BUILD_SETTINGS.containsAll(settingsChanged)) return Map.of();
        List<String> marts = Contracts.list("marts");
        Map<String, BuildMarts.Kept> out = new LinkedHashMap<>();
        current.entry().tables().forEach((name, table) -> {
            if (!marts.contains(name)) return;
            TableContract contract = Contracts.table("marts", name);
            if (!contract.schemaVersion().equals(table.schemaVersion())) return;
            if (contract.builtFrom().conformed().isEmpty()) return; // reference data only: cheap, always rebuilt
            if (!Collections.disjoint(contract.builtFrom().conformed(), tablesChanged)) return;
            if (!Collections.disjoint(contract.builtFrom().settings(), settingsChanged)) return;
            out.put(name, new BuildMarts.Kept(current.path(name), table.rows(), table.builtBy()));
        });
        return out;
    }

    static String relative(String root, org.apache.hadoop.fs.Path path) {
        String p = path.toUri().getPath();
        return p.startsWith(root + "/") ? p.substring(root.length() + 1) : p;
    }

    private static List<Map<String, Object>> outputs(PublishedVersion v) {
        List<Map<String, Object>> out = new ArrayList<>();
        v.tables().forEach((name, t) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", name);
            m.put("version", v.version());
            m.put("rows", t.rows());
            m.put("schema_version", t.schemaVersion());
            m.put("path", t.path());
            m.put("built_by", t.builtBy());
            out.add(m);
        });
        return out;
    }

    static void printIngestSummary(IngestLandingFolder.Result r, PrintWriter out, PrintWriter err) {
        long read = 0, accepted = 0, rejected = 0, control = 0;
        for (FileOutcome f : r.files()) {
            read += f.rowsRead();
            accepted += f.rowsAccepted();
            rejected += f.rowsRejected();
            control += f.rowsControl();
            if (FileOutcome.REJECTED.equals(f.status()) || FileOutcome.FAILED.equals(f.status())) {
                err.println("stp: " + f.path() + ": " + f.error());
            }
            for (String w : f.warnings()) out.println("  warning  " + f.path() + ": " + w);
        }
        err.flush();
        out.printf("files: %d ingested, %d unchanged, %d superseded, %d rejected, %d failed%n",
                r.count(FileOutcome.INGESTED), r.count(FileOutcome.UNCHANGED), r.count(FileOutcome.SUPERSEDED),
                r.count(FileOutcome.REJECTED), r.count(FileOutcome.FAILED));
        out.printf("rows:  %,d read = %,d accepted + %,d rejected + %,d control%n", read, accepted, rejected, control);
    }

    /** One line per step, with its duration; durations kept for the manifest. */
    static final class Steps {
        private final PrintWriter out;
        private final Map<String, Double> durations = new LinkedHashMap<>();

        Steps(PrintWriter out) { this.out = out; }

        void line(String text) {
            out.println("  " + text);
            out.flush();
        }

        void line(String step, String text) {
            line(String.format("%-9s %s", step, text));
        }

        void done(String step, long startNanos, String text) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            durations.merge(step, Math.round(seconds * 10) / 10.0, Double::sum);
            line(step, String.format("%s (%.1f s)", text, seconds));
        }

        Map<String, Double> durations() { return durations; }
    }
}
