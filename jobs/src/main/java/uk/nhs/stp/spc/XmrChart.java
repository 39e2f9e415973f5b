package uk.nhs.stp.spc;

import uk.nhs.stp.reference.Target.Direction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Classifies one monthly series as a Making Data Count XmR chart. Pure Java, one series at a time.
 *
 * <p>Phase 1 — sort by month and cut the series into segments at each rebase month (a segment
 * starts at the first month on or after a rebase month). Phase 2 — per segment, {@link
 * ProcessLimits} from the baseline: its first {@code baselinePoints} months with data, or all of
 * them. Phase 3 — per segment, {@link SpecialCauseRules}; runs never cross a segment boundary or
 * a gap. Phase 4 — each point's {@link PointType} from its rule and the direction of good.
 */
public final class XmrChart {
    private XmrChart() { }

    /**
     * @param series    one value (or null) per month, any order, months unique
     * @param direction the metric's direction of good; null for neutral
     * @return one point per input month, in month order
     */
    public static List<SpcPoint> classify(List<SeriesPoint> series, Direction direction, SpcParameters parameters) {
        List<SeriesPoint> sorted = new ArrayList<>(series);
        sorted.sort(Comparator.comparing(SeriesPoint::month));
        List<SpcPoint> out = new ArrayList<>(sorted.size());
        int start = 0;
        while (start < sorted.size()) {
            int end = segmentEnd(sorted, start, parameters.rebaseMonths());
            List<SeriesPoint> segment = sorted.subList(start, end);
            Double[] values = segment.stream().map(SeriesPoint::value).toArray(Double[]::new);
            ProcessLimits limits = ProcessLimits.of(baseline(values, parameters.baselinePoints()), parameters);
            SpecialCauseRule[] rules = SpecialCauseRules.classify(values, limits, parameters);
            LocalDate segmentStart = segment.get(0).month();
            for (int i = 0; i < segment.size(); i++) {
                SeriesPoint p = segment.get(i);
                PointType type = p.value() == null ? null : PointType.of(rules[i], direction);
                out.add(new SpcPoint(p.month(), p.value(), p.target(), segmentStart, limits, rules[i], type));
            }
            start = end;
        }
        return out;
    }

    /** Index after the last month of the segment that starts at {@code start}. */
    private static int segmentEnd(List<SeriesPoint> sorted, int start, List<LocalDate> rebaseMonths) {
        LocalDate first = sorted.get(start).month();
        LocalDate next = rebaseMonths.stream().filter(m -> m.isAfter(first)).findFirst().orElse(null);
        int end = start + 1;
        while (end < sorted.size() && (next == null || sorted.get(end).month().isBefore(next))) end++;
        return end;
    }

    /** The segment's values up to its {@code points}-th value (later months null), or all of them. */
    static Double[] baseline(Double[] values, Integer points) {
        if (points == null) return values;
        Double[] baseline = new Double[values.length];
        int seen = 0;
        for (int i = 0; i < values.length && seen < points; i++) {
            baseline[i] = values[i];
            if (values[i] != null) seen++;
        }
        return baseline;
    }
}
