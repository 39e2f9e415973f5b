package uk.nhs.stp.marts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

import java.util.List;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;

/**
 * The A&E metrics of each organisation and month as {@link MetricCounts} rows.
 *
 * <p>Input: {@code ae_attendances} (conformed) with at least {@code month}, {@code org_code},
 * {@code is_control_row}, the six attendance columns {@code attendances_[booked_]type_1_count},
 * {@code …type_2_count}, {@code …other_count}, the six matching {@code over_4h_…_count} columns
 * and {@code dta_12h_plus_count}.
 *
 * <p>Output: {@link MetricCounts#SCHEMA}, one row per month × organisation ({@code org_code}, a
 * trust or a site, as reported) × metric:
 * <ul>
 *   <li>{@value #FOUR_HOURS}: denominator = Σ the six attendance columns (all department types,
 *       unbooked and booked); numerator = that minus Σ the six over-4-hours columns, i.e. the
 *       attendances within four hours.</li>
 *   <li>{@value #FOUR_HOURS_TYPE_1}: the same over type 1 only ({@code attendances_type_1_count +
 *       attendances_booked_type_1_count}, {@code over_4h_type_1_count + over_4h_booked_type_1_count}).</li>
 *   <li>{@value #TWELVE_HOURS_FROM_DECISION}: numerator = Σ {@code dta_12h_plus_count}, no
 *       denominator; only rows where it is published.</li>
 * </ul>
 * Booked-appointment attendances are published in addition to the unbooked ones (not inside
 * them), and NHS England's headline four-hour figure counts both, so both are summed. A null
 * column counts as zero (a file shape without booked columns, a department type the tidy
 * history leaves out), but a row with every attendance column of a metric null says nothing
 * about that metric and adds no row for it. The national TOTAL row is a control row and is left
 * out.
 */
public final class AeMetricCounts {
    /** Headline four-hour standard, all department types, booked appointments included. */
    public static final String FOUR_HOURS = "ae_4h";
    /** Four-hour standard at type 1 (major) departments, booked appointments included. */
    public static final String FOUR_HOURS_TYPE_1 = "ae_4h_type1";
    /** Patients waiting 12 hours or more from decision to admit to admission (a count). */
    public static final String TWELVE_HOURS_FROM_DECISION = "ae_12h_dta";

    static final List<String> ATTENDANCES = List.of("attendances_type_1_count", "attendances_type_2_count",
            "attendances_other_count", "attendances_booked_type_1_count", "attendances_booked_type_2_count",
            "attendances_booked_other_count");
    static final List<String> OVER_4H = List.of("over_4h_type_1_count", "over_4h_type_2_count",
            "over_4h_other_count", "over_4h_booked_type_1_count", "over_4h_booked_type_2_count",
            "over_4h_booked_other_count");
    static final List<String> ATTENDANCES_TYPE_1 = List.of("attendances_type_1_count", "attendances_booked_type_1_count");
    static final List<String> OVER_4H_TYPE_1 = List.of("over_4h_type_1_count", "over_4h_booked_type_1_count");

    private static final DataType COUNT = MetricCounts.COUNT_TYPE;

    private AeMetricCounts() { }

    /** The three A&E metrics per month and organisation; see the class comment. */
    public static Dataset<Row> from(Dataset<Row> aeAttendances) {
        Dataset<Row> organisations = aeAttendances.filter(not(col("is_control_row")));
        return fourHours(organisations, FOUR_HOURS, ATTENDANCES, OVER_4H)
                .unionByName(fourHours(organisations, FOUR_HOURS_TYPE_1, ATTENDANCES_TYPE_1, OVER_4H_TYPE_1))
                .unionByName(twelveHoursFromDecision(organisations));
    }

    /** Attendances within four hours over all attendances, summed over the given columns. */
    private static Dataset<Row> fourHours(Dataset<Row> rows, String metricId, List<String> attendances,
                                          List<String> over4h) {
        return rows.filter(anyPublished(attendances))
                .groupBy(col("month"), col("org_code"))
                .agg(sum(sumOfZeroIfNull(attendances)).as("attended"), sum(sumOfZeroIfNull(over4h)).as("over"))
                .select(col("month"), col("org_code"), lit(metricId).as("metric_id"),
                        col("attended").minus(col("over")).cast(COUNT).as("numerator"),
                        col("attended").cast(COUNT).as("denominator"), MetricCounts.noCommissioner());
    }

    private static Dataset<Row> twelveHoursFromDecision(Dataset<Row> rows) {
        return rows.filter(col("dta_12h_plus_count").isNotNull())
                .groupBy(col("month"), col("org_code"))
                .agg(sum("dta_12h_plus_count").as("waits"))
                .select(col("month"), col("org_code"), lit(TWELVE_HOURS_FROM_DECISION).as("metric_id"),
                        col("waits").cast(COUNT).as("numerator"), lit(null).cast(COUNT).as("denominator"),
                        MetricCounts.noCommissioner());
    }

    private static Column anyPublished(List<String> columns) {
        Column any = lit(false);
        for (String c : columns) any = any.or(col(c).isNotNull());
        return any;
    }

    private static Column sumOfZeroIfNull(List<String> columns) {
        Column total = lit(0L);
        for (String c : columns) total = total.plus(coalesce(col(c), lit(0L)));
        return total;
    }
}
