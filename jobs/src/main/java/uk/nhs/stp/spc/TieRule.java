package uk.nhs.stp.spc;

import java.util.Locale;

/** What a point exactly on the mean does to a run of points on one side of the mean (a shift). */
public enum TieRule {
    /** It ends the run, as in NHSRplotthedots (its side of the mean is neither above nor below). */
    BREAKS_RUN,
    /** It is passed over: it neither counts towards the run nor ends it, and is not flagged itself. */
    IGNORED;

    /** The option value, e.g. {@code breaks-run}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The rule named by {@link #id()}. */
    public static TieRule of(String id) {
        for (TieRule r : values()) if (r.id().equals(id)) return r;
        throw new IllegalArgumentException("unknown tie rule '" + id + "': use breaks-run or ignored");
    }
}
