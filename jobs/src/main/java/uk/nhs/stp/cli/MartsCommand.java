package uk.nhs.stp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code stp marts --warehouse DIR [build options]}: rebuild and publish the marts without ingesting. */
@Command(name = "marts", mixinStandardHelpOptions = true,
        description = {"Build every mart from the conformed tables as a new version and publish it in one step "
                + "(readers see the previous version until then): the dimensions, the metric-month marts at England, "
                + "region, footprint and provider level, finance, trajectories and SPC. Always rebuilds; stp nightly "
                + "rebuilds only when something changed."})
public final class MartsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--warehouse", required = true, paramLabel = "DIR",
            description = "Warehouse folder holding conformed/ (written by stp ingest or stp nightly).")
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
        return PipelineRun.run(new PipelineRun.Settings(null, warehouse, PipelineRun.Marts.ALWAYS, settings, keepVersions),
                List.of("marts", "--warehouse", warehouse, "--footprint-vintage", settings.footprintVintage()),
                spec.commandLine().getOut(), spec.commandLine().getErr()).exitCode();
    }
}
