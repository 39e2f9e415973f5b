package uk.nhs.stp.spc;

import uk.nhs.stp.reference.Target.Direction;

import java.util.Locale;

/**
 * Whether the process will meet its target (NHSRplotthedots {@code ptd_calculate_assurance_type}):
 * a target beyond the process limits is met by every point (consistent pass) or by none
 * (consistent fail); a target between them is hit and missed by common-cause variation.
 */
public enum AssuranceType {
    CONSISTENT_PASS, CONSISTENT_FAIL, INCONSISTENT;

    /**
     * The assurance of a process with {@code limits} against {@code target}; null when the metric
     * has no direction of good, there is no target, or there are no limits.
     */
    public static AssuranceType of(Direction direction, Double target, ProcessLimits limits) {
        return limits == null ? null
                : of(direction, target, limits.upperProcessLimit(), limits.lowerProcessLimit());
    }

    /** As {@link #of(Direction, Double, ProcessLimits)}, from the limits alone (null when absent). */
    public static AssuranceType of(Direction direction, Double target, Double upperProcessLimit,
                                   Double lowerProcessLimit) {
        if (direction == null || target == null || upperProcessLimit == null || lowerProcessLimit == null) return null;
        boolean higherIsBetter = direction == Direction.HIGHER_IS_BETTER;
        if (target > upperProcessLimit) return higherIsBetter ? CONSISTENT_FAIL : CONSISTENT_PASS;
        if (target < lowerProcessLimit) return higherIsBetter ? CONSISTENT_PASS : CONSISTENT_FAIL;
        return INCONSISTENT;
    }

    /** The value written in the marts, e.g. {@code consistent_pass}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
