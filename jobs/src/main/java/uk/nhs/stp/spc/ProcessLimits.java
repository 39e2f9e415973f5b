package uk.nhs.stp.spc;

import java.io.Serializable;

/**
 * The centre line and limits of one segment of an XmR chart (NHSRplotthedots
 * {@code ptd_spc_standard}): the mean of the baseline values; the average moving range mR̄ of
 * consecutive baseline values; process limits mean ± {@value #PROCESS_LIMIT_FACTOR} × mR̄ (three
 * sigma, 2.66 ≈ 3 / 1.128); two-sigma lines mean ± ⅔ × 2.66 × mR̄ (≈ 1.7733 × mR̄).
 *
 * @param mean                 mean of the baseline values
 * @param averageMovingRange   mR̄ after outlier screening; null without two consecutive values
 * @param upperProcessLimit    mean + 2.66 mR̄ (null without mR̄)
 * @param lowerProcessLimit    mean − 2.66 mR̄
 * @param upperTwoSigma        mean + ⅔ × 2.66 mR̄
 * @param lowerTwoSigma        mean − ⅔ × 2.66 mR̄
 * @param pointCount           baseline values the limits come from
 * @param isTrial              fewer than the minimum points: trial limits, revised as points arrive
 */
public record ProcessLimits(double mean, Double averageMovingRange, Double upperProcessLimit, Double lowerProcessLimit,
                            Double upperTwoSigma, Double lowerTwoSigma, int pointCount, boolean isTrial)
        implements Serializable {
    /** Three sigma in units of the average moving range, as NHSRplotthedots writes it. */
    public static final double PROCESS_LIMIT_FACTOR = 2.66;
    /** Two sigma: two thirds of the process limit distance. */
    public static final double TWO_SIGMA_FACTOR = 2 * (PROCESS_LIMIT_FACTOR / 3);

    /**
     * Limits from baseline values in order, {@code null} marking a missing month: a moving range
     * is taken only between two consecutive months that both have a value, never across a gap.
     *
     * @return null when no value is present (there is no mean)
     */
    public static ProcessLimits of(Double[] baseline, SpcParameters parameters) {
        double sum = 0;
        int n = 0;
        for (Double v : baseline) {
            if (v != null) {
                sum += v;
                n++;
            }
        }
        if (n == 0) return null;
        double mean = sum / n;
        double[] ranges = new double[baseline.length];
        int r = 0;
        for (int i = 1; i < baseline.length; i++) {
            if (baseline[i] != null && baseline[i - 1] != null) ranges[r++] = Math.abs(baseline[i] - baseline[i - 1]);
        }
        boolean trial = n < parameters.minimumPointsForLimits();
        if (r == 0) return new ProcessLimits(mean, null, null, null, null, null, n, trial);
        double amr = average(ranges, r, Double.POSITIVE_INFINITY);
        // NHSRplotthedots keeps a moving range only when it is strictly below 3.267 mR̄; when every
        // range is zero nothing is below 0, so a flat series keeps mR̄ = 0 instead of having no limits
        if (parameters.screenOutliers() && amr > 0) {
            amr = average(ranges, r, SpcParameters.OUTLIER_MOVING_RANGE_FACTOR * amr);
        }
        return new ProcessLimits(mean, amr, mean + PROCESS_LIMIT_FACTOR * amr, mean - PROCESS_LIMIT_FACTOR * amr,
                mean + TWO_SIGMA_FACTOR * amr, mean - TWO_SIGMA_FACTOR * amr, n, trial);
    }

    private static double average(double[] values, int count, double below) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (values[i] < below) {
                sum += values[i];
                n++;
            }
        }
        return sum / n;
    }

    /** True when the limits exist and {@code value} is above the upper or below the lower one. */
    public boolean isOutside(double value) {
        return upperProcessLimit != null && (value > upperProcessLimit || value < lowerProcessLimit);
    }

    /** True when the two-sigma lines exist and {@code value} is beyond one of them. */
    public boolean isBeyondTwoSigma(double value) {
        return upperTwoSigma != null && (value > upperTwoSigma || value < lowerTwoSigma);
    }

    /** +1 above the mean, −1 below, 0 on it. */
    public int sideOfMean(double value) {
        return Double.compare(value, mean) > 0 ? 1 : value < mean ? -1 : 0;
    }
}
