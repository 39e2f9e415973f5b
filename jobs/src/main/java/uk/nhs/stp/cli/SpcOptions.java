package uk.nhs.stp.cli;

import picocli.CommandLine.Option;
import uk.nhs.stp.spc.SpcParameters;
import uk.nhs.stp.spc.TieRule;
import uk.nhs.stp.spc.TwoInThreeRule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistical process control options of {@code stp marts}; each default is NHSRplotthedots'
 * ({@link SpcParameters#DEFAULTS}).
 */
public final class SpcOptions {
    @Option(names = "--spc-shift", paramLabel = "POINTS", defaultValue = "" + SpcParameters.SHIFT_LENGTH_DEFAULT,
            description = "Points in a row on one side of the mean that make a shift (Making Data Count also uses 6). "
                    + "Default: ${DEFAULT-VALUE}.")
    int shiftLength;

    @Option(names = "--spc-trend", paramLabel = "POINTS", defaultValue = "" + SpcParameters.TREND_LENGTH_DEFAULT,
            description = "Points in a row each rising (or each falling) that make a trend (Making Data Count also "
                    + "uses 6). Default: ${DEFAULT-VALUE}.")
    int trendLength;

    @Option(names = "--spc-no-outlier-screening", description = "Keep moving ranges of 3.267 x their mean or more "
            + "in the average moving range (by default they are left out and the average recomputed).")
    boolean noOutlierScreening;

    @Option(names = "--spc-two-in-three", paramLabel = "RULE", defaultValue = "two-to-three-sigma",
            description = "Which points count towards two of three beyond two sigma: two-to-three-sigma (default, "
                    + "NHSRplotthedots), beyond-two-sigma (Making Data Count since November 2023: points beyond the "
                    + "process limit count too) or off.")
    String twoInThree;

    @Option(names = "--spc-ties", paramLabel = "RULE", defaultValue = "breaks-run",
            description = "A point exactly on the mean: breaks-run (default, NHSRplotthedots) or ignored (neither "
                    + "counts towards nor breaks a shift).")
    String ties;

    @Option(names = "--spc-baseline", paramLabel = "POINTS",
            description = "Compute each segment's limits from its first POINTS months with data only (12 or more "
                    + "for firm limits). Default: every month.")
    Integer baselinePoints;

    @Option(names = "--spc-rebase", paramLabel = "YYYY-MM", split = ",",
            description = "Months from which the limits are recomputed for every series, comma-separated "
                    + "(e.g. 2020-03,2021-04). Default: none.")
    List<String> rebaseMonths = new ArrayList<>();

    /**
     * The parameters the options give.
     *
     * @throws IllegalArgumentException with a message naming the option's accepted values
     */
    SpcParameters parameters() {
        List<LocalDate> rebase = new ArrayList<>();
        for (String m : rebaseMonths) rebase.add(OptionValues.month("--spc-rebase", m));
        return new SpcParameters(shiftLength, trendLength, !noOutlierScreening, TwoInThreeRule.of(twoInThree),
                TieRule.of(ties), baselinePoints, rebase, SpcParameters.MINIMUM_POINTS_FOR_LIMITS_DEFAULT);
    }
}
