package uk.nhs.stp.trajectory;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One month of an area's metric, as the metric-month marts hold it.
 *
 * @param month        first day of the month
 * @param numerator    summed numerator, or null when there was no data
 * @param denominator  summed denominator (pct metrics), or null
 * @param value        the month's value (pct 0–100, count, weeks), or null
 * @param standard     the standard valid that month, or null when there is none
 * @param plannedValue a planned trajectory's value for the month, or null
 */
public record MetricPoint(LocalDate month, Double numerator, Double denominator, Double value, Double standard,
                          Double plannedValue) implements Serializable {
    /** Whether the month has data: a value, or a numerator to sum. */
    public boolean hasData() {
        return value != null || numerator != null;
    }
}
