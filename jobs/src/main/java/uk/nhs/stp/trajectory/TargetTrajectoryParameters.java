package uk.nhs.stp.trajectory;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The settings of the access-standard trajectories; every output row records them.
 *
 * @param windowMonths    the trend is fitted on the rolling 12-month values of the last this-many
 *                        months up to the as-of month ({@value #WINDOW_MONTHS_DEFAULT})
 * @param minPoints       fewer rolling values than this in the window gives {@code insufficient_data}
 *                        ({@value #MIN_POINTS_DEFAULT}: a year of rolling values; at least 3)
 * @param targetMonth     the month the standard should be met by; null (the default) means March
 *                        at the end of the financial year after the as-of month's (as of June 2017
 *                        → March 2019), so that every as-of month gets a target 13 to 24 months ahead
 * @param predictionLevel coverage of the prediction interval at the target month
 *                        ({@value #PREDICTION_LEVEL_DEFAULT})
 * @param horizonMonths   a month further ahead than this is reported {@code beyond_horizon}
 *                        ({@value #HORIZON_MONTHS_DEFAULT})
 */
public record TargetTrajectoryParameters(int windowMonths, int minPoints, LocalDate targetMonth,
                                         double predictionLevel, int horizonMonths) implements Serializable {
    public static final int WINDOW_MONTHS_DEFAULT = 24;
    public static final int MIN_POINTS_DEFAULT = 12;
    public static final double PREDICTION_LEVEL_DEFAULT = 0.80;
    public static final int HORIZON_MONTHS_DEFAULT = 120;
    /** Months in the rolling value: a whole year, so that a fixed seasonal pattern cancels. */
    public static final int ROLLING_MONTHS = 12;
    /** The fit the rows' {@code method} column names. */
    public static final String METHOD = "ols_linear_rolling_12m";

    public static final TargetTrajectoryParameters DEFAULTS = new TargetTrajectoryParameters(WINDOW_MONTHS_DEFAULT,
            MIN_POINTS_DEFAULT, null, PREDICTION_LEVEL_DEFAULT, HORIZON_MONTHS_DEFAULT);

    public TargetTrajectoryParameters {
        if (minPoints < 3) throw new IllegalArgumentException("minPoints must be at least 3 (a line and its error), got " + minPoints);
        if (windowMonths < minPoints) {
            throw new IllegalArgumentException("windowMonths (" + windowMonths + ") must be at least minPoints (" + minPoints + ")");
        }
        if (targetMonth != null && targetMonth.getDayOfMonth() != 1) {
            throw new IllegalArgumentException("targetMonth must be the first day of a month, got " + targetMonth);
        }
        if (!(predictionLevel > 0 && predictionLevel < 1)) {
            throw new IllegalArgumentException("predictionLevel must be in (0, 1), got " + predictionLevel);
        }
        if (horizonMonths < 1) throw new IllegalArgumentException("horizonMonths must be positive, got " + horizonMonths);
    }

    /** The settings on one line, as the run manifest records them. */
    public String describe() {
        return "window_months=" + windowMonths + " min_points=" + minPoints + " target_month="
                + (targetMonth == null ? "march_after_next_fy" : targetMonth.toString().substring(0, 7))
                + " prediction_level=" + predictionLevel + " horizon_months=" + horizonMonths;
    }

    /** The target month for an as-of month: {@link #targetMonth} or the default rule above. */
    public LocalDate targetFor(LocalDate asOfMonth) {
        if (targetMonth != null) return targetMonth;
        int fyStart = asOfMonth.getMonthValue() >= 4 ? asOfMonth.getYear() : asOfMonth.getYear() - 1;
        return LocalDate.of(fyStart + 2, 3, 1);
    }
}
