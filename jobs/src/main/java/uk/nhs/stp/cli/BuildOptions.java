package uk.nhs.stp.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.nhs.stp.marts.BuildMarts;
import uk.nhs.stp.marts.FootprintMap;
import uk.nhs.stp.publish.Publisher;

/** The options that shape and keep the marts, shared by {@code stp marts} and {@code stp nightly}. */
public final class BuildOptions {
    @Option(names = "--footprint-vintage", paramLabel = "VINTAGE", defaultValue = BuildMarts.FOOTPRINT_VINTAGE_DEFAULT,
            description = "Organisation -> footprint map for the footprint and region marts: 2017 (the 44 STPs of "
                    + "2017/18), 2018 (restated onto the 42 STPs of April 2018 and their regions), 2022 (the 42 ICSs of "
                    + "January 2022: needs the ODS trust extract and the GP practice mapping file) or latest (the most "
                    + "recent the landed lookups give). Default: ${DEFAULT-VALUE}.")
    String footprintVintage;

    @Option(names = "--keep-versions", paramLabel = "N", defaultValue = "" + Publisher.KEEP_DEFAULT,
            description = "Published versions of the marts to keep for stp rollback (default: ${DEFAULT-VALUE}).")
    int keepVersions;

    @Mixin
    SpcOptions spc;

    @Mixin
    TrajectoryOptions trajectory;

    /** Versions to keep, or a usage error (exit 2) when fewer than one. */
    int keepVersions() {
        if (keepVersions < 1) throw new IllegalArgumentException("--keep-versions must be at least 1, was " + keepVersions);
        return keepVersions;
    }

    /** The settings, or a usage error (exit 2) naming the bad value. */
    PipelineRun.BuildSettings settings() {
        if (!FootprintMap.VINTAGES.contains(footprintVintage)) {
            throw new IllegalArgumentException("Invalid value for option '--footprint-vintage': '" + footprintVintage
                    + "' (use one of " + String.join(", ", FootprintMap.VINTAGES) + ")");
        }
        return new PipelineRun.BuildSettings(footprintVintage, spc.parameters(), trajectory.financeParameters(),
                trajectory.standardParameters());
    }
}
