package uk.nhs.stp.marts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import scala.jdk.javaapi.CollectionConverters;

import java.util.List;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;

/**
 * The RTT 92nd-percentile wait of every area, month by month, kept in the derived layer
 * ({@code derived/rtt_wait_percentiles}) so that a night which adds one month estimates one month:
 * a percentile is estimated from one month's band distribution only ({@link RttWaitPercentile}),
 * so the months already estimated stay as they are.
 *
 * <p>{@link #of} is the per-month step; its output, one row per area and month:
 * <pre>
 * area_level STRING, area_code STRING, month DATE, value_weeks DECIMAL(12,4), is_censored BOOLEAN,
 * members ARRAY&lt;STRING&gt;
 * </pre>
 * {@code members} are the area's members with band rows that month (providers for England,
 * the provider itself, commissioners for footprints and regions), sorted. {@link #aggregated} turns
 * the months into the metric-month input of {@link MetricMonth#finish}: orgs_submitted = the
 * month's members, orgs_expected = the members of any month — the counts
 * {@link MetricMonth#waitPercentiles} defines.
 *
 * <p>The footprint and region rows depend on the commissioner map as well as on the month's rows;
 * {@link #derivation} names the map in the derivation's inputs, so a changed map recomputes every
 * month.
 */
public final class MonthlyWaitPercentiles {
    /** The derived table. */
    public static final String TABLE = "rtt_wait_percentiles";
    /** Raised whenever {@link #of} or the band rows it reads change what they compute. */
    static final int VERSION = 1;

    private MonthlyWaitPercentiles() { }

    /**
     * Each area's estimate and members per month, from band rows by area ({@link MetricMonth#bandsByArea},
     * {@link FootprintMetrics#bandsByArea}; levels may be mixed); see the class comment. Like the
     * rows of {@link RttWaitBands}, every member with band rows has a row for band 0.
     */
    public static Dataset<Row> of(Dataset<Row> bandsByArea) {
        // Every member's band 0 is kept, even empty (RttWaitBands), so the members are those of band 0:
        // about a hundredth of the rows to gather, before the shuffle
        Dataset<Row> members = bandsByArea.filter(col("band_index").equalTo(0)).groupBy("area_level", "area_code", "month")
                .agg(sort_array(collect_set("member_code")).alias("members"));
        return RttWaitPercentile.estimate(bandsByArea, List.of("area_level", "area_code", "month"), RttWaitPercentile.P92)
                .join(members, seq("area_level", "area_code", "month"))
                .select("area_level", "area_code", "month", "value_weeks", "is_censored", "members");
    }

    /**
     * The per-month estimates of {@link #of} (any months, any levels) as aggregated rows of
     * {@value RttWaitPercentile#P92_METRIC_ID}, the input of {@link MetricMonth#finish}.
     */
    public static Dataset<Row> aggregated(Dataset<Row> monthly) {
        // orgs_expected over every month of the area: a window (one shuffle), not a grouping joined
        // back; the distinct member lists, as in MonthlyAreaMetrics.aggregated
        Column expected = size(array_distinct(flatten(collect_set("members")
                .over(Window.partitionBy("area_level", "area_code")))));
        return monthly.select(col("area_level"), col("area_code"), col("month"),
                lit(RttWaitPercentile.P92_METRIC_ID).alias("metric_id"),
                lit(null).cast(MetricMonth.COUNT_TYPE).alias("numerator"),
                lit(null).cast(MetricMonth.COUNT_TYPE).alias("denominator"),
                col("value_weeks").cast(MetricMonth.VALUE_TYPE).alias("value"), col("is_censored"),
                size(col("members")).alias("orgs_submitted"), expected.alias("orgs_expected"));
    }

    /**
     * The derivation of {@value #TABLE} from {@code rtt_pathways}: England's and each provider's
     * estimates, and each footprint's and region's when a commissioner map is given.
     *
     * @param commissioners the commissioner → footprint map ({@link FootprintMap#commissioners}), or null
     * @param mapIdentity   what identifies that map (its vintage and the fingerprints of the tables
     *                      it comes from); a month derived with another map is recomputed
     */
    public static DerivedTables.Derivation derivation(Dataset<Row> commissioners, String mapIdentity) {
        return new DerivedTables.Derivation(TABLE, "rtt_pathways", VERSION, rttPathways -> {
            Dataset<Row> bands = RttWaitBands.from(rttPathways);
            Dataset<Row> byArea = MetricMonth.bandsByArea(bands);
            if (commissioners != null) byArea = byArea.unionByName(FootprintMetrics.bandsByArea(bands, commissioners));
            return of(byArea);
        }, commissioners == null ? "no footprint map" : mapIdentity);
    }

    private static scala.collection.immutable.Seq<String> seq(String... columns) {
        return CollectionConverters.asScala(List.of(columns)).toSeq();
    }
}
