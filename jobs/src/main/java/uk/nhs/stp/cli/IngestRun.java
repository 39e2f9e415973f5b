package uk.nhs.stp.cli;

import org.apache.spark.sql.SparkSession;
import uk.nhs.stp.ingest.FileOutcome;
import uk.nhs.stp.ingest.IngestLandingFolder;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.run.RunIds;
import uk.nhs.stp.run.RunManifest;
import uk.nhs.stp.spark.SparkSessions;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One ingest run as the commands perform it: ingest, write the manifest, print a summary, pick the exit code. */
final class IngestRun {
    private IngestRun() { }

    record Outcome(int exitCode, IngestLandingFolder.Result result, String manifestPath) { }

    static Outcome run(String landing, String warehouseRoot, List<String> command, PrintWriter out, PrintWriter err)
            throws Exception {
        Instant started = Instant.now();
        String runId = RunIds.next(started);
        SparkSession spark = SparkSessions.getOrCreate("stp " + command.get(0));
        SparkSessions.configure(spark);
        Warehouse warehouse = new Warehouse(warehouseRoot, spark.sparkContext().hadoopConfiguration());
        RunManifest manifest = new RunManifest(runId, started, command)
                .put("landing", landing).put("warehouse", warehouse.root().toString())
                .put("spark", Map.of("master", spark.sparkContext().master(), "version", spark.version()));
        out.println("run " + runId + ": ingesting " + landing + " into " + warehouse.root());
        out.flush();
        IngestLandingFolder.Result result;
        try {
            result = new IngestLandingFolder(spark, warehouse, runId, line -> {
                out.println("  " + line);
                out.flush();
            }).execute(landing);
        } catch (IllegalArgumentException e) {
            manifest.write(warehouse, ExitCodes.USAGE, List.of(), e.getMessage());
            throw e;
        } catch (Exception e) {
            manifest.write(warehouse, ExitCodes.INTERNAL, List.of(), e.toString());
            throw e;
        }
        int exit = result.count(FileOutcome.FAILED) > 0 ? ExitCodes.INTERNAL
                : result.count(FileOutcome.REJECTED) > 0 ? ExitCodes.FILES_REJECTED : ExitCodes.OK;
        Map<String, Object> tables = new LinkedHashMap<>();
        result.rowsWritten().forEach((t, n) -> tables.put(t, Map.of("rows_written", n,
                "partitions", result.partitions().get(t))));
        manifest.put("tables", tables);
        String path = manifest.write(warehouse, exit, result.files(), null);
        printSummary(result, out, err);
        out.println("manifest: " + path);
        out.flush();
        return new Outcome(exit, result, path);
    }

    private static void printSummary(IngestLandingFolder.Result r, PrintWriter out, PrintWriter err) {
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
}
