package uk.nhs.stp.generate;

import java.time.YearMonth;

/**
 * Year-on-year drift of the returns, measured from April 2017: A&E demand grows and four-hour
 * performance falls year on year, as it did nationally from 2017/18 (about 88% of attendances
 * within four hours) into the 2020s (below 75%). At the sample scale there is no drift: the factor
 * is exactly 1 and the shift exactly 0, so the sample's files do not change.
 */
final class Trend {
    /** Month the drift is measured from: the start of 2017/18, the year of the reference organisations. */
    static final YearMonth BASE = YearMonth.of(2017, 4);
    /** A&E attendances grow by this share a year at the national scale. */
    static final double AE_DEMAND_GROWTH_PER_YEAR = 0.015;
    /** Type 1 four-hour performance falls by this share of attendances a year at the national scale… */
    static final double AE_PERFORMANCE_DRIFT_PER_YEAR = -0.02;
    /** …to at most this much below 2017/18, and at most this much above it before 2017/18. */
    static final double AE_PERFORMANCE_FLOOR = -0.12;
    static final double AE_PERFORMANCE_CEILING = 0.04;

    private static final Trend NONE = new Trend(0, 0);
    private static final Trend NATIONAL = new Trend(AE_DEMAND_GROWTH_PER_YEAR, AE_PERFORMANCE_DRIFT_PER_YEAR);

    private final double demandGrowth;
    private final double performanceDrift;

    private Trend(double demandGrowth, double performanceDrift) {
        this.demandGrowth = demandGrowth;
        this.performanceDrift = performanceDrift;
    }

    /** The drift of a scale: none for the sample, the national one otherwise. */
    static Trend of(Scale scale) {
        return scale.publishedVolumes() ? NATIONAL : NONE;
    }

    /** Multiplier of A&E attendances in month {@code m}; exactly 1 without drift. */
    double aeDemand(YearMonth m) {
        return Math.pow(1 + demandGrowth, years(m));
    }

    /** Shift of the share of type 1 attendances within four hours in month {@code m}; exactly 0 without drift. */
    double aePerformanceShift(YearMonth m) {
        if (performanceDrift == 0) return 0;
        return Math.max(AE_PERFORMANCE_FLOOR, Math.min(AE_PERFORMANCE_CEILING, performanceDrift * years(m)));
    }

    private static double years(YearMonth m) {
        return (m.getYear() * 12L + m.getMonthValue() - BASE.getYear() * 12L - BASE.getMonthValue()) / 12.0;
    }
}
