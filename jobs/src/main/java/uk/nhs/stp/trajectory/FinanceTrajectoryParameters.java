package uk.nhs.stp.trajectory;

import java.io.Serializable;

/**
 * The settings of the finance trajectories; every output row records them.
 *
 * @param windowYears         the trend is fitted on the outturns of the last this-many financial
 *                            years up to the as-of year ({@value #WINDOW_YEARS_DEFAULT})
 * @param minPoints           fewer outturns than this in the window gives {@code insufficient_data}
 *                            ({@value #MIN_POINTS_DEFAULT}; at least 3, so that the errors exist)
 * @param targetFyStartYear   the financial year balance should be reached by, as the year it
 *                            starts ({@value #TARGET_FY_START_YEAR_DEFAULT} = 2020/21, the end of
 *                            the footprint plans)
 * @param predictionLevel     coverage of the prediction interval ({@value #PREDICTION_LEVEL_DEFAULT}:
 *                            an 80% interval, wide enough to be honest with three to five annual
 *                            points, narrow enough to be read by a board)
 * @param horizonYears        a balance year further ahead than this is reported {@code beyond_horizon}
 *                            ({@value #HORIZON_YEARS_DEFAULT})
 */
public record FinanceTrajectoryParameters(int windowYears, int minPoints, int targetFyStartYear,
                                          double predictionLevel, int horizonYears) implements Serializable {
    public static final int WINDOW_YEARS_DEFAULT = 5;
    public static final int MIN_POINTS_DEFAULT = 3;
    public static final int TARGET_FY_START_YEAR_DEFAULT = 2020;
    public static final double PREDICTION_LEVEL_DEFAULT = 0.80;
    public static final int HORIZON_YEARS_DEFAULT = 20;
    /** The fit the rows' {@code method} column names. */
    public static final String METHOD = "ols_linear_annual_outturn";

    public static final FinanceTrajectoryParameters DEFAULTS = new FinanceTrajectoryParameters(WINDOW_YEARS_DEFAULT,
            MIN_POINTS_DEFAULT, TARGET_FY_START_YEAR_DEFAULT, PREDICTION_LEVEL_DEFAULT, HORIZON_YEARS_DEFAULT);

    public FinanceTrajectoryParameters {
        if (minPoints < 3) throw new IllegalArgumentException("minPoints must be at least 3 (a line and its error), got " + minPoints);
        if (windowYears < minPoints) {
            throw new IllegalArgumentException("windowYears (" + windowYears + ") must be at least minPoints (" + minPoints + ")");
        }
        if (!(predictionLevel > 0 && predictionLevel < 1)) {
            throw new IllegalArgumentException("predictionLevel must be in (0, 1), got " + predictionLevel);
        }
        if (horizonYears < 1) throw new IllegalArgumentException("horizonYears must be positive, got " + horizonYears);
    }

    /** The settings on one line, as the run manifest records them. */
    public String describe() {
        return "window_years=" + windowYears + " min_points=" + minPoints + " target_fy=" + targetFyStartYear + "/"
                + String.format("%02d", (targetFyStartYear + 1) % 100) + " prediction_level=" + predictionLevel
                + " horizon_years=" + horizonYears;
    }
}
