package uk.nhs.stp.trajectory;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Access-standard trajectories on monthly series whose answers are worked out in each test. */
class ProjectStandardMetTest {
    private static final TargetTrajectoryParameters P = TargetTrajectoryParameters.DEFAULTS;
    private static final LocalDate APRIL_2016 = LocalDate.of(2016, 4, 1);

    private static LocalDate month(int m) {
        return APRIL_2016.plusMonths(m);
    }

    private static MetricPoint pct(int m, double within, double all, Double standard) {
        return new MetricPoint(month(m), within, all, 100 * within / all, standard, null);
    }

    private static MetricPoint count(int m, double n, Double standard) {
        return new MetricPoint(month(m), n, null, n, standard, null);
    }

    private static TargetTrajectory at(List<TargetTrajectory> all, int m) {
        return all.stream().filter(t -> t.asOfMonth().equals(month(m))).findFirst().orElseThrow();
    }

    @Test
    void aSeasonalSeriesWithoutTrendIsNotMistakenForOne() {
        // three identical years: a winter dip in attendances within 4 hours and a winter rise in attendances;
        // every 12-month sum is the same, so every rolling value is the same (the naive monthly values fall
        // from April to January, which a fit on them would read as a trend)
        double[] within = {950, 940, 945, 930, 920, 900, 880, 850, 820, 800, 830, 900};
        double[] all = {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1050, 1000, 1000};
        List<MetricPoint> points = new ArrayList<>();
        for (int m = 0; m < 36; m++) points.add(pct(m, within[m % 12], all[m % 12], 95.0));
        TargetTrajectory t = at(ProjectStandardMet.project(points, "pct", true, P), 33);
        double sumWithin = 0;
        double sumAll = 0;
        for (int i = 0; i < 12; i++) {
            sumWithin += within[i];
            sumAll += all[i];
        }
        assertEquals(100 * sumWithin / sumAll, t.rollingValue(), 1e-9, "ratio of the summed counts");
        assertEquals(0, t.trendPerMonth(), 1e-9, "no trend in a purely seasonal series");
        // the same 24 months fitted month by month (m = 10 .. 33, ending in January) show a spurious slope
        double[] x = new double[24];
        double[] y = new double[24];
        for (int i = 0; i < 24; i++) {
            x[i] = 10 + i;
            y[i] = 100 * within[(10 + i) % 12] / all[(10 + i) % 12];
        }
        assertTrue(Math.abs(LinearTrend.fit(x, y).slope()) > 0.05, "a fit on the monthly values reads winter as trend");
        assertEquals(ProjectionStatus.NOT_ON_CURRENT_TREND, t.status());
        assertEquals(23, t.windowPoints(), "rolling values at m = 11 .. 33 (the window of 24 reaches back before m = 11)");
        assertFalse(t.isOnTrack());
    }

    @Test
    void aFallingCountReachesZeroInTheMonthTheArithmeticSays() {
        // 12-hour waits 600 - 12 m in month m: the rolling mean over m - 11 .. m is 600 - 12 (m - 5.5) = 666 - 12 m,
        // zero at m = 55.5, so the first month at zero is m = 56 = December 2020
        List<MetricPoint> points = new ArrayList<>();
        for (int m = 0; m <= 35; m++) points.add(count(m, 600 - 12 * m, 0.0));
        TargetTrajectory t = at(ProjectStandardMet.project(points, "count", false, P), 35);
        assertEquals(666 - 12 * 35, t.rollingValue(), 1e-9, "rolling mean monthly count");
        assertEquals(-12, t.trendPerMonth(), 1e-9);
        assertEquals(ProjectionStatus.PROJECTED, t.status());
        assertEquals(LocalDate.of(2020, 12, 1), t.projectedMonth());
        // as of March 2019 (2018/19) the default target is March 2020, 12 months ahead: -246 / 12
        assertEquals(LocalDate.of(2020, 3, 1), t.targetMonth());
        assertEquals(-20.5, t.requiredImprovementPerMonth(), 1e-9);
        assertFalse(t.isOnTrack(), "December 2020 is after March 2020");
        assertEquals(666 - 12 * 47, t.trendAtTargetMonth(), 1e-9, "the line at March 2020 (m = 47)");
        assertEquals(0, t.trendStandardError(), 1e-9);
    }

    @Test
    void tooFewMonthsGiveInsufficientData() {
        // 20 months give rolling values from m = 11 to 19: 9 points, fewer than the 12 required
        List<MetricPoint> points = new ArrayList<>();
        for (int m = 0; m < 20; m++) points.add(pct(m, 900 + m, 1000, 95.0));
        List<TargetTrajectory> all = ProjectStandardMet.project(points, "pct", true, P);
        TargetTrajectory t = at(all, 19);
        assertEquals(ProjectionStatus.INSUFFICIENT_DATA, t.status());
        assertEquals(9, t.windowPoints());
        assertNull(t.trendPerMonth());
        assertNull(at(all, 10).rollingValue(), "eleven months are not a rolling year");
        assertEquals(11, at(all, 10).rollingMonthsWithData());
    }

    @Test
    void aMissingMonthIsNeverReadAsZero() {
        // month 30 has no data (null counts), month 31 is absent from the series altogether
        List<MetricPoint> points = new ArrayList<>();
        for (int m = 0; m < 36; m++) {
            if (m == 31) continue;
            points.add(m == 30 ? new MetricPoint(month(m), null, null, null, 95.0, null) : pct(m, 900, 1000, 95.0));
        }
        List<TargetTrajectory> all = ProjectStandardMet.project(points, "pct", true, P);
        TargetTrajectory after = at(all, 35);
        assertNull(after.rollingValue(), "the year to month 35 lacks two months");
        assertEquals(10, after.rollingMonthsWithData());
        assertEquals(ProjectionStatus.INSUFFICIENT_DATA, after.status(), "no rolling value at the as-of month");
        TargetTrajectory before = at(all, 29);
        assertEquals(90, before.rollingValue(), 1e-9);
        assertEquals(19, before.windowPoints(), "rolling values at m = 11 .. 29");
    }

    @Test
    void anImprovingRateMeetsItsStandardAndIsOnTrack() {
        // within 800 + 2 m of 1000: the rolling value over m - 11 .. m is 80 + 0.2 (m - 5.5) = 78.9 + 0.2 m,
        // 95 at m = 80.5, so the first month is m = 81 = January 2023; horizon 120 months
        List<MetricPoint> points = new ArrayList<>();
        for (int m = 0; m <= 23; m++) points.add(pct(m, 800 + 2 * m, 1000, 95.0));
        TargetTrajectory t = at(ProjectStandardMet.project(points, "pct", true,
                new TargetTrajectoryParameters(24, 12, LocalDate.of(2024, 3, 1), 0.8, 120)), 23);
        assertEquals(0.2, t.trendPerMonth(), 1e-9);
        assertEquals(LocalDate.of(2023, 1, 1), t.projectedMonth());
        assertTrue(t.isOnTrack(), "January 2023 is before the fixed target of March 2024");
        // March 2024 is m = 95: (95 - (78.9 + 4.6)) / (95 - 23)
        assertEquals((95 - 83.5) / 72, t.requiredImprovementPerMonth(), 1e-9);
        TargetTrajectory soon = at(ProjectStandardMet.project(points, "pct", true,
                new TargetTrajectoryParameters(24, 12, null, 0.8, 24)), 23);
        assertEquals(ProjectionStatus.BEYOND_HORIZON, soon.status(), "58 months ahead, past a 24-month horizon");
    }

    @Test
    void aPlannedTrajectoryIsComparedByDirection() {
        MetricPoint ae = new MetricPoint(month(0), 800.0, 1000.0, 80.0, 95.0, 85.0);
        TargetTrajectory behind = ProjectStandardMet.project(List.of(ae), "pct", true, P).get(0);
        assertEquals(-5, behind.varianceToPlan(), 1e-9, "80 - 85");
        assertEquals("worse", behind.varianceRating());
        assertFalse(behind.isPlanMet());
        MetricPoint waits = new MetricPoint(month(0), 40.0, null, 40.0, 0.0, 50.0);
        TargetTrajectory fewer = ProjectStandardMet.project(List.of(waits), "count", false, P).get(0);
        assertEquals(-10, fewer.varianceToPlan(), 1e-9);
        assertEquals("better", fewer.varianceRating(), "fewer 12-hour waits than planned is better");
        assertTrue(fewer.isPlanMet());
    }

    @Test
    void aMetricWithoutAStandardHasNoGoalAndUnknownUnitsAreRefused() {
        List<MetricPoint> points = new ArrayList<>();
        for (int m = 0; m < 24; m++) points.add(count(m, 1000 + m, null));
        TargetTrajectory t = at(ProjectStandardMet.project(points, "count", false, P), 23);
        assertEquals(ProjectionStatus.NO_GOAL, t.status());
        assertNull(t.isOnTrack());
        assertThrows(IllegalArgumentException.class, () -> ProjectStandardMet.project(points, "ratio", false, P));
    }
}
