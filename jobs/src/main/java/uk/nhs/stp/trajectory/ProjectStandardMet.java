package uk.nhs.stp.trajectory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The access-standard trajectory of one area and metric, for every month of its series. Pure Java.
 *
 * <p>Phase 1 — the rolling 12-month value at each month t, over t − 11 … t, defined only when all
 * twelve months have data (a missing month is never read as zero): for a {@code pct} metric
 * 100 × Σ numerators / Σ denominators (a ratio of summed counts), for a {@code count} metric the
 * mean monthly count Σ numerators / 12, for a {@code weeks} estimate the mean of the twelve
 * monthly values. A whole year in every value cancels a fixed seasonal pattern (the winter A&E
 * dip), so seasonality is not read as trend. Phase 2 — ordinary least squares ({@link LinearTrend})
 * of the rolling values on the month index over the last {@code windowMonths} months; fewer than
 * {@code minPoints} rolling values, or no rolling value at the as-of month → insufficient data.
 * Phase 3 — {@link GoalProjection} toward the standard valid at the as-of month, in the metric's
 * direction, judged on the rolling value; the required improvement per month = (standard −
 * rolling value) / months to the target month (signed in the value's unit, 0 when met, null when
 * the target month is not ahead); on track when met now or projected by the target month; the
 * fitted value at the target month with its prediction interval. Phase 4 — against a planned
 * trajectory: variance = the month's value − planned, rated better/worse by direction.
 */
public final class ProjectStandardMet {
    public static final String PCT = "pct";
    public static final String COUNT = "count";
    public static final String WEEKS = "weeks";

    private ProjectStandardMet() { }

    /**
     * @param points         the series' months (one per month, any order; absent months count as missing)
     * @param unit           {@value #PCT}, {@value #COUNT} or {@value #WEEKS}
     * @param higherIsBetter the metric's direction
     * @return one trajectory per month of {@code points}, in month order
     */
    public static List<TargetTrajectory> project(List<MetricPoint> points, String unit, boolean higherIsBetter,
                                                 TargetTrajectoryParameters p) {
        if (!List.of(PCT, COUNT, WEEKS).contains(unit)) throw new IllegalArgumentException("unknown unit '" + unit + "'");
        TreeMap<Long, MetricPoint> byMonth = new TreeMap<>();
        for (MetricPoint point : points) byMonth.put(index(point.month()), point);
        TreeMap<Long, Double> rolling = new TreeMap<>();
        Map<Long, Integer> monthsWithData = new TreeMap<>();
        for (long t : byMonth.keySet()) {
            int with = 0;
            for (long m = t - TargetTrajectoryParameters.ROLLING_MONTHS + 1; m <= t; m++) {
                MetricPoint point = byMonth.get(m);
                if (point != null && point.hasData()) with++;
            }
            monthsWithData.put(t, with);
            if (with == TargetTrajectoryParameters.ROLLING_MONTHS) {
                Double value = rollingValue(byMonth.subMap(t - TargetTrajectoryParameters.ROLLING_MONTHS + 1, true, t, true),
                        unit);
                if (value != null) rolling.put(t, value);
            }
        }
        List<TargetTrajectory> out = new ArrayList<>();
        for (Map.Entry<Long, MetricPoint> e : byMonth.entrySet()) {
            out.add(asOf(e.getKey(), e.getValue(), rolling, monthsWithData.get(e.getKey()), higherIsBetter, p));
        }
        return out;
    }

    private static TargetTrajectory asOf(long t, MetricPoint now, TreeMap<Long, Double> rolling, int withData,
                                         boolean higherIsBetter, TargetTrajectoryParameters p) {
        Map<Long, Double> window = rolling.subMap(t - p.windowMonths() + 1, true, t, true);
        Double current = rolling.get(t);
        LinearTrend trend = current != null && window.size() >= p.minPoints() ? fit(window) : null;
        GoalProjection projection = GoalProjection.toward(trend, current == null ? Double.NaN : current, t,
                now.standard(), higherIsBetter, p.horizonMonths());
        LocalDate targetMonth = p.targetFor(now.month());
        long target = index(targetMonth);
        Double required = null;
        if (current != null && now.standard() != null) {
            if (GoalProjection.meets(current, now.standard(), higherIsBetter)) required = 0.0;
            else if (target > t) required = (now.standard() - current) / (target - t);
        }
        Double atTarget = null;
        Double lower = null;
        Double upper = null;
        if (trend != null && target > t) {
            atTarget = trend.predict(target);
            double half = trend.predictionHalfWidth(target, p.predictionLevel());
            lower = atTarget - half;
            upper = atTarget + half;
        }
        Double variance = null;
        String rating = null;
        Boolean planMet = null;
        if (now.value() != null && now.plannedValue() != null) {
            variance = now.value() - now.plannedValue();
            rating = variance == 0 ? "on_plan" : (variance > 0) == higherIsBetter ? "better" : "worse";
            planMet = GoalProjection.meets(now.value(), now.plannedValue(), higherIsBetter);
        }
        return new TargetTrajectory(now.month(), now.value(), current, withData, now.standard(),
                window.size(), trend == null ? null : trend.slope(), trend == null ? null : trend.slopeStandardError(),
                projection.status(), projection.projectedStep() == null ? null : month(projection.projectedStep()),
                targetMonth, required, projection.isOnTrackBy(target), atTarget, lower, upper, now.plannedValue(),
                variance, rating, planMet, p);
    }

    /** The rolling value over twelve months that all have data; null for a pct metric with no denominator. */
    private static Double rollingValue(Map<Long, MetricPoint> year, String unit) {
        double numerators = 0;
        double denominators = 0;
        double values = 0;
        for (MetricPoint point : year.values()) {
            if (point.numerator() != null) numerators += point.numerator();
            if (point.denominator() != null) denominators += point.denominator();
            if (point.value() != null) values += point.value();
        }
        return switch (unit) {
            case PCT -> denominators > 0 ? 100 * numerators / denominators : null;
            case COUNT -> numerators / TargetTrajectoryParameters.ROLLING_MONTHS;
            default -> values / TargetTrajectoryParameters.ROLLING_MONTHS;
        };
    }

    private static LinearTrend fit(Map<Long, Double> window) {
        double[] x = new double[window.size()];
        double[] y = new double[window.size()];
        int i = 0;
        for (Map.Entry<Long, Double> e : window.entrySet()) {
            x[i] = e.getKey();
            y[i++] = e.getValue();
        }
        return LinearTrend.fit(x, y);
    }

    /** Months since January of year 0: consecutive months are consecutive integers. */
    static long index(LocalDate month) {
        return month.getYear() * 12L + month.getMonthValue() - 1;
    }

    static LocalDate month(long index) {
        return LocalDate.of((int) Math.floorDiv(index, 12L), (int) Math.floorMod(index, 12L) + 1, 1);
    }
}
