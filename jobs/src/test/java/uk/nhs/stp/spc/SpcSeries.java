package uk.nhs.stp.spc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Monthly test series from January 2020: one value (or null for a missing month) per month. */
final class SpcSeries {
    static final LocalDate FIRST_MONTH = LocalDate.of(2020, 1, 1);

    private SpcSeries() { }

    static List<SeriesPoint> monthly(Double... values) {
        List<SeriesPoint> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) out.add(new SeriesPoint(month(i), values[i], null));
        return out;
    }

    /** The month of the {@code index}-th point (0-based). */
    static LocalDate month(int index) {
        return FIRST_MONTH.plusMonths(index);
    }

    /** {@code n} points alternating 9, 11, 9, …: mean 10 and every moving range 2 (so mR̄ = 2). */
    static List<Double> alternating(int n, double low, double high) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(i % 2 == 0 ? low : high);
        return out;
    }

    static Double[] concat(List<Double> first, Double... rest) {
        List<Double> all = new ArrayList<>(first);
        all.addAll(java.util.Arrays.asList(rest)); // nulls allowed: missing months
        return all.toArray(new Double[0]);
    }
}
