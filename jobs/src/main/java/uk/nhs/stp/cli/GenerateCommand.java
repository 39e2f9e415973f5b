package uk.nhs.stp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.nhs.stp.generate.GenerationSummary;
import uk.nhs.stp.generate.SampleReturnsGenerator;
import uk.nhs.stp.generate.Scale;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.concurrent.Callable;

/** {@code stp generate --out DIR --from YYYY-MM --months N --seed S --scale sample|national}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write sample returns of every kind in the formats NHS England publishes: A&E monthly provider "
                + "CSV, RTT full extract (zipped and plain), cancer waiting times long CSV, the monthly finance return, "
                + "and the organisation -> footprint lookups. All 42 footprints; deterministic for a seed (same options, same bytes)."})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to write the returns into (Hadoop URI or local path).")
    String out;

    @Option(names = "--from", paramLabel = "YYYY-MM", converter = YearMonthConverter.class,
            description = "First month to generate (default: ${DEFAULT-VALUE}).")
    YearMonth from = SampleReturnsGenerator.Options.FROM_DEFAULT;

    @Option(names = "--months", paramLabel = "N", description = "Number of months (default: ${DEFAULT-VALUE}).")
    int months = SampleReturnsGenerator.Options.MONTHS_DEFAULT;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed; the same seed gives the same files (default: ${DEFAULT-VALUE}).")
    long seed = SampleReturnsGenerator.Options.SEED_DEFAULT;

    @Option(names = "--scale", paramLabel = "sample|national", converter = ScaleConverter.class,
            description = {"sample (default): a few organisations per footprint, small and quick.",
                    "national: every trust (~225) and CCG (195), urgent care sites, every treatment function at published "
                            + "volumes (~180,000 RTT rows a month), year-on-year trends, a revised A&E file each July "
                            + "and one missing A&E submission a year."})
    Scale scale = Scale.SAMPLE;

    @Override
    public Integer call() throws Exception {
        if (months < 1) throw new IllegalArgumentException("--months must be at least 1, was " + months);
        GenerationSummary summary = new SampleReturnsGenerator()
                .generate(new SampleReturnsGenerator.Options(out, from, months, seed, scale));
        print(summary, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    static void print(GenerationSummary summary, PrintWriter w) {
        w.printf("generated %d file(s) into %s%n", summary.files().size(), summary.outDir());
        summary.filesByKind().forEach((kind, n) ->
                w.printf("  %-10s %3d file(s), %,9d rows%n", kind, n, summary.rowsByKind().get(kind)));
        w.flush();
    }

    /** Parses {@code sample} or {@code national}, in any case. */
    static final class ScaleConverter implements picocli.CommandLine.ITypeConverter<Scale> {
        @Override
        public Scale convert(String value) {
            for (Scale s : Scale.values()) {
                if (s.name().equalsIgnoreCase(value)) return s;
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a scale: use sample or national");
        }
    }

    /** Parses {@code YYYY-MM}. */
    static final class YearMonthConverter implements picocli.CommandLine.ITypeConverter<YearMonth> {
        @Override
        public YearMonth convert(String value) {
            try {
                return YearMonth.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a month like 2017-04");
            }
        }
    }
}
