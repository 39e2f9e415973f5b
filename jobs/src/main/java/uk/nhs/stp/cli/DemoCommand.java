package uk.nhs.stp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.nhs.stp.generate.GenerationSummary;
import uk.nhs.stp.generate.SampleReturnsGenerator;
import uk.nhs.stp.publish.Publisher;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code stp demo}: the README's main command. Generates a financial year of sample returns into a
 * landing folder and runs the pipeline on them with the embedded Spark ({@code local[*]}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate sample returns (2017/18, all footprints) into a landing folder and run stp nightly on "
                + "them: ingest, build and publish the marts; prints a summary and where the outputs are. Running it "
                + "again finds nothing new."})
public final class DemoCommand implements Callable<Integer> {
    /** Where the demo works unless told otherwise, under the working directory. */
    public static final String WAREHOUSE_DEFAULT = "stp-demo/warehouse";
    public static final String LANDING_DEFAULT = "stp-demo/landing";

    @Spec
    CommandSpec spec;

    @Option(names = "--warehouse", paramLabel = "DIR", description = "Warehouse folder (default: ${DEFAULT-VALUE}).")
    String warehouse = WAREHOUSE_DEFAULT;

    @Option(names = "--landing", paramLabel = "DIR", description = "Landing folder for the sample returns (default: ${DEFAULT-VALUE}).")
    String landing = LANDING_DEFAULT;

    @Option(names = "--months", paramLabel = "N", description = "Months to generate from April 2017 (default: ${DEFAULT-VALUE}).")
    int months = SampleReturnsGenerator.Options.MONTHS_DEFAULT;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (months < 1) throw new IllegalArgumentException("--months must be at least 1, was " + months);
        GenerationSummary generated = new SampleReturnsGenerator().generate(new SampleReturnsGenerator.Options(
                landing, YearMonth.of(2017, 4), months, SampleReturnsGenerator.Options.SEED_DEFAULT));
        GenerateCommand.print(generated, out);
        List<String> command = List.of("nightly", "--landing", landing, "--warehouse", warehouse);
        PipelineRun.Outcome outcome = PipelineRun.run(new PipelineRun.Settings(landing, warehouse,
                PipelineRun.Marts.WHEN_CHANGED, PipelineRun.BuildSettings.DEFAULTS, Publisher.KEEP_DEFAULT), command,
                out, spec.commandLine().getErr());
        NightlyCommand.printOutputs(outcome, warehouse, out);
        out.println("read them with Spark, DuckDB (read_parquet('" + warehouse + "/marts/<table>/*.parquet')) or any "
                + "Parquet reader; the same run again finds nothing new: stp nightly --landing " + landing
                + " --warehouse " + warehouse);
        out.flush();
        return outcome.exitCode();
    }
}
