package uk.nhs.stp.spc;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rule settings: NHSRplotthedots defaults, validation and the recorded description. */
class SpcParametersTest {

    @Test
    void defaultsAreNhsrPlotTheDots() {
        SpcParameters d = SpcParameters.DEFAULTS;
        assertEquals(7, d.shiftLength());
        assertEquals(7, d.trendLength());
        assertEquals(true, d.screenOutliers());
        assertEquals(TwoInThreeRule.TWO_TO_THREE_SIGMA, d.twoInThree());
        assertEquals(TieRule.BREAKS_RUN, d.ties());
        assertEquals(null, d.baselinePoints());
        assertEquals(12, d.minimumPointsForLimits());
        assertEquals("shift=7 trend=7 screen_outliers=true two_in_three=two-to-three-sigma ties=breaks-run"
                + " baseline=all rebase=none minimum_points=12", d.describe());
    }

    @Test
    void rebaseMonthsAreSortedAndOptionNamesRoundTrip() {
        SpcParameters p = SpcParameters.DEFAULTS.withRebaseMonths(List.of(LocalDate.of(2021, 4, 1),
                LocalDate.of(2020, 3, 1), LocalDate.of(2021, 4, 1)));
        assertEquals(List.of(LocalDate.of(2020, 3, 1), LocalDate.of(2021, 4, 1)), p.rebaseMonths());
        for (TwoInThreeRule r : TwoInThreeRule.values()) assertEquals(r, TwoInThreeRule.of(r.id()));
        for (TieRule r : TieRule.values()) assertEquals(r, TieRule.of(r.id()));
    }

    @Test
    void impossibleSettingsAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> SpcParameters.DEFAULTS.withShiftLength(1));
        assertThrows(IllegalArgumentException.class, () -> SpcParameters.DEFAULTS.withBaselinePoints(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TwoInThreeRule.of("nov-2023"));
        assertEquals("unknown two-in-three rule 'nov-2023': use off, two-to-three-sigma or beyond-two-sigma",
                e.getMessage());
    }
}
