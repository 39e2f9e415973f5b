package uk.nhs.stp.cli;

import org.apache.spark.sql.SparkSession;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.marts.BuildMarts;
import uk.nhs.stp.run.RunIds;
import uk.nhs.stp.run.RunManifest;
import uk.nhs.stp.spc.SpcParameters;
import uk.nhs.stp.spark.SparkSessions;
import uk.nhs.stp.trajectory.FinanceTrajectoryParameters;
import uk.nhs.stp.trajectory.TargetTrajectoryParameters;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One marts build as the commands perform it: build, write the manifest, print what was written. */
final class MartsRun {
    private MartsRun() { }

    /** A build on the default footprint vintage. */
    static Map<String, Long> run(String warehouseRoot, List<String> command, PrintWriter out) throws Exception {
        return run(warehouseRoot, BuildMarts.FOOTPRINT_VINTAGE_DEFAULT, command, out);
    }

    static Map<String, Long> run(String warehouseRoot, String footprintVintage, List<String> command, PrintWriter out)
            throws Exception {
        return run(warehouseRoot, footprintVintage, SpcParameters.DEFAULTS, FinanceTrajectoryParameters.DEFAULTS,
                TargetTrajectoryParameters.DEFAULTS, command, out);
    }

    static Map<String, Long> run(String warehouseRoot, String footprintVintage, SpcParameters spcParameters,
                                 FinanceTrajectoryParameters financeParameters,
                                 TargetTrajectoryParameters standardParameters,
                                 List<String> command, PrintWriter out) throws Exception {
        Instant started = Instant.now();
        String runId = RunIds.next(started);
        SparkSession spark = SparkSessions.getOrCreate("stp marts");
        Warehouse warehouse = new Warehouse(warehouseRoot, spark.sparkContext().hadoopConfiguration());
        RunManifest manifest = new RunManifest(runId, started, command).put("warehouse", warehouse.root().toString())
                .put("footprint_vintage", footprintVintage).put("spc_parameters", spcParameters.describe())
                .put("finance_trajectory_parameters", financeParameters.describe())
                .put("standard_trajectory_parameters", standardParameters.describe());
        Map<String, Long> written;
        try {
            written = new BuildMarts(spark, warehouse, runId, line -> {
                out.println("  " + line);
                out.flush();
            }, footprintVintage).withSpcParameters(spcParameters)
                    .withTrajectoryParameters(financeParameters, standardParameters).execute();
        } catch (Exception e) {
            manifest.write(warehouse, ExitCodes.INTERNAL, List.of(), e.toString());
            throw e;
        }
        Map<String, Object> tables = new LinkedHashMap<>();
        written.forEach((t, n) -> tables.put(t, Map.of("rows_written", n, "path", warehouse.mart(t).toString())));
        manifest.put("marts", tables);
        String path = manifest.write(warehouse, ExitCodes.OK, List.of(), null);
        written.forEach((t, n) -> out.printf("  %-28s %s (%,d rows)%n", t, warehouse.mart(t), n));
        out.println("manifest: " + path);
        out.flush();
        return written;
    }
}
