package uk.nhs.stp.spc;

import org.junit.jupiter.api.Test;
import uk.nhs.stp.reference.Target.Direction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.stp.spc.SpcSeries.alternating;
import static uk.nhs.stp.spc.SpcSeries.concat;
import static uk.nhs.stp.spc.SpcSeries.monthly;

/**
 * The XmR chart on series with known answers: NHSRplotthedots' own test series first, then one
 * series per rule and option, each with its hand calculation.
 */
class XmrChartTest {
    private static final SpcParameters DEFAULTS = SpcParameters.DEFAULTS;
    private static final Direction UP = Direction.HIGHER_IS_BETTER;
    private static final Direction DOWN = Direction.LOWER_IS_BETTER;

    /** R's {@code set.seed(123); rnorm(20)}, the series of NHSRplotthedots' test-ptd_spc_standard.R. */
    private static final Double[] RNORM_SEED_123 = {-0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774,
            1.71506499, 0.46091621, -1.26506123, -0.68685285, -0.44566197, 1.22408180, 0.35981383, 0.40077145,
            0.11068272, -0.55584113, 1.78691314, 0.49785048, -1.96661716, 0.70135590, -0.47279141};

    private static List<SpcPoint> chart(Direction direction, SpcParameters parameters, Double... values) {
        return XmrChart.classify(monthly(values), direction, parameters);
    }

    private static List<String> rules(List<SpcPoint> points) {
        List<String> out = new ArrayList<>();
        for (SpcPoint p : points) out.add(p.rule() == null ? "-" : p.rule().id());
        return out;
    }

    private static List<String> types(List<SpcPoint> points) {
        List<String> out = new ArrayList<>();
        for (SpcPoint p : points) out.add(p.pointType() == null ? "missing" : p.pointType().id());
        return out;
    }

    private static List<String> repeat(String value, int times) {
        return new ArrayList<>(java.util.Collections.nCopies(times, value));
    }

    private static List<String> join(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void nhsrPlotTheDotsStandardSeriesHasItsPublishedLimits() {
        // tests/testthat/_snaps/ptd_spc_standard.md (nhs-r-community/NHSRplotthedots), r1:
        // mean_col 0.1416238, lpl -3.01138, upl 3.294627; relative_to_mean -1, -1, 1, -1, -1, 1, 1, -1, -1, -1, 1, 1, 1, -1, -1
        List<SpcPoint> points = chart(UP, DEFAULTS, RNORM_SEED_123);
        ProcessLimits limits = points.get(0).limits();
        assertEquals(0.1416238, limits.mean(), 5e-8, "mean");
        assertEquals(-3.01138, limits.lowerProcessLimit(), 5e-6, "lpl");
        assertEquals(3.294627, limits.upperProcessLimit(), 5e-7, "upl");
        int[] published = {-1, -1, 1, -1, -1, 1, 1, -1, -1, -1, 1, 1, 1, -1, -1};
        for (int i = 0; i < published.length; i++) {
            assertEquals(published[i], limits.sideOfMean(RNORM_SEED_123[i]), "relative_to_mean of point " + (i + 1));
        }
        // by hand: two-sigma lines mean ± 1.7733 × 1.18534 = (-1.960, 2.244) hold every value
        // (min -1.9666 is below -1.960 but alone on its side), no 7 on a side, no 7 rising or falling
        assertEquals(repeat("common_cause", 20), types(points));
        assertFalse(limits.isTrial(), "20 points are more than 12");
    }

    @Test
    void screeningAnOutlyingMovingRangeMatchesNhsrPlotTheDots() {
        // the same snapshot, r2 (y[15] <- 10, screen_outliers = TRUE): mean 0.6694159, lpl -2.383666, upl 3.722497;
        // r3 (screen_outliers = FALSE): lpl -4.596625, upl 5.935457
        Double[] values = RNORM_SEED_123.clone();
        values[14] = 10.0;
        List<SpcPoint> screened = chart(UP, DEFAULTS, values);
        ProcessLimits s = screened.get(0).limits();
        assertEquals(0.6694159, s.mean(), 5e-8, "mean");
        assertEquals(-2.383666, s.lowerProcessLimit(), 5e-7, "lpl, outliers screened");
        assertEquals(3.722497, s.upperProcessLimit(), 5e-7, "upl, outliers screened");
        assertEquals(SpecialCauseRule.ABOVE_UPPER_PROCESS_LIMIT, screened.get(14).rule(), "10 is above 3.72");
        assertEquals(PointType.SPECIAL_CAUSE_IMPROVEMENT, screened.get(14).pointType(), "higher is better");

        ProcessLimits u = chart(UP, DEFAULTS.withScreenOutliers(false), values).get(0).limits();
        assertEquals(-4.596625, u.lowerProcessLimit(), 5e-7, "lpl, no screening");
        assertEquals(5.935457, u.upperProcessLimit(), 5e-7, "upl, no screening");
    }

    @Test
    void twoPointsNearTheLimitsOnOppositeSidesAreCommonCause() {
        // test-ptd_spc_standard.R: 16 points alternating 1, -1, then 5.5 and -5.5 → the last two common_cause.
        // By hand: mean 0; moving ranges 13 × 2, 6.5, 11 → mR̄ 43.5/15 = 2.9; 11 ≥ 3.267 × 2.9 = 9.47 is
        // screened → mR̄ 32.5/14 = 2.3214; two sigma ±4.117, limits ±6.175: ±5.5 lie between, on opposite sides
        Double[] values = concat(alternating(14, 1, -1), 5.5, -5.5);
        List<SpcPoint> points = chart(UP, DEFAULTS, values);
        assertEquals(32.5 / 14, points.get(0).limits().averageMovingRange(), 1e-12);
        assertEquals(repeat("common_cause", 16), types(points));
    }

    @Test
    void sevenPointsOnOneSideOfTheMeanAreAShiftAndSixAreNot() {
        // 6 below then 7 above: mean 60/13 = 4.615; mR 2,2,2,2,2,3,2,2,2,2,2,2 → 25/12 = 2.083;
        // two sigma (0.921, 8.310), limits (-0.927, 10.157): every point within the two-sigma lines
        Double[] values = {1.0, 3.0, 1.0, 3.0, 1.0, 3.0, 6.0, 8.0, 6.0, 8.0, 6.0, 8.0, 6.0};
        List<SpcPoint> points = chart(UP, DEFAULTS, values);
        assertEquals(60.0 / 13, points.get(0).limits().mean(), 1e-12);
        assertEquals(25.0 / 12, points.get(0).limits().averageMovingRange(), 1e-12);
        assertEquals(join(repeat("-", 6), repeat("shift_above", 7)), rules(points));
        assertEquals(join(repeat("common_cause", 6), repeat("special_cause_improvement", 7)), types(points));

        List<SpcPoint> six = chart(DOWN, DEFAULTS.withShiftLength(6), values);
        assertEquals(join(repeat("shift_below", 6), repeat("shift_above", 7)), rules(six), "MDC option: 6 points");
        assertEquals(join(repeat("special_cause_improvement", 6), repeat("special_cause_concern", 7)), types(six),
                "lower is better: below the mean is an improvement");
    }

    @Test
    void aPointOnTheMeanBreaksARunUnlessTiesAreIgnored() {
        // sum 70 over 14 points: mean exactly 5, and the fifth point is 5.
        // Above: 6,8,6,8 | 5 | 6,8,6 → 4 + 3 with the tie breaking the run, 7 when it is passed over.
        // Below: 2,4,2,4,2,3 → 6 points, no shift. mR̄ 27/13 = 2.077: two sigma (1.317, 8.683)
        Double[] values = {6.0, 8.0, 6.0, 8.0, 5.0, 6.0, 8.0, 6.0, 2.0, 4.0, 2.0, 4.0, 2.0, 3.0};
        assertEquals(repeat("-", 14), rules(chart(UP, DEFAULTS, values)), "NHSRplotthedots: a tie breaks the run");
        List<String> ignored = rules(chart(UP, DEFAULTS.withTies(TieRule.IGNORED), values));
        assertEquals(List.of("shift_above", "shift_above", "shift_above", "shift_above", "-", "shift_above",
                "shift_above", "shift_above", "-", "-", "-", "-", "-", "-"), ignored, "the point on the mean is passed over");
    }

    @Test
    void sevenRisingPointsAreATrendAndAnEqualValueBreaksOne() {
        // NHSRplotthedots test-ptd_calculate_point_type.R: ptd_seven_point_trend(c(2, 1:7, 3)) marks 1:7;
        // c(1:3, 3:6) has no trend. By hand for c(2, 1:7, 3): mean 33/9 = 3.667, mR̄ 11/8 = 1.375,
        // limits (0.009, 7.324): 7 is within them
        List<SpcPoint> points = chart(UP, DEFAULTS, 2.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 3.0);
        assertEquals(List.of("-", "trend_increasing", "trend_increasing", "trend_increasing", "trend_increasing",
                "trend_increasing", "trend_increasing", "trend_increasing", "-"), rules(points));
        assertTrue(points.get(0).limits().isTrial(), "9 points: trial limits");
        // (its first and last points are beyond the narrow limits of so short a series; no point is in a trend)
        assertTrue(rules(chart(UP, DEFAULTS, 1.0, 2.0, 3.0, 3.0, 4.0, 5.0, 6.0)).stream()
                .noneMatch(r -> r.startsWith("trend")), "the repeated 3 breaks the trend");
        // falling, with lower is better: c(2, 7:1, 3) marks 7:1 as a decreasing trend, an improvement
        List<SpcPoint> falling = chart(DOWN, DEFAULTS, 2.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0, 3.0);
        assertEquals(SpecialCauseRule.TREND_DECREASING, falling.get(4).rule());
        assertEquals(PointType.SPECIAL_CAUSE_IMPROVEMENT, falling.get(4).pointType());
    }

    @Test
    void sixRisingPointsAreATrendOnlyWithTheSixPointOption() {
        // c(2, 1:6, 3): mean 26/8 = 3.25, mR̄ 9/7 = 1.286, limits (-0.17, 6.67)
        Double[] values = {2.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 3.0};
        assertEquals(repeat("-", 8), rules(chart(UP, DEFAULTS, values)));
        assertEquals(List.of("-", "trend_increasing", "trend_increasing", "trend_increasing", "trend_increasing",
                "trend_increasing", "trend_increasing", "-"), rules(chart(UP, DEFAULTS.withTrendLength(6), values)));
    }

    @Test
    void aPeakBelongsToTheTrendThatStartsAtIt() {
        // 1,2,3,4,3,2,1 with 4-point trends: rising 1..4, falling 4..1; NHSRplotthedots reads the peak's
        // direction from the right. mean 16/7, mR̄ 1, limits (-0.374, 4.946): all within
        List<SpcPoint> points = chart(UP, DEFAULTS.withTrendLength(4), 1.0, 2.0, 3.0, 4.0, 3.0, 2.0, 1.0);
        assertEquals(List.of("trend_increasing", "trend_increasing", "trend_increasing", "trend_decreasing",
                "trend_decreasing", "trend_decreasing", "trend_decreasing"), rules(points));
        assertEquals(List.of("special_cause_improvement", "special_cause_improvement", "special_cause_improvement",
                "special_cause_concern", "special_cause_concern", "special_cause_concern", "special_cause_concern"),
                types(points));
    }

    @Test
    void aPointBeyondALimitIsSpecialCauseBelowAsWellAsAbove() {
        // baseline of 12 alternating 9, 11: mean 10, mR̄ 2, limits 10 ± 5.32 = (4.68, 15.32)
        Double[] values = concat(alternating(12, 9, 11), 4.0, 10.0);
        List<SpcPoint> points = chart(DOWN, DEFAULTS.withBaselinePoints(12), values);
        assertEquals(4.68, points.get(12).limits().lowerProcessLimit(), 1e-12);
        assertEquals(SpecialCauseRule.BELOW_LOWER_PROCESS_LIMIT, points.get(12).rule());
        assertEquals(PointType.SPECIAL_CAUSE_IMPROVEMENT, points.get(12).pointType(), "lower is better");
        assertEquals(PointType.SPECIAL_CAUSE_NEUTRAL_LOW, chart(null, DEFAULTS.withBaselinePoints(12), values)
                .get(12).pointType(), "a neutral metric: low");
    }

    @Test
    void twoInThreeCountsAPointBeyondTheLimitOnlyInTheNovember2023Variant() {
        // baseline 12 × (9, 11): mean 10, mR̄ 2; two sigma 10 ± 3.5467 = (6.453, 13.547); limits (4.68, 15.32).
        // Then 11 (above the mean), 14 (between two and three sigma), 16 (beyond the limit), 11.
        // NHSRplotthedots / MDC before Nov 2023: only 14 counts → no two-in-three; 16 is an astronomical point.
        // MDC Nov 2023 (NHSRplotthedots issue #194): 14 and 16 both count → 14 is marked two-in-three.
        Double[] values = concat(alternating(12, 9, 11), 11.0, 14.0, 16.0, 11.0);
        SpcParameters fixed = DEFAULTS.withBaselinePoints(12);
        List<SpcPoint> before = chart(UP, fixed, values);
        assertEquals(10.0, before.get(12).limits().mean(), 1e-12, "limits from the first 12 points only");
        assertEquals(10 + 2.0 / 3 * 2.66 * 2, before.get(12).limits().upperTwoSigma(), 1e-12, "10 + ⅔ × 2.66 × 2");
        assertEquals(List.of("-", "-", "above_upper_process_limit", "-"), rules(before).subList(12, 16));
        List<SpcPoint> after = chart(UP, fixed.withTwoInThree(TwoInThreeRule.BEYOND_TWO_SIGMA), values);
        assertEquals(List.of("-", "two_in_three_above", "above_upper_process_limit", "-"), rules(after).subList(12, 16));
        List<SpcPoint> off = chart(UP, fixed.withTwoInThree(TwoInThreeRule.OFF), concat(alternating(12, 9, 11),
                11.0, 14.0, 14.0, 11.0));
        assertEquals(repeat("-", 16), rules(off), "rule switched off");
    }

    @Test
    void twoOfThreeBetweenTwoAndThreeSigmaOnOneSideSignalInBothVariants() {
        // NHSRplotthedots ptd_two_in_three(c(0, 1, 1), c(1, 1, 1)): both close points marked, the third not
        Double[] values = concat(alternating(12, 9, 11), 11.0, 14.0, 14.0, 11.0);
        for (TwoInThreeRule rule : List.of(TwoInThreeRule.TWO_TO_THREE_SIGMA, TwoInThreeRule.BEYOND_TWO_SIGMA)) {
            List<SpcPoint> points = chart(UP, DEFAULTS.withBaselinePoints(12).withTwoInThree(rule), values);
            assertEquals(List.of("-", "two_in_three_above", "two_in_three_above", "-"), rules(points).subList(12, 16),
                    rule.id());
        }
        // low side, the middle point of the window below the mean but not beyond two sigma
        List<SpcPoint> low = chart(UP, DEFAULTS.withBaselinePoints(12), concat(alternating(12, 9, 11), 6.0, 9.0, 6.0));
        assertEquals(List.of("two_in_three_below", "-", "two_in_three_below"), rules(low).subList(12, 15));
        assertEquals(PointType.SPECIAL_CAUSE_CONCERN, low.get(12).pointType());
    }

    @Test
    void aGapNeverSignalsAndNoMovingRangeSpansIt() {
        // the shift series with a month missing among the seven above: 3 + 4 above, no shift.
        // mR: 2,2,2,2,2,3,2,2 | gap | 2,2,2 → 23/11 (across the gap it would have been 25/12)
        Double[] values = {1.0, 3.0, 1.0, 3.0, 1.0, 3.0, 6.0, 8.0, 6.0, null, 8.0, 6.0, 8.0, 6.0};
        List<SpcPoint> points = chart(UP, DEFAULTS, values);
        assertEquals(23.0 / 11, points.get(0).limits().averageMovingRange(), 1e-12);
        assertEquals(60.0 / 13, points.get(0).limits().mean(), 1e-12, "the mean of the 13 months with data");
        assertEquals(repeat("-", 14), rules(points));
        SpcPoint gap = points.get(9);
        assertTrue(gap.isMissing());
        assertNull(gap.pointType(), "a missing month has no point type");
        assertNotNull(gap.limits(), "it still carries its segment's lines");

        // a trend 1..7 cut by a gap after 3: mean 4, mR̄ 11/7, limits (−0.18, 8.18) → no trend
        assertEquals(repeat("-", 10), rules(chart(UP, DEFAULTS, 4.0, 1.0, 2.0, 3.0, null, 4.0, 5.0, 6.0, 7.0, 4.0)));
        // two beyond two sigma either side of a gap: no window of three consecutive months
        assertEquals(repeat("-", 15), rules(chart(UP, DEFAULTS.withBaselinePoints(12),
                concat(alternating(12, 9, 11), 14.0, null, 14.0))));
    }

    @Test
    void rebasingRecomputesTheLimitsPerSegment() {
        // 12 × (9, 11) then 12 × (19, 21). One segment: mean 15, the jump's mR 8 screened, mR̄ 2 →
        // limits (9.68, 20.32), two sigma (11.453, 18.547): every 9 is below the limit, every 11 between
        // two and three sigma below, so two in three ranks before the 12-point shift.
        Double[] values = concat(alternating(12, 9, 11), alternating(12, 19, 21).toArray(new Double[0]));
        List<SpcPoint> one = chart(UP, DEFAULTS, values);
        assertEquals(15.0, one.get(0).limits().mean(), 1e-12);
        assertEquals("below_lower_process_limit", rules(one).get(0));
        assertEquals("two_in_three_below", rules(one).get(1));
        assertEquals("above_upper_process_limit", rules(one).get(13));
        // rebased at month 13: (10 ± 5.32) and (20 ± 5.32), every point common cause
        List<SpcPoint> two = chart(UP, DEFAULTS.withRebaseMonths(List.of(SpcSeries.month(12))), values);
        assertEquals(10.0, two.get(11).limits().mean(), 1e-12);
        assertEquals(15.32, two.get(11).limits().upperProcessLimit(), 1e-12);
        assertEquals(20.0, two.get(12).limits().mean(), 1e-12);
        assertEquals(14.68, two.get(12).limits().lowerProcessLimit(), 1e-12);
        assertEquals(SpcSeries.FIRST_MONTH, two.get(11).segmentStart());
        assertEquals(SpcSeries.month(12), two.get(23).segmentStart());
        assertEquals(repeat("common_cause", 24), types(two));
        assertFalse(two.get(12).limits().isTrial(), "12 points per segment");
    }

    @Test
    void fewerThanTwelvePointsGiveTrialLimits() {
        assertTrue(chart(UP, DEFAULTS, alternating(11, 9, 11).toArray(new Double[0])).get(0).limits().isTrial());
        ProcessLimits twelve = chart(UP, DEFAULTS, alternating(12, 9, 11).toArray(new Double[0])).get(0).limits();
        assertFalse(twelve.isTrial());
        assertEquals(12, twelve.pointCount());
    }

    @Test
    void aFlatSeriesHasZeroWidthLimitsAndNoSignal() {
        Double[] flat = new Double[14];
        Arrays.fill(flat, 95.0);
        List<SpcPoint> points = chart(UP, DEFAULTS, flat);
        assertEquals(95.0, points.get(0).limits().upperProcessLimit(), 0.0);
        assertEquals(repeat("common_cause", 14), types(points), "every point on the mean");
    }

    @Test
    void aSeriesIsReturnedInMonthOrderWhateverItsInputOrder() {
        List<SeriesPoint> shuffled = new ArrayList<>(monthly(1.0, 3.0, 1.0, 3.0, 1.0, 3.0, 6.0, 8.0, 6.0, 8.0, 6.0,
                8.0, 6.0));
        java.util.Collections.reverse(shuffled);
        List<SpcPoint> points = XmrChart.classify(shuffled, UP, DEFAULTS);
        assertEquals(SpcSeries.FIRST_MONTH, points.get(0).month());
        assertSame(SpecialCauseRule.SHIFT_ABOVE, points.get(12).rule());
    }
}
