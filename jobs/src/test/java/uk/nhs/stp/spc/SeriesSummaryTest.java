package uk.nhs.stp.spc;

import org.junit.jupiter.api.Test;
import uk.nhs.stp.reference.Target.Direction;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Variation and assurance icons of a series. */
class SeriesSummaryTest {

    @Test
    void assuranceMatchesNhsrPlotTheDotsTable() {
        // tests/testthat/test-ptd_calculate_assurance_type.R: limits (1, 3), (5, 7), (1, 5), target 4
        double[][] limits = {{1, 3}, {5, 7}, {1, 5}};
        List<AssuranceType> increase = new ArrayList<>();
        List<AssuranceType> decrease = new ArrayList<>();
        for (double[] l : limits) {
            increase.add(AssuranceType.of(Direction.HIGHER_IS_BETTER, 4.0, l[1], l[0]));
            decrease.add(AssuranceType.of(Direction.LOWER_IS_BETTER, 4.0, l[1], l[0]));
            assertNull(AssuranceType.of(null, 4.0, l[1], l[0]), "neutral: no assurance");
            assertNull(AssuranceType.of(Direction.HIGHER_IS_BETTER, null, l[1], l[0]), "no target: no assurance");
        }
        assertEquals(List.of(AssuranceType.CONSISTENT_FAIL, AssuranceType.CONSISTENT_PASS, AssuranceType.INCONSISTENT),
                increase);
        assertEquals(List.of(AssuranceType.CONSISTENT_PASS, AssuranceType.CONSISTENT_FAIL, AssuranceType.INCONSISTENT),
                decrease);
    }

    /** 12 × (9, 11) then 12 × (19, 21) rebased at month 13, the targets given; limits of the second segment (14.68, 25.32). */
    private static List<SpcPoint> rebased(Double lastTarget, boolean lastMonthMissing) {
        List<SeriesPoint> series = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            double v = i < 12 ? (i % 2 == 0 ? 9 : 11) : (i % 2 == 0 ? 19 : 21);
            series.add(new SeriesPoint(SpcSeries.month(i), v, i == 23 ? lastTarget : Double.valueOf(1.0)));
        }
        if (lastMonthMissing) series.add(new SeriesPoint(SpcSeries.month(24), null, 99.0));
        return XmrChart.classify(series, Direction.HIGHER_IS_BETTER,
                SpcParameters.DEFAULTS.withRebaseMonths(List.of(SpcSeries.month(12))));
    }

    @Test
    void assuranceReadsTheLatestSegmentAgainstTheLatestTarget() {
        assertEquals(AssuranceType.CONSISTENT_PASS,
                SeriesSummary.of(rebased(12.0, false), Direction.HIGHER_IS_BETTER).assuranceType(),
                "12 is below the lower limit 14.68: every month passes");
        assertEquals(AssuranceType.CONSISTENT_FAIL,
                SeriesSummary.of(rebased(30.0, false), Direction.HIGHER_IS_BETTER).assuranceType(),
                "30 is above the upper limit 25.32: no month passes");
        assertEquals(AssuranceType.INCONSISTENT,
                SeriesSummary.of(rebased(20.0, false), Direction.HIGHER_IS_BETTER).assuranceType(), "hit or miss");
        assertNull(SeriesSummary.of(rebased(null, false), Direction.HIGHER_IS_BETTER).assuranceType(), "no target");
    }

    @Test
    void aMissingLatestMonthIsPassedOverForTheLatestMonthWithData() {
        SeriesSummary s = SeriesSummary.of(rebased(12.0, true), Direction.HIGHER_IS_BETTER);
        assertEquals(SpcSeries.month(23), s.latest().month(), "month 25 has no data");
        assertEquals(AssuranceType.CONSISTENT_PASS, s.assuranceType(), "its target 12, not the missing month's 99");
        assertEquals(PointType.COMMON_CAUSE, s.variationType());
    }

    @Test
    void theVariationIconIsTheLatestPointsType() {
        List<SpcPoint> shift = XmrChart.classify(SpcSeries.monthly(1.0, 3.0, 1.0, 3.0, 1.0, 3.0, 6.0, 8.0, 6.0, 8.0,
                6.0, 8.0, 6.0), Direction.LOWER_IS_BETTER, SpcParameters.DEFAULTS);
        assertEquals(PointType.SPECIAL_CAUSE_CONCERN, SeriesSummary.of(shift, Direction.LOWER_IS_BETTER).variationType(),
                "seven above the mean when lower is better");
        assertNull(SeriesSummary.of(XmrChart.classify(SpcSeries.monthly(null, null), null, SpcParameters.DEFAULTS),
                null).latest(), "no data, no summary point");
    }
}
