package uk.nhs.stp.trajectory;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Least squares on points whose fit is worked out by hand in each test. */
class LinearTrendTest {
    @Test
    void pointsOnALineGiveThatLineWithNoError() {
        // y = 3 + 2x exactly
        LinearTrend t = LinearTrend.fit(new double[] {1, 2, 3, 4, 5}, new double[] {5, 7, 9, 11, 13});
        assertEquals(2, t.slope(), 1e-12, "slope");
        assertEquals(3, t.intercept(), 1e-12, "intercept");
        assertEquals(0, t.residualStandardError(), 1e-12, "no residuals");
        assertEquals(0, t.predictionHalfWidth(8, 0.8), 1e-12, "no residuals, no uncertainty");
        assertEquals(19, t.predict(8), 1e-12, "3 + 2 x 8");
        assertEquals(-1.5, t.xWhere(0), 1e-12, "3 + 2x = 0 at x = -1.5");
    }

    @Test
    void scatteredPointsGiveTheTextbookEstimates() {
        // (1,1), (2,3), (3,2): x̄ = 2, ȳ = 2, Sxx = 2, Sxy = (-1)(-1) + 0 + (1)(0) = 1
        // slope = 1/2, intercept = 2 - 0.5 x 2 = 1; residuals -0.5, 1, -0.5: RSS = 1.5, s = √(1.5 / 1)
        LinearTrend t = LinearTrend.fit(new double[] {1, 2, 3}, new double[] {1, 3, 2});
        double s = Math.sqrt(1.5);
        assertEquals(0.5, t.slope(), 1e-12, "slope");
        assertEquals(1, t.intercept(), 1e-12, "intercept");
        assertEquals(s, t.residualStandardError(), 1e-12, "residual standard error");
        assertEquals(s / Math.sqrt(2), t.slopeStandardError(), 1e-12, "s / √Sxx");
        // one degree of freedom: Student t is Cauchy, whose p-quantile is tan(π (p - 1/2)); p = 0.9 for 80%
        double t90 = Math.tan(Math.PI * 0.4);
        double expected = t90 * s * Math.sqrt(1 + 1.0 / 3 + (4 - 2) * (4 - 2) / 2.0);
        assertEquals(expected, t.predictionHalfWidth(4, 0.8), 1e-9, "80% prediction interval half-width at x = 4");
        assertTrue(t.predictionHalfWidth(4, 0.95) > t.predictionHalfWidth(4, 0.8), "a higher level is wider");
    }

    @Test
    void eachIntervalUsesTheQuantileOfItsOwnDegreesOfFreedomAndLevel() {
        // the quantiles are remembered between calls: interleave two fits and two levels, each
        // against the closed form of its own t distribution
        LinearTrend one = LinearTrend.fit(new double[] {1, 2, 3}, new double[] {1, 3, 2});          // 1 degree of freedom
        LinearTrend two = LinearTrend.fit(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4});    // 2 degrees of freedom
        // (1,1), (2,3), (3,2), (4,4): x̄ = 2.5, ȳ = 2.5, Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5,
        // Sxy = (-1.5)(-1.5) + (-0.5)(0.5) + (0.5)(-0.5) + (1.5)(1.5) = 4; slope 0.8, intercept 0.5;
        // residuals -0.3, 0.9, -0.9, 0.3: RSS = 1.8, s = √(1.8 / 2) = √0.9
        assertEquals(0.8, two.slope(), 1e-12, "slope");
        double sOne = Math.sqrt(1.5);
        double sTwo = Math.sqrt(0.9);
        for (double level : new double[] {0.8, 0.95, 0.8}) {
            double p = (1 + level) / 2;
            double cauchy = Math.tan(Math.PI * (p - 0.5));                 // t with 1 degree of freedom
            double twoDf = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));        // t with 2 degrees of freedom
            assertEquals(cauchy * sOne * Math.sqrt(1 + 1.0 / 3 + 4 / 2.0), one.predictionHalfWidth(4, level), 1e-9,
                    "1 degree of freedom, level " + level);
            assertEquals(twoDf * sTwo * Math.sqrt(1 + 1.0 / 4 + (5 - 2.5) * (5 - 2.5) / 5), two.predictionHalfWidth(5, level),
                    1e-9, "2 degrees of freedom, level " + level);
        }
    }

    @Test
    void twoPointsFitExactlyButHaveNoError() {
        LinearTrend t = LinearTrend.fit(new double[] {2016, 2017}, new double[] {-100, -60});
        assertEquals(40, t.slope(), 1e-9, "slope");
        assertTrue(Double.isNaN(t.slopeStandardError()), "no degrees of freedom left for an error");
        assertTrue(Double.isNaN(t.predictionHalfWidth(2020, 0.8)), "nor for an interval");
    }

    @Test
    void degenerateInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LinearTrend.fit(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> LinearTrend.fit(new double[] {1, 1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> LinearTrend.fit(new double[] {1, 2}, new double[] {1}));
    }

    @Test
    void aFlatLineNeverReachesAnotherValue() {
        LinearTrend t = LinearTrend.fit(new double[] {1, 2, 3}, new double[] {-5, -5, -5});
        assertTrue(Double.isNaN(t.xWhere(0)), "flat at -5 never reaches 0");
    }
}
