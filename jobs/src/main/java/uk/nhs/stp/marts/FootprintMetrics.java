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
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static uk.nhs.stp.spark.Aggregates.distinctCount;

/**
 * Counts attributed to footprints and regions through the maps of one vintage
 * ({@link FootprintMap}), and the activity no footprint receives. Pure transforms.
 *
 * <p>Each metric reaches footprints on its {@code basis} (dim_metric): a {@code provider} metric
 * through the provider ({@code org_code}) and the providers' map, a {@code commissioner} metric
 * through the commissioner ({@code commissioner_code}) and the commissioners' map — RTT waiting
 * lists are counted where the patients' commissioners are, wherever they are treated.
 *
 * <p>Inputs: {@code counts} in the {@link MetricCounts} schema ({@code month, org_code, metric_id,
 * numerator, denominator, commissioner_code}); {@code basis}: {@code metric_id, basis};
 * {@code providers} and {@code commissioners} from {@link FootprintMap#forVintage} and
 * {@link FootprintMap#commissioners} ({@code org_code, footprint_code, footprint_name,
 * region_code, region_name, weight}).
 */
public final class FootprintMetrics {
    static final DataType SHARE_TYPE = DataTypes.createDecimalType(7, 3);
    /** dim_metric.basis of a metric mapped through the provider. */
    public static final String PROVIDER_BASIS = "provider";
    /** dim_metric.basis of a metric mapped through the commissioner. */
    public static final String COMMISSIONER_BASIS = "commissioner";

    private FootprintMetrics() { }

    /**
     * Counts keyed by the organisation their metric's basis maps through: adds {@code basis} and
     * {@code map_code} (the provider or the commissioner).
     */
    static Dataset<Row> onBasis(Dataset<Row> counts, Dataset<Row> basis) {
        return counts.join(broadcast(basis.select("metric_id", "basis")), "metric_id")
                .withColumn("map_code", when(col("basis").equalTo(COMMISSIONER_BASIS), col("commissioner_code"))
                        .otherwise(col("org_code")));
    }

    /** Both maps in one, each row tagged with the basis it serves. */
    static Dataset<Row> byBasis(Dataset<Row> providers, Dataset<Row> commissioners) {
        return providers.withColumn("basis", lit(PROVIDER_BASIS))
                .unionByName(commissioners.withColumn("basis", lit(COMMISSIONER_BASIS)))
                .withColumnRenamed("org_code", "map_code");
    }

    /**
     * Aggregated rows (the input of {@link MetricMonth#finish}: {@code area_level, area_code, month,
     * metric_id, numerator, denominator, value, is_censored, orgs_submitted, orgs_expected}) at two
     * levels: {@code footprint} (area_code = footprint_code) and {@code region} (area_code =
     * region_code, or the region's name where the vintage has no region code, as in 2017). Grain:
     * one row per level, area, month and metric with mapped counts. Numerator and denominator are
     * Σ count × weight over the area's organisations on the metric's basis (a ratio of these sums,
     * never an average of rates); orgs_submitted = those organisations (providers or commissioners)
     * with counts that month, orgs_expected = those with counts for the metric in any month.
     * Organisations the map does not know are left out here and counted by {@link #unmapped}. A
     * build takes the same rows month by month from the derived layer ({@link MonthlyAreaMetrics}).
     */
    public static Dataset<Row> aggregate(Dataset<Row> counts, Dataset<Row> basis, Dataset<Row> providers,
                                         Dataset<Row> commissioners) {
        return MonthlyAreaMetrics.aggregated(MonthlyAreaMetrics.footprints(counts, basis, providers, commissioners));
    }

    /**
     * The RTT 92nd-percentile wait of each footprint and region, as aggregated rows of
     * {@value RttWaitPercentile#P92_METRIC_ID} ({@link MetricMonth#waitPercentiles} of
     * {@link #bandsByArea}). orgs_submitted / orgs_expected count the area's commissioners with
     * pathways that month / in any month.
     */
    public static Dataset<Row> waitPercentiles(Dataset<Row> bands, Dataset<Row> commissioners) {
        return MetricMonth.waitPercentiles(bandsByArea(bands, commissioners));
    }

    /**
     * The band counts of {@link RttWaitBands} attributed to footprints and regions by commissioner
     * (the RTT metrics' basis), × weight, in the input of {@link MetricMonth#waitPercentiles}: the
     * percentile of an area is estimated once on the sum of its commissioners' distributions.
     * {@code member_code} is the commissioner.
     */
    public static Dataset<Row> bandsByArea(Dataset<Row> bands, Dataset<Row> commissioners) {
        Dataset<Row> weighted = bands.join(broadcast(commissioners.withColumnRenamed("org_code", "commissioner_code")),
                        "commissioner_code")
                .withColumn("pathways_count", col("pathways_count").multiply(col("weight")));
        return MetricMonth.areaBands(weighted, "footprint", col("footprint_code"), col("commissioner_code"))
                .unionByName(MetricMonth.areaBands(weighted, "region", coalesce(col("region_code"), col("region_name")),
                        col("commissioner_code")));
    }

    private static scala.collection.immutable.Seq<String> seq(String... columns) {
        return CollectionConverters.asScala(List.of(columns)).toSeq();
    }

    /**
     * Data quality: the activity of organisations the maps do not know (on each metric's basis:
     * providers, or commissioners), which no footprint or region receives (it is counted here,
     * never silently dropped). Grain: one row per month and metric of {@code counts}. Output:
     * {@code month, metric_id, unmapped_orgs} (int: organisations on the basis with counts that
     * month and no footprint; a missing commissioner code counts as one), {@code unmapped_denominator}
     * (Σ their denominators; for a count metric, which has none, Σ their numerators),
     * {@code national_denominator} (the same sum over every organisation), {@code unmapped_share_pct}
     * (DECIMAL(7,3): 100 × unmapped / national; null when the national sum is 0). An organisation
     * mapped with weights summing below 1 is not counted here.
     */
    public static Dataset<Row> unmapped(Dataset<Row> counts, Dataset<Row> basis, Dataset<Row> providers,
                                        Dataset<Row> commissioners) {
        Dataset<Row> known = byBasis(providers, commissioners).select("basis", "map_code").distinct()
                .withColumn("is_mapped", lit(true));
        Column activity = coalesce(col("denominator"), col("numerator"));
        Column isUnmapped = col("is_mapped").isNull();
        return onBasis(counts, basis).join(broadcast(known), seq("basis", "map_code"), "left")
                .groupBy("month", "metric_id")
                .agg(distinctCount(when(isUnmapped, coalesce(col("map_code"), lit("(none)")))).alias("unmapped_orgs"),
                        coalesce(sum(when(isUnmapped, activity)), lit(0)).cast(MetricMonth.COUNT_TYPE)
                                .alias("unmapped_denominator"),
                        sum(activity).cast(MetricMonth.COUNT_TYPE).alias("national_denominator"))
                .withColumn("unmapped_share_pct", when(col("national_denominator").gt(0),
                        col("unmapped_denominator").multiply(100).divide(col("national_denominator"))).cast(SHARE_TYPE));
    }
}
