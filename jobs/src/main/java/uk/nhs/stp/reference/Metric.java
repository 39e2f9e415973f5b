package uk.nhs.stp.reference;

import java.util.Locale;

/**
 * One performance metric (a row of {@code reference/metrics.csv}, contract
 * {@code data-schemas/reference/metrics.json}).
 *
 * @param metricId              e.g. {@code ae_4h}; the id used by metric counts, targets and marts
 * @param name                  short name for titles and labels
 * @param unit                  how the value follows from the counts
 * @param direction             whether a higher value is good or bad
 * @param basis                 whose activity is counted ({@code provider} for every metric here)
 * @param sourceTable           the conformed table the counts are summed from
 * @param numeratorDefinition   what the numerator counts
 * @param denominatorDefinition what the denominator counts, or null for count and weeks metrics
 * @param definition            the published definition followed, with its source
 */
public record Metric(String metricId, String name, Unit unit, Target.Direction direction, String basis,
                     String sourceTable, String numeratorDefinition, String denominatorDefinition,
                     String definition) {

    /** How a metric's value is derived from its counts. */
    public enum Unit {
        /** value = 100 × numerator / denominator. */
        PCT,
        /** value = numerator; there is no denominator. */
        COUNT,
        /** A wait in weeks estimated from weekly bands (e.g. the RTT 92nd percentile), not a ratio. */
        WEEKS;

        /** The unit as written in the table, e.g. {@code pct}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Unit of(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }
}
