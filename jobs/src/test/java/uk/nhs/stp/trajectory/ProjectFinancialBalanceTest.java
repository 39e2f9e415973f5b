package uk.nhs.stp.trajectory;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finance trajectories on annual series whose answers follow from the arithmetic in each test. */
class ProjectFinancialBalanceTest {
    private static final FinanceTrajectoryParameters P = FinanceTrajectoryParameters.DEFAULTS;

    private static FinanceTrajectory latest(List<FinancePoint> points) {
        List<FinanceTrajectory> all = ProjectFinancialBalance.project(points, Map.of(), P);
        assertEquals(points.size(), all.size(), "one trajectory per month with a position");
        return all.get(all.size() - 1);
    }

    private static List<FinancePoint> annual(int firstYear, double... positions) {
        List<FinancePoint> points = new java.util.ArrayList<>();
        for (int i = 0; i < positions.length; i++) points.add(FinancePoint.annual(firstYear + i, positions[i]));
        return points;
    }

    @Test
    void aDeficitImprovingByAFixedAmountReachesBalanceWhenTheArithmeticSays() {
        // -100, -80, -60 in 2014/15 .. 2016/17: +20 a year, so -60 + 3 x 20 = 0 in 2019/20
        FinanceTrajectory t = latest(annual(2014, -100, -80, -60));
        assertEquals(ProjectionStatus.PROJECTED, t.balanceStatus());
        assertEquals(2019, t.projectedBalanceFyStartYear(), "balance in 2019/20");
        assertEquals(20, t.trendPerYear(), 1e-9, "trend per year");
        assertEquals(0, t.trendStandardError(), 1e-9, "points on a line");
        assertEquals(15, t.requiredImprovementPerYear(), 1e-9, "(0 - (-60)) / (2020 - 2016)");
        assertTrue(t.isOnTrack(), "2019/20 is before the 2020/21 target");
        assertEquals(20, t.trendAtTargetYear(), 1e-9, "-60 + 4 x 20 at 2020/21");
        assertEquals(3, t.pointsUsed());
        assertEquals(2014, t.windowFirstFyStartYear());
        assertEquals(LocalDate.of(2017, 3, 1), t.asOfMonth(), "annual accounts are as at March of the year's end");
        assertFalse(t.isLatestOutturnForecast());
    }

    @Test
    void worseningAndFlatSeriesAreNotOnCurrentTrend() {
        FinanceTrajectory worsening = latest(annual(2014, -10, -20, -30));
        assertEquals(ProjectionStatus.NOT_ON_CURRENT_TREND, worsening.balanceStatus());
        assertNull(worsening.projectedBalanceFyStartYear());
        assertFalse(worsening.isOnTrack());
        assertEquals(7.5, worsening.requiredImprovementPerYear(), 1e-9, "30 / (2020 - 2016)");
        FinanceTrajectory flat = latest(annual(2014, -50, -50, -50));
        assertEquals(ProjectionStatus.NOT_ON_CURRENT_TREND, flat.balanceStatus());
        assertEquals(0, flat.trendPerYear(), 1e-12);
    }

    @Test
    void aSurplusIsAlreadyInBalanceEvenWhenFalling() {
        FinanceTrajectory t = latest(annual(2014, 10, 5, 2));
        assertEquals(ProjectionStatus.ALREADY_MET, t.balanceStatus());
        assertEquals(0, t.requiredImprovementPerYear(), 0);
        assertTrue(t.isOnTrack());
    }

    @Test
    void tooFewPointsGiveInsufficientData() {
        List<FinanceTrajectory> all = ProjectFinancialBalance.project(annual(2015, -30, -20), Map.of(), P);
        for (FinanceTrajectory t : all) {
            assertEquals(ProjectionStatus.INSUFFICIENT_DATA, t.balanceStatus(), "as of " + t.asOfMonth());
            assertNull(t.trendPerYear());
            assertNull(t.isOnTrack());
        }
        assertEquals(2, all.get(1).pointsUsed());
        assertEquals(-20, all.get(1).latestOutturn(), 0);
    }

    @Test
    void onlyTheLastFiveYearsAreFitted() {
        // a large surplus in 2010/11 falls outside the window of 2011/12 .. 2015/16 (-100 .. -20, +20 a year)
        FinanceTrajectory t = latest(annual(2010, 5000, -100, -80, -60, -40, -20));
        assertEquals(5, t.pointsUsed());
        assertEquals(2011, t.windowFirstFyStartYear());
        assertEquals(20, t.trendPerYear(), 1e-9);
        assertEquals(2016, t.projectedBalanceFyStartYear(), "-20 + 20 = 0 in 2016/17");
    }

    @Test
    void theCurrentYearUsesItsLatestForecastFlaggedAsSuch() {
        // 2016/17 and 2017/18 closed at -90 and -70; as of June 2018 (M03) the 2018/19 forecast is -50:
        // the line -50 + 20 (x - 2018) reaches 0 at x = 2020.5, so the first whole year in balance is 2021/22
        List<FinancePoint> points = List.of(
                new FinancePoint(LocalDate.of(2017, 3, 1), 2016, 12, -90, -80.0, -90.0, null),
                new FinancePoint(LocalDate.of(2018, 3, 1), 2017, 12, -70, -75.0, -70.0, null),
                new FinancePoint(LocalDate.of(2018, 6, 1), 2018, 3, -15, -12.0, -50.0, -30.0));
        FinanceTrajectory t = latest(points);
        assertEquals(-50, t.latestOutturn(), 0);
        assertTrue(t.isLatestOutturnForecast(), "the 2018/19 outturn is a forecast");
        assertEquals(2021, t.projectedBalanceFyStartYear());
        assertFalse(t.isOnTrack(), "2021/22 is after 2020/21");
        assertEquals(-60, t.runRateOutturn(), 1e-9, "-15 x 12 / 3");
        assertEquals(-3, t.gapToPlanYtd(), 1e-9, "-15 - (-12)");
        assertEquals(-30, t.controlTotal(), 0);
        // -50 + 20 (x - 2018) >= -30 from x = 2019
        assertEquals(ProjectionStatus.PROJECTED, t.controlTotalStatus());
        assertEquals(2019, t.projectedControlTotalFyStartYear());
        assertEquals(25, t.requiredImprovementPerYear(), 1e-9, "50 / (2020 - 2018)");
    }

    @Test
    void withoutAControlTotalThereIsNoGoal() {
        assertEquals(ProjectionStatus.NO_GOAL, latest(annual(2014, -100, -80, -60)).controlTotalStatus());
    }

    @Test
    void thePredictionIntervalWidensWithScatterAndTheDoNothingLineIsCarried() {
        // -100, -60, -80 in 2014..2016: x̄ = 2015, slope = Sxy / Sxx = ((-1)(-20) + 0 + (1)(0)) / 2 = 10,
        // intercept at 2015 = -80; residuals -10, 20, -10: s = √600; at 2020: ŷ = -80 + 50 = -30
        List<FinanceTrajectory> all = ProjectFinancialBalance.project(annual(2014, -100, -60, -80),
                Map.of(2020, -400.0), P);
        FinanceTrajectory t = all.get(2);
        double half = Math.tan(Math.PI * 0.4) * Math.sqrt(600) * Math.sqrt(1 + 1.0 / 3 + 25 / 2.0);
        assertEquals(-30, t.trendAtTargetYear(), 1e-9);
        assertEquals(-30 - half, t.predictionLower(), 1e-6);
        assertEquals(-30 + half, t.predictionUpper(), 1e-6);
        assertEquals(-400, t.doNothingAtTargetYear(), 0, "the plan's do-nothing position for 2020/21");
        assertEquals(2023, t.projectedBalanceFyStartYear(), "-80 + 10 (x - 2015) = 0 at x = 2023");
    }
}
