package uk.nhs.stp.trajectory;

/**
 * What a trajectory says about reaching its goal (financial balance, a control total or an access
 * standard); the {@code *_status} columns of the trajectory marts hold {@link #code()}.
 */
public enum ProjectionStatus {
    /** The latest figure already meets the goal. */
    ALREADY_MET("already_met"),
    /** The fitted trend reaches the goal within the horizon: the projected year or month is given. */
    PROJECTED("projected"),
    /** Below the goal and the trend is flat or moving away from it. */
    NOT_ON_CURRENT_TREND("not_on_current_trend"),
    /** The trend moves toward the goal but would reach it only after the horizon. */
    BEYOND_HORIZON("beyond_horizon"),
    /** Fewer points in the window than the minimum: no trend is fitted. */
    INSUFFICIENT_DATA("insufficient_data"),
    /** There is no goal to reach (no standard for the metric that month, or no control total). */
    NO_GOAL("no_goal");

    private final String code;

    ProjectionStatus(String code) {
        this.code = code;
    }

    /** The value written to the marts. */
    public String code() {
        return code;
    }
}
