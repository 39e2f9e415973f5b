package uk.nhs.stp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import uk.nhs.stp.marts.BuildMarts;
import uk.nhs.stp.marts.FootprintMap;
import uk.nhs.stp.spc.SpcParameters;
import uk.nhs.stp.trajectory.FinanceTrajectoryParameters;
import uk.nhs.stp.trajectory.TargetTrajectoryParameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code stp marts --warehouse DIR [--footprint-vintage VINTAGE]}. */
@Command(name = "marts", mixinStandardHelpOptions = true,
        description = {"Build the marts under <warehouse>/marts/ from the conformed tables: dim_month, dim_metric, "
                + "england_metric_month and provider_metric_month, and, when org_footprint_map is present, "
                + "footprint_metric_month, region_metric_month and dq_unmapped_activity, then the SPC marts spc_metric_month and "
                + "spc_summary (each mart is replaced whole)."})
public final class MartsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--warehouse", required = true, paramLabel = "DIR",
            description = "Warehouse folder holding conformed/ (written by stp ingest).")
    String warehouse;

    @Option(names = "--footprint-vintage", paramLabel = "VINTAGE", defaultValue = BuildMarts.FOOTPRINT_VINTAGE_DEFAULT,
            description = "Organisation -> footprint map for the footprint and region marts: 2017 (the 44 STPs of "
                    + "2017/18), 2018 (restated onto the 42 STPs of April 2018 and their regions), 2022 (the 42 ICSs of "
                    + "January 2022: needs the ODS trust extract and the GP practice mapping file) or latest (the most "
                    + "recent the landed lookups give). Default: ${DEFAULT-VALUE}.")
    String footprintVintage;

    @Mixin
    SpcOptions spc;

    @Mixin
    TrajectoryOptions trajectory;

    @Override
    public Integer call() throws Exception {
        if (!FootprintMap.VINTAGES.contains(footprintVintage)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--footprint-vintage': '"
                    + footprintVintage + "' (use one of " + String.join(", ", FootprintMap.VINTAGES) + ")");
        }
        SpcParameters spcParameters;
        FinanceTrajectoryParameters financeParameters;
        TargetTrajectoryParameters standardParameters;
        try {
            spcParameters = spc.parameters();
            financeParameters = trajectory.financeParameters();
            standardParameters = trajectory.standardParameters();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        MartsRun.run(warehouse, footprintVintage, spcParameters, financeParameters, standardParameters, List.of("marts", "--warehouse", warehouse,
                "--footprint-vintage", footprintVintage), spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
