package uk.nhs.stp.trajectory;

/**
 * When a fitted trend reaches a goal, on an integer time axis (financial years, or months counted
 * from year 0). Shared by the finance and the access-standard trajectories.
 *
 * <p>Rules, in order: no trend (too few points) → {@link ProjectionStatus#INSUFFICIENT_DATA}; no
 * goal → {@link ProjectionStatus#NO_GOAL}; the latest observed value meets the goal →
 * {@link ProjectionStatus#ALREADY_MET}; the slope is zero or points away from the goal →
 * {@link ProjectionStatus#NOT_ON_CURRENT_TREND}; else the first step after the latest whose fitted
 * value meets the goal, {@link ProjectionStatus#PROJECTED} when it is at most {@code horizon} steps
 * ahead, otherwise {@link ProjectionStatus#BEYOND_HORIZON}.
 *
 * @param status        the outcome
 * @param projectedStep the step at which the fitted line first meets the goal (PROJECTED only)
 */
public record GoalProjection(ProjectionStatus status, Long projectedStep) {
    // fitted values equal to the goal up to rounding still count as meeting it
    private static final double TOLERANCE = 1e-9;

    /**
     * @param trend          the fitted line, or null when there were too few points
     * @param latestValue    the latest observed value (the one "already met" is judged on)
     * @param latestStep     its step on the time axis
     * @param goal           the value to reach, or null when there is none
     * @param higherIsBetter true when the goal is met at or above it (balance, a percentage standard)
     * @param horizon        how many steps ahead a projection may lie
     */
    public static GoalProjection toward(LinearTrend trend, double latestValue, long latestStep, Double goal,
                                        boolean higherIsBetter, int horizon) {
        if (trend == null) return new GoalProjection(ProjectionStatus.INSUFFICIENT_DATA, null);
        if (goal == null) return new GoalProjection(ProjectionStatus.NO_GOAL, null);
        if (meets(latestValue, goal, higherIsBetter)) return new GoalProjection(ProjectionStatus.ALREADY_MET, null);
        double slope = trend.slope();
        if (higherIsBetter ? slope <= 0 : slope >= 0) return new GoalProjection(ProjectionStatus.NOT_ON_CURRENT_TREND, null);
        long crossing = (long) Math.ceil(trend.xWhere(goal) - TOLERANCE);
        // the line can already be past the goal while the latest observation is not: then next step
        long step = Math.max(latestStep + 1, crossing);
        if (step > latestStep + horizon) return new GoalProjection(ProjectionStatus.BEYOND_HORIZON, null);
        return new GoalProjection(ProjectionStatus.PROJECTED, step);
    }

    /** Whether value meets goal in the given direction (equal meets). */
    public static boolean meets(double value, double goal, boolean higherIsBetter) {
        return higherIsBetter ? value >= goal - TOLERANCE : value <= goal + TOLERANCE;
    }

    /** Whether the goal is met now or by {@code byStep}; null when there is no trend or no goal. */
    public Boolean isOnTrackBy(long byStep) {
        return switch (status) {
            case ALREADY_MET -> true;
            case PROJECTED -> projectedStep <= byStep;
            case NOT_ON_CURRENT_TREND, BEYOND_HORIZON -> false;
            case INSUFFICIENT_DATA, NO_GOAL -> null;
        };
    }
}
