package uk.nhs.stp.spc;

import java.util.Locale;

/**
 * The special-cause rule that marks a point, with the side or direction it signals. When several
 * fire, the first in NHSRplotthedots' order ({@code ptd_special_cause_type}) is reported: beyond a
 * process limit, then trend, then two in three, then shift.
 */
public enum SpecialCauseRule {
    ABOVE_UPPER_PROCESS_LIMIT(1), BELOW_LOWER_PROCESS_LIMIT(-1),
    TREND_INCREASING(1), TREND_DECREASING(-1),
    TWO_IN_THREE_ABOVE(1), TWO_IN_THREE_BELOW(-1),
    SHIFT_ABOVE(1), SHIFT_BELOW(-1);

    private final int sign;

    SpecialCauseRule(int sign) {
        this.sign = sign;
    }

    /** +1 when the rule signals a higher value (above the mean, increasing), −1 a lower one. */
    public int sign() {
        return sign;
    }

    /** The value written in the marts, e.g. {@code shift_above}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
