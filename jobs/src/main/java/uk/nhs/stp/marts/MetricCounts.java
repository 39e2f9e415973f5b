package uk.nhs.stp.marts;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/**
 * The intermediate every metric source produces before aggregation: per month, organisation and
 * metric, the numerator and denominator as summed counts (never rates), so any level above is a
 * ratio of summed counts. A count-type metric (e.g. 52-week waiters) has a null denominator.
 *
 * <pre>
 * month DATE, org_code STRING, metric_id STRING, numerator DECIMAL(18,1), denominator DECIMAL(18,1),
 * commissioner_code STRING
 * </pre>
 * {@code org_code} is the provider. {@code commissioner_code} is the commissioner the counts are
 * for where the return publishes them per commissioner (RTT), else null; a metric whose
 * {@code basis} (dim_metric) is {@code commissioner} reaches footprints through it.
 */
public final class MetricCounts {
    /** Counts can be fractional (cancer breaches shared 0.5/0.5 between providers). */
    public static final int PRECISION = 18;
    public static final int SCALE = 1;

    /** The type of a numerator or denominator. */
    public static final DecimalType COUNT_TYPE = DataTypes.createDecimalType(PRECISION, SCALE);

    public static final StructType SCHEMA = new StructType()
            .add("month", DataTypes.DateType, false)
            .add("org_code", DataTypes.StringType, false)
            .add("metric_id", DataTypes.StringType, false)
            .add("numerator", COUNT_TYPE, true)
            .add("denominator", COUNT_TYPE, true)
            .add("commissioner_code", DataTypes.StringType, true);

    /** The commissioner_code of a return published per provider only. */
    public static org.apache.spark.sql.Column noCommissioner() {
        return org.apache.spark.sql.functions.lit(null).cast(DataTypes.StringType).as("commissioner_code");
    }

    private MetricCounts() { }
}
