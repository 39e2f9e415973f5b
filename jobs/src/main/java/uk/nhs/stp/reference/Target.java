package uk.nhs.stp.reference;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One national standard for one metric over one validity window (a row of
 * {@code reference/targets.csv}, contract {@code data-schemas/reference/targets.json}).
 *
 * @param metricId      metric the standard applies to, e.g. {@code ae_4h}
 * @param standardPct   the standard as a percentage 0–100, or null for a count standard
 * @param standardCount the standard as a number of patients (0 for zero tolerance), or null
 * @param direction     whether values above the standard are good or bad
 * @param validFrom     first day the standard applies
 * @param validTo       last day it applies, or null while in force
 * @param source        the NHS document that sets it
 * @param note          what the row means, caveats on its dates
 */
public record Target(String metricId, BigDecimal standardPct, Long standardCount, Direction direction,
                     LocalDate validFrom, LocalDate validTo, String source, String note) {

    /** Whether a value above the standard is good or bad. */
    public enum Direction {
        HIGHER_IS_BETTER, LOWER_IS_BETTER;

        static Direction of(String text) {
            return valueOf(text.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** True when the standard applies on {@code day}. */
    public boolean appliesOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
