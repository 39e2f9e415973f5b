package uk.nhs.stp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code stp nightly --landing DIR --warehouse DIR}: the scheduled run. */
@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"The scheduled run: ingest what is new or revised under the landing folder (by checksum), "
                + "rebuild the marts when anything they depend on changed, and publish them as one new version "
                + "(readers see yesterday's complete version until then, never a mix). With nothing new it does "
                + "nothing and says so.",
                "One run at a time per warehouse (exit 5 names the holder); a run that was killed is cleared up by "
                        + "the next. Writes <warehouse>/_runs/<run_id>/manifest.json and report.md; keeps the last "
                        + "--keep-versions versions for stp rollback."})
public final class NightlyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--landing", required = true, paramLabel = "DIR",
            description = "Folder (Hadoop URI or local path) holding the published returns, searched recursively.")
    String landing;

    @Option(names = "--warehouse", required = true, paramLabel = "DIR",
            description = "Warehouse folder (Hadoop URI or local path); created if missing.")
    String warehouse;

    @Mixin
    BuildOptions build;

    @Override
    public Integer call() throws Exception {
        PipelineRun.BuildSettings settings;
        int keepVersions;
        try {
            settings = build.settings();
            keepVersions = build.keepVersions();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<String> command = new ArrayList<>(List.of("nightly", "--landing", landing, "--warehouse", warehouse,
                "--footprint-vintage", settings.footprintVintage(), "--keep-versions", Integer.toString(keepVersions)));
        PipelineRun.Outcome outcome = PipelineRun.run(new PipelineRun.Settings(landing, warehouse,
                PipelineRun.Marts.WHEN_CHANGED, settings, keepVersions), command, spec.commandLine().getOut(),
                spec.commandLine().getErr());
        NightlyCommand.printOutputs(outcome, warehouse, spec.commandLine().getOut());
        return outcome.exitCode();
    }

    /** Where the outputs are, and a one-line summary of each mart of the current version. */
    static void printOutputs(PipelineRun.Outcome outcome, String warehouse, java.io.PrintWriter out) {
        out.println();
        if (outcome.current() == null) {
            out.println("no marts published yet in " + warehouse);
        } else {
            out.println((outcome.published() != null ? "published version " : "unchanged: readers still see version ")
                    + outcome.current().version() + ":");
            outcome.current().tables().forEach((name, t) ->
                    out.printf("  %-32s %,10d rows  %s/%s%n", name, t.rows(), warehouse, t.path()));
            out.println("stable folders (local file systems): " + warehouse + "/marts/<table>/  -> the current version");
        }
        out.printf("  %-32s %s/rejects/%n", "rejected rows", warehouse);
        out.printf("  %-32s %s%n", "run manifest", outcome.manifestPath());
        out.printf("  %-32s %s%n", "run report", outcome.reportPath());
        out.flush();
    }
}
