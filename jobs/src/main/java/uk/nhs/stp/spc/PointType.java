package uk.nhs.stp.spc;

import uk.nhs.stp.reference.Target.Direction;

import java.util.Locale;

/** The icon of a point, with NHSRplotthedots' names ({@code ptd_point_type}). */
public enum PointType {
    COMMON_CAUSE, SPECIAL_CAUSE_IMPROVEMENT, SPECIAL_CAUSE_CONCERN, SPECIAL_CAUSE_NEUTRAL_HIGH, SPECIAL_CAUSE_NEUTRAL_LOW;

    /**
     * The type of a point marked by {@code rule} (null: common cause) for a metric whose direction
     * of good is {@code direction} (null: neutral, so high or low rather than good or bad).
     */
    public static PointType of(SpecialCauseRule rule, Direction direction) {
        if (rule == null) return COMMON_CAUSE;
        if (direction == null) return rule.sign() > 0 ? SPECIAL_CAUSE_NEUTRAL_HIGH : SPECIAL_CAUSE_NEUTRAL_LOW;
        int good = direction == Direction.HIGHER_IS_BETTER ? 1 : -1;
        return rule.sign() == good ? SPECIAL_CAUSE_IMPROVEMENT : SPECIAL_CAUSE_CONCERN;
    }

    /** The value written in the marts, e.g. {@code special_cause_concern}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
