package uk.nhs.stp.trajectory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The finance trajectory of one area, for every month it has a position in. Pure Java.
 *
 * <p>Phase 1 — outturn per financial year as known at the as-of month: a year's M12 actual when
 * reported, otherwise the latest forecast outturn reported in that year (flagged forecast; a year
 * with neither has no outturn). Phase 2 — ordinary least squares ({@link LinearTrend}) of outturn
 * on financial year over the outturns of the last {@code windowYears} years up to the as-of year;
 * fewer than {@code minPoints} → insufficient data. Phase 3 — {@link GoalProjection} toward 0
 * (balance) and toward the as-of year's control total; required improvement per year = (0 −
 * latest outturn) / (target year − latest year), 0 when in balance, null once the target year is
 * reached; on track when balance is met now or projected by the target year; the fitted value at
 * the target year with its prediction interval; the "do nothing" value of the target year, if a
 * plan supplied one.
 */
public final class ProjectFinancialBalance {
    private ProjectFinancialBalance() { }

    /**
     * @param points          the area's positions, any order, one per month
     * @param doNothingByYear a plan's "do nothing" position by financial year start (may be empty)
     * @return one trajectory per month of {@code points}, in month order
     */
    public static List<FinanceTrajectory> project(List<FinancePoint> points, Map<Integer, Double> doNothingByYear,
                                                  FinanceTrajectoryParameters p) {
        List<FinancePoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(FinancePoint::month));
        List<FinanceTrajectory> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            out.add(asOf(sorted.subList(0, i + 1), doNothingByYear, p));
        }
        return out;
    }

    /** The trajectory as of the last of {@code known} (sorted by month). */
    private static FinanceTrajectory asOf(List<FinancePoint> known, Map<Integer, Double> doNothingByYear,
                                          FinanceTrajectoryParameters p) {
        FinancePoint now = known.get(known.size() - 1);
        int year = now.fyStartYear();
        TreeMap<Integer, Outturn> outturns = outturns(known);
        TreeMap<Integer, Outturn> window = new TreeMap<>(outturns.subMap(year - p.windowYears() + 1, true, year, true));
        Double doNothing = doNothingByYear.get(p.targetFyStartYear());
        Double runRate = now.actualYtd() * 12 / now.fyMonth();
        Double gapToPlan = now.planYtd() == null ? null : now.actualYtd() - now.planYtd();
        if (window.isEmpty()) {
            return new FinanceTrajectory(now.month(), year, null, null, null, runRate, gapToPlan, null, 0, null, null,
                    null, ProjectionStatus.INSUFFICIENT_DATA, null, now.controlTotal(), ProjectionStatus.INSUFFICIENT_DATA,
                    null, null, null, null, null, null, doNothing, p);
        }
        int latestYear = window.lastKey();
        Outturn latest = window.lastEntry().getValue();
        LinearTrend trend = window.size() >= p.minPoints() ? fit(window) : null;
        GoalProjection balance = GoalProjection.toward(trend, latest.amount, latestYear, 0.0, true, p.horizonYears());
        GoalProjection control = GoalProjection.toward(trend, latest.amount, latestYear, now.controlTotal(), true,
                p.horizonYears());
        int target = p.targetFyStartYear();
        boolean targetAhead = target > latestYear;
        Double required = latest.amount >= 0 ? Double.valueOf(0) : targetAhead ? -latest.amount / (target - latestYear) : null;
        Double atTarget = null;
        Double lower = null;
        Double upper = null;
        if (trend != null && targetAhead) {
            atTarget = trend.predict(target);
            double half = trend.predictionHalfWidth(target, p.predictionLevel());
            lower = atTarget - half;
            upper = atTarget + half;
        }
        return new FinanceTrajectory(now.month(), year, latestYear, latest.amount, latest.isForecast, runRate, gapToPlan,
                window.firstKey(), window.size(), trend == null ? null : trend.slope(),
                trend == null ? null : trend.slopeStandardError(), trend == null ? null : trend.residualStandardError(),
                balance.status(), year(balance), now.controlTotal(), control.status(), year(control), required,
                balance.isOnTrackBy(target), atTarget, lower, upper, doNothing, p);
    }

    private static Integer year(GoalProjection projection) {
        return projection.projectedStep() == null ? null : projection.projectedStep().intValue();
    }

    private static LinearTrend fit(TreeMap<Integer, Outturn> window) {
        double[] x = new double[window.size()];
        double[] y = new double[window.size()];
        int i = 0;
        for (Map.Entry<Integer, Outturn> e : window.entrySet()) {
            x[i] = e.getKey();
            y[i++] = e.getValue().amount;
        }
        return LinearTrend.fit(x, y);
    }

    /** A year's outturn: the M12 actual, else the latest forecast of the year. */
    private record Outturn(double amount, boolean isForecast) { }

    private static TreeMap<Integer, Outturn> outturns(List<FinancePoint> known) {
        TreeMap<Integer, FinancePoint> lastOfYear = new TreeMap<>();
        TreeMap<Integer, FinancePoint> lastForecast = new TreeMap<>();
        for (FinancePoint point : known) {
            lastOfYear.put(point.fyStartYear(), point);
            if (point.forecastOutturn() != null) lastForecast.put(point.fyStartYear(), point);
        }
        TreeMap<Integer, Outturn> out = new TreeMap<>();
        for (Map.Entry<Integer, FinancePoint> e : lastOfYear.entrySet()) {
            FinancePoint last = e.getValue();
            if (last.fyMonth() == 12) {
                out.put(e.getKey(), new Outturn(last.actualYtd(), false));
            } else if (lastForecast.containsKey(e.getKey())) {
                out.put(e.getKey(), new Outturn(lastForecast.get(e.getKey()).forecastOutturn(), true));
            }
        }
        return out;
    }
}
