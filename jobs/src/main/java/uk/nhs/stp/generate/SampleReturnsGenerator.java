package uk.nhs.stp.generate;

import java.io.IOException;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Generates realistic monthly returns for every footprint, written exactly in the published
 * formats so the ingest reads them as it reads the real files.
 *
 * <p>Phase 1 writes the trust and CCG lookups of the generated organisations. Phase 2 writes, for
 * each month, the A&E provider CSV, the RTT full extract, the cancer waiting times extract and the
 * finance return. Output is a pure function of the options: every figure comes from a random stream
 * keyed by (seed, return, month, organisation), and no clock or hash order reaches the files, so the
 * same options give byte-identical files.
 */
public final class SampleReturnsGenerator {

    /**
     * What to generate.
     *
     * @param outDir folder to write into, any Hadoop URI or local path; existing files are overwritten
     * @param from   first calendar month
     * @param months number of consecutive months, at least 1
     * @param seed   seed of every random stream
     * @param scale  which organisations to include
     */
    public record Options(String outDir, YearMonth from, int months, long seed, Scale scale) {
        /** First month by default: April 2017, the start of financial year 2017/18 and of the footprints' plans. */
        public static final YearMonth FROM_DEFAULT = YearMonth.of(2017, 4);
        /** Months to generate by default: one financial year. */
        public static final int MONTHS_DEFAULT = 12;
        /** Seed used when none is given. */
        public static final long SEED_DEFAULT = 2016L;

        /** Options at {@link Scale#SAMPLE}. */
        public Options(String outDir, YearMonth from, int months, long seed) {
            this(outDir, from, months, seed, Scale.SAMPLE);
        }

        public Options {
            Objects.requireNonNull(from, "from month");
            Objects.requireNonNull(scale, "scale");
            if (outDir == null || outDir.isBlank()) throw new IllegalArgumentException("give an output folder");
            if (months < 1) throw new IllegalArgumentException("months must be at least 1, was " + months);
        }
    }

    /** Writes every return for every month; returns what was written. */
    public GenerationSummary generate(Options o) throws IOException {
        OrgUniverse orgs = OrgUniverse.load(o.scale());
        AeReturnWriter ae = new AeReturnWriter(orgs, o.seed());
        RttExtractWriter rtt = new RttExtractWriter(orgs, o.seed());
        CancerWaitsWriter cancer = new CancerWaitsWriter(orgs, o.seed());
        FinanceReturnWriter finance = new FinanceReturnWriter(orgs, o.seed());
        try (OutputTree out = new OutputTree(o.outDir())) {
            new OrgLookupWriter(orgs).write(out);
            for (int i = 0; i < o.months(); i++) {
                YearMonth month = o.from().plusMonths(i);
                ae.write(out, month);
                rtt.write(out, month);
                cancer.write(out, month);
                finance.write(out, month);
            }
            return new GenerationSummary(o.outDir(), out.files());
        }
    }
}
