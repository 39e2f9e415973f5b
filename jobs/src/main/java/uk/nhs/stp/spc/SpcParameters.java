package uk.nhs.stp.spc;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The settings of the XmR rules. {@link #DEFAULTS} reproduces NHSRplotthedots ({@code ptd_spc}
 * with its default arguments); the alternatives are the Making Data Count tool's options.
 *
 * @param shiftLength            points in a row on one side of the mean that make a shift
 *                               (default {@value #SHIFT_LENGTH_DEFAULT}; the MDC tool also offers 6)
 * @param trendLength            points in a row each higher (or each lower) than the one before
 *                               that make a trend (default {@value #TREND_LENGTH_DEFAULT}; MDC: 6)
 * @param screenOutliers         leave moving ranges above {@value #OUTLIER_MOVING_RANGE_FACTOR} ×
 *                               their mean out of the average moving range, then recompute it
 *                               (default true, as NHSRplotthedots' {@code screen_outliers})
 * @param twoInThree             which points count towards the two-in-three rule
 *                               (default {@link TwoInThreeRule#TWO_TO_THREE_SIGMA})
 * @param ties                   what a point on the mean does to a shift (default
 *                               {@link TieRule#BREAKS_RUN})
 * @param baselinePoints         limits from the first N points with data of each segment only
 *                               ({@code fix_after_n_points}); null = every point (default)
 * @param rebaseMonths           months from which the limits are recomputed: each starts a new
 *                               segment with its own mean, limits and runs (default none)
 * @param minimumPointsForLimits limits from fewer points with data are flagged trial limits
 *                               (default {@value #MINIMUM_POINTS_FOR_LIMITS_DEFAULT})
 */
public record SpcParameters(int shiftLength, int trendLength, boolean screenOutliers, TwoInThreeRule twoInThree,
                            TieRule ties, Integer baselinePoints, List<LocalDate> rebaseMonths,
                            int minimumPointsForLimits) implements Serializable {
    /** NHSRplotthedots: seven points on one side of the mean. */
    public static final int SHIFT_LENGTH_DEFAULT = 7;
    /** NHSRplotthedots: seven points each rising (or falling). */
    public static final int TREND_LENGTH_DEFAULT = 7;
    /** NHSRplotthedots' threshold for an outlying moving range (× the average moving range). */
    public static final double OUTLIER_MOVING_RANGE_FACTOR = 3.267;
    /** NHSRplotthedots warns of trial limits below 12 points. */
    public static final int MINIMUM_POINTS_FOR_LIMITS_DEFAULT = 12;

    /** The NHSRplotthedots defaults. */
    public static final SpcParameters DEFAULTS = new SpcParameters(SHIFT_LENGTH_DEFAULT, TREND_LENGTH_DEFAULT, true,
            TwoInThreeRule.TWO_TO_THREE_SIGMA, TieRule.BREAKS_RUN, null, List.of(), MINIMUM_POINTS_FOR_LIMITS_DEFAULT);

    /** @throws IllegalArgumentException for a run shorter than 2 points or a baseline under 2 points */
    public SpcParameters {
        if (shiftLength < 2) throw new IllegalArgumentException("shift length must be at least 2 points, got " + shiftLength);
        if (trendLength < 2) throw new IllegalArgumentException("trend length must be at least 2 points, got " + trendLength);
        if (baselinePoints != null && baselinePoints < 2) {
            throw new IllegalArgumentException("a baseline needs at least 2 points (12 or more for firm limits), got "
                    + baselinePoints);
        }
        if (minimumPointsForLimits < 1) {
            throw new IllegalArgumentException("minimum points for limits must be positive, got " + minimumPointsForLimits);
        }
        Objects.requireNonNull(twoInThree, "twoInThree");
        Objects.requireNonNull(ties, "ties");
        rebaseMonths = rebaseMonths == null ? List.of() : rebaseMonths.stream().sorted().distinct().toList();
    }

    public SpcParameters withShiftLength(int points) {
        return new SpcParameters(points, trendLength, screenOutliers, twoInThree, ties, baselinePoints, rebaseMonths,
                minimumPointsForLimits);
    }

    public SpcParameters withTrendLength(int points) {
        return new SpcParameters(shiftLength, points, screenOutliers, twoInThree, ties, baselinePoints, rebaseMonths,
                minimumPointsForLimits);
    }

    public SpcParameters withScreenOutliers(boolean screen) {
        return new SpcParameters(shiftLength, trendLength, screen, twoInThree, ties, baselinePoints, rebaseMonths,
                minimumPointsForLimits);
    }

    public SpcParameters withTwoInThree(TwoInThreeRule rule) {
        return new SpcParameters(shiftLength, trendLength, screenOutliers, rule, ties, baselinePoints, rebaseMonths,
                minimumPointsForLimits);
    }

    public SpcParameters withTies(TieRule rule) {
        return new SpcParameters(shiftLength, trendLength, screenOutliers, twoInThree, rule, baselinePoints,
                rebaseMonths, minimumPointsForLimits);
    }

    public SpcParameters withBaselinePoints(Integer points) {
        return new SpcParameters(shiftLength, trendLength, screenOutliers, twoInThree, ties, points, rebaseMonths,
                minimumPointsForLimits);
    }

    public SpcParameters withRebaseMonths(List<LocalDate> months) {
        return new SpcParameters(shiftLength, trendLength, screenOutliers, twoInThree, ties, baselinePoints, months,
                minimumPointsForLimits);
    }

    /** The settings in one line, recorded with the marts, e.g. {@code shift=7 trend=7 …}. */
    public String describe() {
        return "shift=" + shiftLength + " trend=" + trendLength + " screen_outliers=" + screenOutliers
                + " two_in_three=" + twoInThree.id() + " ties=" + ties.id()
                + " baseline=" + (baselinePoints == null ? "all" : baselinePoints)
                + " rebase=" + (rebaseMonths.isEmpty() ? "none"
                        : rebaseMonths.stream().map(LocalDate::toString).collect(Collectors.joining(",")))
                + " minimum_points=" + minimumPointsForLimits;
    }
}
