package uk.nhs.stp.spc;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One month of a classified series.
 *
 * @param month        first day of the month
 * @param value        the value, null for a missing month
 * @param target       the target of the month, as given
 * @param segmentStart first month of the segment (rebase period) the limits belong to
 * @param limits       the segment's limits; null when the segment has no value at all
 * @param rule         the special-cause rule marking the point; null for common cause or missing
 * @param pointType    the point's icon; null for a missing month
 */
public record SpcPoint(LocalDate month, Double value, Double target, LocalDate segmentStart, ProcessLimits limits,
                       SpecialCauseRule rule, PointType pointType) implements Serializable {
    /** True for a month without data: it carries its segment's limits but never a signal. */
    public boolean isMissing() {
        return value == null;
    }
}
