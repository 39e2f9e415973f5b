package uk.nhs.stp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uk.nhs.stp.publish.Publisher;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code stp ingest --landing DIR --warehouse DIR}. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest every file under the landing folder into the warehouse's conformed tables.",
                "Files are recognised by their content (header or shape), not their names. Every row is accounted "
                        + "for in <warehouse>/_runs/<run_id>/manifest.json; rejected rows go to <warehouse>/rejects/. "
                        + "The marts are not rebuilt: stp nightly does both."})
public final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--landing", required = true, paramLabel = "DIR",
            description = "Folder (Hadoop URI or local path) holding the published returns, searched recursively.")
    String landing;

    @Option(names = "--warehouse", required = true, paramLabel = "DIR",
            description = "Warehouse folder (Hadoop URI or local path); created if missing.")
    String warehouse;

    @Override
    public Integer call() throws Exception {
        List<String> command = new ArrayList<>(List.of("ingest", "--landing", landing, "--warehouse", warehouse));
        return PipelineRun.run(new PipelineRun.Settings(landing, warehouse, PipelineRun.Marts.NEVER,
                        PipelineRun.BuildSettings.DEFAULTS, Publisher.KEEP_DEFAULT), command,
                spec.commandLine().getOut(), spec.commandLine().getErr()).exitCode();
    }
}
