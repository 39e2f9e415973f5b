package uk.nhs.stp.marts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import scala.jdk.javaapi.CollectionConverters;

import java.util.List;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Provider counts attributed to footprints and regions through a {@link FootprintMap}, and the
 * activity no footprint receives. Pure transforms. Every metric here is provider-based: a
 * provider's counts go to the footprint(s) the map puts the provider in.
 *
 * <p>Inputs: {@code counts} in the {@link MetricCounts} schema ({@code month, org_code, metric_id,
 * numerator, denominator}); {@code mapping} from {@link FootprintMap#forVintage}
 * ({@code org_code, footprint_code, footprint_name, region_code, region_name, weight}).
 */
public final class FootprintMetrics {
    static final DataType SHARE_TYPE = DataTypes.createDecimalType(7, 3);

    private FootprintMetrics() { }

    /**
     * Aggregated rows (the input of {@link MetricMonth#finish}: {@code area_level, area_code, month,
     * metric_id, numerator, denominator, value, is_censored, orgs_submitted, orgs_expected}) at two
     * levels: {@code footprint} (area_code = footprint_code) and {@code region} (area_code =
     * region_code, or the region's name where the vintage has no region code, as in 2017). Grain:
     * one row per level, area, month and metric with mapped counts. Numerator and denominator are
     * Σ count × weight over the area's providers (a ratio of these sums, never an average of
     * rates); orgs_submitted = providers of the area with counts that month, orgs_expected =
     * providers of the area with counts for the metric in any month. Providers the map does not
     * know are left out here and counted by {@link #unmapped}.
     */
    public static Dataset<Row> aggregate(Dataset<Row> counts, Dataset<Row> mapping) {
        Dataset<Row> weighted = counts.join(broadcast(mapping), "org_code")
                .withColumn("w_numerator", col("numerator").multiply(col("weight")))
                .withColumn("w_denominator", col("denominator").multiply(col("weight")));
        return level(weighted, "footprint", col("footprint_code"))
                .unionByName(level(weighted, "region", coalesce(col("region_code"), col("region_name"))));
    }

    private static Dataset<Row> level(Dataset<Row> weighted, String areaLevel, Column areaCode) {
        Dataset<Row> withArea = weighted.withColumn("area_code", areaCode).filter(col("area_code").isNotNull());
        Dataset<Row> expected = withArea.groupBy("area_code", "metric_id")
                .agg(countDistinct("org_code").cast("int").alias("orgs_expected"));
        return withArea.groupBy("area_code", "month", "metric_id")
                .agg(sum("w_numerator").alias("numerator"), sum("w_denominator").alias("denominator"),
                        countDistinct("org_code").cast("int").alias("orgs_submitted"))
                .join(expected, CollectionConverters.asScala(List.of("area_code", "metric_id")).toSeq())
                .select(lit(areaLevel).alias("area_level"), col("area_code"), col("month"), col("metric_id"),
                        col("numerator").cast(MetricMonth.COUNT_TYPE).alias("numerator"),
                        col("denominator").cast(MetricMonth.COUNT_TYPE).alias("denominator"),
                        lit(null).cast(MetricMonth.VALUE_TYPE).alias("value"), lit(false).alias("is_censored"),
                        col("orgs_submitted"), col("orgs_expected"));
    }

    /**
     * Data quality: the activity of providers the map does not know, which no footprint or region
     * receives (it is counted here, never silently dropped). Grain: one row per month and metric of
     * {@code counts}. Output: {@code month, metric_id, unmapped_orgs} (int: providers with counts
     * that month and no footprint), {@code unmapped_denominator} (Σ their denominators; for a count
     * metric, which has none, Σ their numerators), {@code national_denominator} (the same sum over
     * every provider), {@code unmapped_share_pct} (DECIMAL(7,3): 100 × unmapped / national; null when
     * the national sum is 0). A provider mapped with weights summing below 1 is not counted here.
     */
    public static Dataset<Row> unmapped(Dataset<Row> counts, Dataset<Row> mapping) {
        Dataset<Row> known = mapping.select("org_code").distinct().withColumn("is_mapped", lit(true));
        Column activity = coalesce(col("denominator"), col("numerator"));
        Column isUnmapped = col("is_mapped").isNull();
        return counts.join(broadcast(known), "org_code", "left")
                .groupBy("month", "metric_id")
                .agg(countDistinct(when(isUnmapped, col("org_code"))).cast("int").alias("unmapped_orgs"),
                        coalesce(sum(when(isUnmapped, activity)), lit(0)).cast(MetricMonth.COUNT_TYPE)
                                .alias("unmapped_denominator"),
                        sum(activity).cast(MetricMonth.COUNT_TYPE).alias("national_denominator"))
                .withColumn("unmapped_share_pct", when(col("national_denominator").gt(0),
                        col("unmapped_denominator").multiply(100).divide(col("national_denominator"))).cast(SHARE_TYPE));
    }
}
