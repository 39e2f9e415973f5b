package uk.nhs.stp.marts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

/**
 * Every area's summed metric counts, month by month, kept in the derived layer
 * ({@code derived/<return>_area_metrics}, from {@code derived/<return>_metric_counts}) so that a
 * night which adds one month sums one month: a sum of a month depends on that month's counts only.
 *
 * <p>{@link #of} is the per-month step; its output, one row per area, month and metric:
 * <pre>
 * area_level STRING, area_code STRING, month DATE, metric_id STRING,
 * numerator DECIMAL(18,1), denominator DECIMAL(18,1), members ARRAY&lt;STRING&gt;
 * </pre>
 * <ul>
 *   <li>{@code england}: counts summed over every organisation (a ratio of summed counts, never an
 *       average of rates); members = the organisations with counts;</li>
 *   <li>{@code provider}: the organisation's own counts (summed over its commissioners); members =
 *       itself;</li>
 *   <li>{@code footprint} and {@code region} (with the maps): Σ count × weight over the area's
 *       organisations on the metric's basis ({@link FootprintMetrics}); members = those
 *       organisations (providers or commissioners). Organisations the map does not know are left
 *       out here and counted by {@link FootprintMetrics#unmapped}.</li>
 * </ul>
 * {@link #aggregated} turns any months into the input of {@link MetricMonth#finish}: orgs_submitted =
 * the month's members, orgs_expected = the members of any month, for the metric.
 *
 * <p>The footprint and region rows depend on the maps as well as on the month's counts; the
 * derivations name the maps in their inputs, so changed maps recompute every month.
 */
public final class MonthlyAreaMetrics {
    /** Raised whenever {@link #of} changes what it computes. */
    static final int VERSION = 1;

    private MonthlyAreaMetrics() { }

    /** England's rows of counts in {@link MetricCounts}' schema; see the class comment. */
    public static Dataset<Row> england(Dataset<Row> counts) {
        return sums(own(counts, List.of(ENGLAND)));
    }

    /** Each provider's rows of counts in {@link MetricCounts}' schema; see the class comment. */
    public static Dataset<Row> providers(Dataset<Row> counts) {
        return sums(own(counts, List.of(PROVIDER)));
    }

    /**
     * Each footprint's and region's rows (area_code = region_code, or the region's name where the
     * vintage has no region code, as in 2017); inputs as {@link FootprintMetrics#aggregate}.
     */
    public static Dataset<Row> footprints(Dataset<Row> counts, Dataset<Row> basis, Dataset<Row> providers,
                                          Dataset<Row> commissioners) {
        return sums(mapped(counts, basis, providers, commissioners));
    }

    /**
     * Every level of the class comment from counts of any months: England and providers, and
     * footprints and regions when the maps are given.
     *
     * @param basis         {@code metric_id, basis} (dim_metric)
     * @param providers     {@link FootprintMap#forVintage}, or null for no footprint levels
     * @param commissioners {@link FootprintMap#commissioners}, or null for no footprint levels
     */
    public static Dataset<Row> of(Dataset<Row> counts, Dataset<Row> basis, Dataset<Row> providers, Dataset<Row> commissioners) {
        Dataset<Row> contributions = own(counts, List.of(ENGLAND, PROVIDER));
        if (providers != null && commissioners != null) {
            contributions = contributions.union(mapped(counts, basis, providers, commissioners));
        }
        // every level summed by one grouping: one shuffle, not one per level
        return sums(contributions);
    }

    private static final String ENGLAND = "england";
    private static final String PROVIDER = "provider";

    /** An area a count row adds to, and the organisation it adds as a member. */
    private static Column area(Column level, Column code, Column member) {
        return struct(level.alias("area_level"), code.alias("area_code"), member.alias("member"));
    }

    /**
     * England's (every organisation's counts) and each provider's (its own) contributions, of the
     * given levels. A contribution is what a count row adds to one area: {@code area STRUCT<area_level,
     * area_code, member>, month, metric_id, numerator, denominator}.
     */
    private static Dataset<Row> own(Dataset<Row> counts, List<String> levels) {
        List<Column> areas = new ArrayList<>();
        if (levels.contains(ENGLAND)) areas.add(area(lit(ENGLAND), lit(MetricMonth.ENGLAND_CODE), col("org_code")));
        if (levels.contains(PROVIDER)) areas.add(area(lit(PROVIDER), col("org_code"), col("org_code")));
        return counts.select(explode(array(areas.toArray(new Column[0]))).alias("area"), col("month"), col("metric_id"),
                col("numerator"), col("denominator"));
    }

    /**
     * Footprints' and regions' contributions: Σ count × weight over the organisations on the
     * metric's basis; organisations the map does not know, and areas without a code, add nothing.
     */
    private static Dataset<Row> mapped(Dataset<Row> counts, Dataset<Row> basis, Dataset<Row> providers,
                                       Dataset<Row> commissioners) {
        Dataset<Row> weighted = FootprintMetrics.onBasis(counts, basis)
                .join(broadcast(FootprintMetrics.byBasis(providers, commissioners)), seq("basis", "map_code"));
        Column areas = array(area(lit("footprint"), col("footprint_code"), col("map_code")),
                area(lit("region"), coalesce(col("region_code"), col("region_name")), col("map_code")));
        return weighted.select(explode(areas).alias("area"), col("month"), col("metric_id"),
                        col("numerator").multiply(col("weight")).alias("numerator"),
                        col("denominator").multiply(col("weight")).alias("denominator"))
                .filter(col("area.area_code").isNotNull());
    }

    /** Contributions summed per area, month and metric, in the output of {@link #of}. */
    private static Dataset<Row> sums(Dataset<Row> contributions) {
        return contributions.groupBy(col("area.area_level").alias("area_level"), col("area.area_code").alias("area_code"),
                        col("month"), col("metric_id"))
                .agg(sum("numerator").alias("numerator"), sum("denominator").alias("denominator"),
                        sort_array(collect_set(col("area.member"))).alias("members"))
                .select(col("area_level"), col("area_code"), col("month"), col("metric_id"),
                        count("numerator"), count("denominator"), col("members"));
    }

    /** Rows of {@link #of} (any months, any levels) as the aggregated input of {@link MetricMonth#finish}. */
    public static Dataset<Row> aggregated(Dataset<Row> monthly) {
        // orgs_expected over every month of the series: a window over the series (one shuffle), not
        // a grouping joined back to the rows. The set of the months' member lists, not the list: the
        // union is evaluated on every row, and most months repeat the same members, so each row's
        // work grows with the distinct lists rather than with the months (quadratic over a decade)
        Column expected = size(array_distinct(flatten(collect_set("members")
                .over(Window.partitionBy("area_level", "area_code", "metric_id")))));
        return monthly.select(col("area_level"), col("area_code"), col("month"), col("metric_id"), col("numerator"),
                col("denominator"), lit(null).cast(MetricMonth.VALUE_TYPE).alias("value"),
                lit(false).alias("is_censored"), size(col("members")).alias("orgs_submitted"), expected.alias("orgs_expected"));
    }

    /** The derived table of a return's area sums, beside its metric counts. */
    public static String table(DerivedTables.Derivation counts) {
        return counts.name().replace("_metric_counts", "_area_metrics");
    }

    /**
     * One derivation per return of {@link DerivedTables#COUNTS}, each from that return's derived
     * counts (so listed after them).
     *
     * @param mapIdentity what identifies the maps (their vintage and the fingerprints of the tables
     *                    they come from); a month derived with other maps is recomputed
     */
    public static List<DerivedTables.Derivation> derivations(Dataset<Row> basis, Dataset<Row> providers,
                                                             Dataset<Row> commissioners, String mapIdentity) {
        List<DerivedTables.Derivation> out = new ArrayList<>();
        for (DerivedTables.Derivation counts : DerivedTables.COUNTS) {
            out.add(new DerivedTables.Derivation(table(counts), counts.name(), VERSION,
                    c -> of(c, basis, providers, commissioners),
                    providers == null ? "no footprint map" : mapIdentity));
        }
        return out;
    }

    private static Column count(String column) {
        return col(column).cast(MetricMonth.COUNT_TYPE).alias(column);
    }

    private static scala.collection.immutable.Seq<String> seq(String... columns) {
        return CollectionConverters.asScala(List.of(columns)).toSeq();
    }
}
