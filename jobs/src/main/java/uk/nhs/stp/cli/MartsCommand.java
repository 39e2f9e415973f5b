package uk.nhs.stp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code stp marts --warehouse DIR}. */
@Command(name = "marts", mixinStandardHelpOptions = true,
        description = {"Build the marts under <warehouse>/marts/ from the conformed tables: dim_month, dim_metric, "
                + "england_metric_month and provider_metric_month (each mart is replaced whole)."})
public final class MartsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--warehouse", required = true, paramLabel = "DIR",
            description = "Warehouse folder holding conformed/ (written by stp ingest).")
    String warehouse;

    @Override
    public Integer call() throws Exception {
        MartsRun.run(warehouse, List.of("marts", "--warehouse", warehouse), spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
