package uk.nhs.stp.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.publish.ConformedState;
import uk.nhs.stp.publish.PublishedMarts;
import uk.nhs.stp.publish.PublishedVersion;
import uk.nhs.stp.publish.Publisher;
import uk.nhs.stp.run.RunIds;
import uk.nhs.stp.run.RunManifest;
import uk.nhs.stp.run.WarehouseLock;
import uk.nhs.stp.spark.SparkSessions;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code stp rollback --warehouse DIR --to RUN_ID}, and {@code --list} to see what can be restored. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Publish a kept earlier version of the marts again, in one step. The conformed tables are not "
                + "changed: the next stp nightly leaves the restored version in place until a new or revised file "
                + "arrives, then builds from everything ingested (land a corrected file to replace a bad month).",
                "--list shows the kept versions."})
public final class RollbackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse folder.")
    String warehouse;

    @Option(names = "--to", paramLabel = "RUN_ID", description = "The version to restore (a run id from --list).")
    String to;

    @Option(names = "--list", description = "List the kept versions, newest first, and exit.")
    boolean list;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!list && to == null) throw new IllegalArgumentException("say which version to restore with --to RUN_ID (see --list)");
        Instant started = Instant.now();
        String runId = RunIds.next(started);
        SparkSession spark = SparkSessions.getOrCreate("stp rollback");
        Warehouse wh = new Warehouse(warehouse, spark.sparkContext().hadoopConfiguration());
        List<PublishedVersion> log = PublishedMarts.log(wh);
        if (log.isEmpty()) throw new IllegalArgumentException("warehouse " + wh.root() + " has no published versions");
        String current = log.get(log.size() - 1).version();
        if (list) {
            out.println("published versions kept in " + wh.root() + ", newest first (restore one with --to VERSION):");
            for (int i = log.size() - 1; i >= 0; i--) {
                PublishedVersion v = log.get(i);
                out.printf("  %s  published %s, %d marts%s%s%n", v.version(), v.publishedAt(), v.tables().size(),
                        v.rolledBackFrom() != null ? ", restored by rollback " + v.runId() : "",
                        i == log.size() - 1 ? "  <- current" : "");
            }
            out.flush();
            return ExitCodes.OK;
        }
        List<String> command = List.of("rollback", "--warehouse", warehouse, "--to", to);
        try (WarehouseLock lock = WarehouseLock.acquire(wh, runId, command)) {
            PublishedVersion target = log.stream().filter(v -> v.version().equals(to)).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalArgumentException("no kept version " + to + " in " + wh.root()
                            + "; see stp rollback --list --warehouse " + warehouse));
            if (to.equals(current)) {
                out.println("version " + to + " is already the current one: nothing to do");
                out.flush();
                return ExitCodes.OK;
            }
            for (PublishedVersion.Table t : target.tables().values()) {
                if (!wh.fs().exists(new org.apache.hadoop.fs.Path(wh.root(), t.path()))) {
                    throw new IllegalArgumentException("version " + to + " is no longer complete (" + t.path()
                            + " is missing); choose another from --list");
                }
            }
            // the conformed tables as they are now: the next nightly run rebuilds only when they change again
            PublishedVersion entry = new PublishedVersion(PublishedVersion.FORMAT, runId, Instant.now().toString(),
                    target.version(), current, target.parameters(), target.tables(), target.conformed(),
                    ConformedState.fingerprint(wh));
            new Publisher(wh).publish(entry);
            new RunManifest(runId, started, command).put("warehouse", wh.root().toString())
                    .put("rolled_back_from", current).put("published_version", target.version())
                    .write(wh, ExitCodes.OK, List.of(), null);
            out.println("rolled back: readers now see version " + target.version() + " (was " + current + ")");
            out.flush();
            return ExitCodes.OK;
        }
    }
}
