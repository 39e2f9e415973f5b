package uk.nhs.stp.trajectory;

import org.apache.spark.sql.Row;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Conversions between mart cells and the doubles the fits work in, shared by the trajectory transforms. */
final class TrajectoryValues {
    private TrajectoryValues() { }

    /** A double rounded half-up to {@code scale} places; null for null, NaN or infinite values. */
    static BigDecimal decimal(Double value, int scale) {
        if (value == null || value.isNaN() || value.isInfinite()) return null;
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }

    /** A numeric cell (decimal, double, int …) as a double; null for null. */
    static Double number(Row row, String column) {
        Object v = row.get(row.fieldIndex(column));
        return v == null ? null : ((Number) v).doubleValue();
    }

    /** A coverage level as the percentage the marts record: 0.8 → 80.00. */
    static BigDecimal pct(double level) {
        return decimal(level * 100, 2);
    }
}
