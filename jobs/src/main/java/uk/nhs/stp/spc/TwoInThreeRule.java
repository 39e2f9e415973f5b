package uk.nhs.stp.spc;

import java.util.Locale;

/**
 * Which points count towards the "two of three consecutive points beyond two sigma" rule. In
 * every variant all three points must be on the same side of the mean, and only the counted points
 * are flagged by the rule.
 */
public enum TwoInThreeRule {
    /** The rule is not applied. */
    OFF,
    /**
     * Only points between the two-sigma line and the process limit count: a point beyond the
     * process limit is an astronomical point, not part of a two-in-three signal. NHSRplotthedots'
     * behaviour and the Making Data Count tools' before November 2023.
     */
    TWO_TO_THREE_SIGMA,
    /**
     * Every point beyond the two-sigma line counts, including points beyond the process limit: the
     * change the Making Data Count team made to its tools in November 2023.
     */
    BEYOND_TWO_SIGMA;

    /** The option value, e.g. {@code two-to-three-sigma}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The variant named by {@link #id()}. */
    public static TwoInThreeRule of(String id) {
        for (TwoInThreeRule r : values()) if (r.id().equals(id)) return r;
        throw new IllegalArgumentException("unknown two-in-three rule '" + id + "': use off, two-to-three-sigma"
                + " or beyond-two-sigma");
    }
}
