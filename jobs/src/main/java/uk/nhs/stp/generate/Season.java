package uk.nhs.stp.generate;

import java.time.YearMonth;

/** Seasonal and era shapes shared by the returns, so every return tells the same story about a month. */
final class Season {
    private Season() { }

    /** Demand multiplier peaking in July (about +8%) and lowest in January (about -8%). */
    static double summerDemand(YearMonth m) {
        return 1 + 0.08 * Math.cos(2 * Math.PI * (m.getMonthValue() - 7) / 12.0);
    }

    /** Winter pressure 0–1: worst in January, felt from November to March. */
    static double winterPressure(YearMonth m) {
        return switch (m.getMonth()) {
            case JANUARY -> 1.0;
            case DECEMBER, FEBRUARY -> 0.85;
            case MARCH -> 0.6;
            case NOVEMBER -> 0.35;
            default -> 0.0;
        };
    }

    /** Calendar length relative to an average month. */
    static double days(YearMonth m) {
        return m.lengthOfMonth() / 30.44;
    }

    /** Elective activity dips at Christmas and in August. */
    static double electiveActivity(YearMonth m) {
        return switch (m.getMonth()) {
            case DECEMBER -> 0.85;
            case AUGUST -> 0.93;
            default -> 1.0;
        } * days(m);
    }

    /**
     * How long waits are relative to before March 2020: the pandemic stopped elective work, so waits
     * lengthened sharply and have come down only slowly.
     */
    static double waitingEra(YearMonth m) {
        if (m.isBefore(YearMonth.of(2020, 3))) return 1.0;
        if (m.isBefore(YearMonth.of(2023, 1))) return 1.9;
        return 1.6;
    }
}
