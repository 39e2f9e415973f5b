package uk.nhs.stp.marts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import java.util.List;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * Metric-month marts from {@link MetricCounts}: sums at an area level, then values, targets and a
 * dense grid. Pure transforms.
 *
 * <p>Aggregated rows (the input of {@link #finish}) have: {@code area_level, area_code, month,
 * metric_id, numerator, denominator, value} (precomputed only for estimates such as the RTT
 * 92nd percentile, else null), {@code is_censored, orgs_submitted, orgs_expected}.
 */
public final class MetricMonth {
    /** ONS code for England, the area code of national rows. */
    public static final String ENGLAND_CODE = "E92000001";

    private MetricMonth() { }

    /**
     * England: per month and metric, counts summed over every organisation (a ratio of summed
     * counts, never an average of rates); orgs_submitted = organisations with data that month,
     * orgs_expected = organisations with data for the metric in any month of the input. A build
     * takes the same rows month by month from the derived layer ({@link MonthlyAreaMetrics}).
     */
    public static Dataset<Row> englandTotals(Dataset<Row> counts) {
        return MonthlyAreaMetrics.aggregated(MonthlyAreaMetrics.england(counts));
    }

    /** Providers: per organisation, month and metric (a provider that submitted counts itself once). */
    public static Dataset<Row> providerTotals(Dataset<Row> counts) {
        return MonthlyAreaMetrics.aggregated(MonthlyAreaMetrics.providers(counts));
    }

    /**
     * Estimates (e.g. the RTT 92nd percentile) as aggregated rows: input {@code area_code, month,
     * value_weeks, is_censored} and, optionally, {@code orgs_submitted} and {@code orgs_expected}
     * (else 1, as for a single provider).
     */
    public static Dataset<Row> estimates(Dataset<Row> estimates, String areaLevel, String metricId) {
        List<String> columns = List.of(estimates.columns());
        Column submitted = columns.contains("orgs_submitted") ? col("orgs_submitted").cast("int") : lit(1);
        Column expected = columns.contains("orgs_expected") ? col("orgs_expected").cast("int") : lit(1);
        return estimates.select(lit(areaLevel).alias("area_level"), col("area_code"), col("month"),
                lit(metricId).alias("metric_id"), lit(null).cast(COUNT_TYPE).alias("numerator"),
                lit(null).cast(COUNT_TYPE).alias("denominator"), col("value_weeks").cast(VALUE_TYPE).alias("value"),
                col("is_censored"), submitted.alias("orgs_submitted"), expected.alias("orgs_expected"));
    }

    /**
     * England's and each provider's RTT wait bands ({@link RttWaitBands}) in the input of
     * {@link #waitPercentiles}: England's distribution is every provider's bands ({@code member_code}
     * the provider), a provider's its own.
     */
    public static Dataset<Row> bandsByArea(Dataset<Row> bands) {
        return areaBands(bands, "england", lit(ENGLAND_CODE), col("org_code"))
                .unionByName(areaBands(bands, "provider", col("org_code"), col("org_code")));
    }

    /** Band rows of one area level: {@code area_level, area_code, member_code, month, band_index, open_band_from_weeks, pathways_count}. */
    static Dataset<Row> areaBands(Dataset<Row> bands, String areaLevel, Column areaCode, Column memberCode) {
        return bands.select(lit(areaLevel).alias("area_level"), areaCode.alias("area_code"), memberCode.alias("member_code"),
                        col("month"), col("band_index"), col("open_band_from_weeks"), col("pathways_count"))
                .filter(col("area_code").isNotNull());
    }

    /**
     * The RTT 92nd-percentile wait ({@link RttWaitPercentile}) of every area of {@code bandsByArea}
     * ({@link #bandsByArea}, {@link FootprintMetrics#bandsByArea}; levels may be mixed), estimated in
     * one pass, as aggregated rows of {@value RttWaitPercentile#P92_METRIC_ID}: orgs_submitted = the
     * area's members with pathways that month, orgs_expected = those with pathways in any month.
     * A build takes the same rows month by month from the derived layer ({@link MonthlyWaitPercentiles}).
     */
    public static Dataset<Row> waitPercentiles(Dataset<Row> bandsByArea) {
        return MonthlyWaitPercentiles.aggregated(MonthlyWaitPercentiles.of(bandsByArea));
    }

    static final org.apache.spark.sql.types.DataType COUNT_TYPE = MetricCounts.COUNT_TYPE;
    static final org.apache.spark.sql.types.DataType VALUE_TYPE = DataTypes.createDecimalType(12, 4);

    /**
     * The finished mart: every (area, metric) pair with data in any month gets a row for every month
     * of {@code months} (a month without data is a row with {@code has_data = false}, not a gap);
     * {@code value} is 100 × numerator / denominator for a {@code pct} metric, the numerator for a
     * {@code count}, the estimate for {@code weeks}; {@code target} is the standard valid that month
     * (from {@code targets}: metric_id, standard_pct, standard_count, valid_from, valid_to) and
     * {@code target_met} compares the value with it in the metric's direction.
     *
     * @param aggregated at most one row per area, metric and month, as the derived layer writes them
     *                   (two would fail the query: each series' months are looked up by date)
     * @param metrics    dim_metric: metric_id, unit, direction
     * @param months     one column {@code month}
     */
    public static Dataset<Row> finish(Dataset<Row> aggregated, Dataset<Row> metrics, Dataset<Row> targets,
                                      Dataset<Row> months, String footprintVintage) {
        // each series grouped once, its months by date; the grid is every month of `months` looked up
        // in them (a month without data finds nothing): one shuffle, no join of the rows back to the grid
        Dataset<Row> series = aggregated.groupBy("area_level", "area_code", "metric_id")
                .agg(max("orgs_expected").alias("orgs_expected"),
                        map_from_entries(collect_list(struct(col("month"), struct(col("numerator"), col("denominator"),
                                col("value"), col("is_censored"), col("orgs_submitted")))))
                                .alias("by_month"));
        Dataset<Row> withData = series.crossJoin(broadcast(months))
                .select(col("area_level"), col("area_code"), col("metric_id"), col("month"), col("orgs_expected"),
                        element_at(col("by_month"), col("month")).alias("data"))
                .select(col("area_level"), col("area_code"), col("metric_id"), col("month"), col("orgs_expected"),
                        col("data.numerator").alias("numerator"), col("data.denominator").alias("denominator"),
                        col("data.value").alias("value"), col("data.is_censored").alias("is_censored"),
                        col("data.orgs_submitted").alias("orgs_submitted"))
                .join(broadcast(metrics.select("metric_id", "unit", "direction")), "metric_id");
        Column value = when(col("unit").equalTo("pct").and(col("denominator").gt(0)),
                        col("numerator").multiply(100).divide(col("denominator")))
                .when(col("unit").equalTo("count"), col("numerator"))
                .otherwise(col("value"));
        Dataset<Row> valued = withData
                .withColumn("has_data", col("numerator").isNotNull().or(col("value").isNotNull()))
                .withColumn("value", value.cast(VALUE_TYPE));
        Dataset<Row> t = targets.select(col("metric_id").alias("t_metric"), col("valid_from"), col("valid_to"),
                coalesce(col("standard_pct").cast(VALUE_TYPE), col("standard_count").cast(VALUE_TYPE)).alias("t_value"));
        Column applies = col("metric_id").equalTo(col("t_metric")).and(col("month").geq(col("valid_from")))
                .and(col("valid_to").isNull().or(col("month").leq(col("valid_to"))));
        Dataset<Row> targeted = valued.join(broadcast(t), applies, "left");
        Column met = when(col("value").isNull().or(col("t_value").isNull()), lit(null).cast("boolean"))
                .when(col("direction").equalTo("higher_is_better"), col("value").geq(col("t_value")))
                .otherwise(col("value").leq(col("t_value")));
        return targeted.select(col("area_level"), col("area_code"), col("month"), col("metric_id"),
                col("numerator"), col("denominator"), col("value"), col("unit"),
                coalesce(col("is_censored"), lit(false)).alias("is_censored"),
                col("t_value").alias("target"), met.alias("target_met"), col("has_data"),
                coalesce(col("orgs_submitted"), lit(0)).alias("orgs_submitted"),
                col("orgs_expected"), lit(footprintVintage).alias("footprint_vintage"));
    }
}
