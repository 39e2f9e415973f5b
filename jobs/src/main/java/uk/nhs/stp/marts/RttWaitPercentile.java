package uk.nhs.stp.marts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

/**
 * Estimates a percentile of the RTT wait (e.g. the 92nd percentile, {@value #P92_METRIC_ID}) from
 * weekly band counts, per group of any level. A percentile is not a ratio of counts and cannot be
 * averaged: the bands of every provider in a group are summed first, and the estimate is made
 * once on that sum.
 *
 * <p>Input: band rows as written by {@link RttWaitBands}, at least {@code band_index INT},
 * {@code open_band_from_weeks INT}, {@code pathways_count} (LONG, or DECIMAL when weighted onto
 * footprints) and the group columns. Band i
 * counts waits of more than i and up to i+1 weeks; band N = {@code open_band_from_weeks} is the
 * open-ended band "more than N weeks".
 *
 * <p>Output, one row per group:
 * <pre>
 * &lt;group columns…&gt;, value_weeks DECIMAL(12,4), is_censored BOOLEAN
 * </pre>
 *
 * <p>Method (also in {@code docs/methods.md}, "RTT 92nd-percentile wait"):
 * <ol>
 *   <li>Fold: a group whose rows have different N (files of different years) takes the smallest
 *       N; every band at or above it goes into the open band "more than N weeks", which is what
 *       those bands mean once the finer ones cannot be told apart.</li>
 *   <li>Sum the band counts per group and band; total T = Σ all bands.</li>
 *   <li>Target rank r = q × T, in exact decimal arithmetic (so a rank on a band boundary stays
 *       on it).</li>
 *   <li>Walk the cumulative count C(i) = Σ bands 0…i; the percentile is in the first band i with
 *       C(i) ≥ r.</li>
 *   <li>Interpolate linearly inside that band, as if its waits were spread evenly over the week:
 *       value = i + (r − C(i−1)) / count(i). A rank on the boundary between bands i and i+1 gives
 *       i+1 weeks.</li>
 *   <li>Censoring: if that band is the open band N, the wait is only known to exceed N weeks:
 *       {@code value_weeks = N} (a lower bound) and {@code is_censored = true}.</li>
 *   <li>A group with no pathways (T = 0) has no percentile: {@code value_weeks} and
 *       {@code is_censored} are null.</li>
 * </ol>
 * The value is rounded half-up to 4 decimal places. DOMAIN.md §5 asks for the median and 92nd
 * percentile to be "estimated from the weekly bands (document the method; censored past the
 * last band)" and does not name the publisher's interpolation, so the even spread within a week
 * is this project's stated assumption.
 */
public final class RttWaitPercentile {
    /** Metric id of the 92nd-percentile wait of incomplete pathways, in weeks. */
    public static final String P92_METRIC_ID = "rtt_p92_weeks";
    /** The quantile of {@value #P92_METRIC_ID}. */
    public static final double P92 = 0.92;

    private static final DataType WEEKS = DataTypes.createDecimalType(12, 4);
    private static final DataType EXACT_COUNT = DataTypes.createDecimalType(38, 6);
    private static final StructType RESULT = new StructType()
            .add("value_weeks", WEEKS, true)
            .add("is_censored", DataTypes.BooleanType, true);
    // Working columns carry a prefix so that they never collide with a caller's group columns.
    private static final String BANDS = "pct_bands";
    private static final String RESULT_COLUMN = "pct_estimate";

    private RttWaitPercentile() { }

    /**
     * The {@code quantile} wait of each group of {@code groupColumns}; see the class comment.
     *
     * @param quantile between 0 and 1, exclusive (0.92 for the 92nd percentile)
     */
    public static Dataset<Row> estimate(Dataset<Row> bands, List<String> groupColumns, double quantile) {
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("quantile must be between 0 and 1 (exclusive), e.g. 0.92; got " + quantile);
        }
        Column[] group = columns(groupColumns);
        List<String> bandKey = new ArrayList<>(groupColumns);
        bandKey.addAll(List.of("band_index", "open_band_from_weeks"));
        // Each band summed first (a hash aggregation that combines before its shuffle: a group's
        // organisations collapse into one row per band), then each group's bands are gathered and
        // the walk below runs once per group. Counts may be fractional once weighted onto
        // footprints (weights have six places); the sums are exact.
        Dataset<Row> perBand = bands.groupBy(columns(bandKey))
                .agg(sum(col("pathways_count").cast(EXACT_COUNT)).cast(EXACT_COUNT).as("pathways_count"));
        Column band = struct(col("band_index").as("band"), col("open_band_from_weeks").as("open_from"),
                col("pathways_count").as("count"));
        BigDecimal q = BigDecimal.valueOf(quantile); // valueOf keeps 0.92 exactly 0.92
        UserDefinedFunction walk = udf((UDF1<scala.collection.Seq<Row>, Row>) rows -> {
            List<Band> list = new ArrayList<>(rows.size());
            for (Row r : CollectionConverters.asJava(rows)) list.add(new Band(r.getInt(0), r.getInt(1), r.getDecimal(2)));
            Estimate e = walk(list, q);
            return RowFactory.create(e.valueWeeks(), e.isCensored());
        }, RESULT);
        return perBand.groupBy(group).agg(collect_list(band).as(BANDS))
                .select(concat(group, walk.apply(col(BANDS)).as(RESULT_COLUMN)))
                .select(concat(group, col(RESULT_COLUMN + ".value_weeks").as("value_weeks"),
                        col(RESULT_COLUMN + ".is_censored").as("is_censored")));
    }

    /** One band's count: band i of a distribution whose open band is {@code openFrom}. */
    public record Band(int band, int openFrom, BigDecimal count) { }

    /** A percentile estimate; both fields null when the group has no pathways. */
    public record Estimate(BigDecimal valueWeeks, Boolean isCensored) { }

    /**
     * The method of the class comment on one group's bands (any order; a band may appear more than
     * once, its counts add up): fold to the smallest open band, sum, walk the cumulative counts,
     * interpolate or censor. Exact decimal arithmetic; the value rounded half-up to 4 places.
     */
    public static Estimate walk(List<Band> bands, BigDecimal quantile) {
        if (bands.isEmpty()) return new Estimate(null, null);
        int openFrom = Integer.MAX_VALUE;
        for (Band b : bands) openFrom = Math.min(openFrom, b.openFrom());
        java.util.TreeMap<Integer, BigDecimal> summed = new java.util.TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Band b : bands) {
            if (b.count() == null) continue;
            summed.merge(Math.min(b.band(), openFrom), b.count(), BigDecimal::add);
            total = total.add(b.count());
        }
        if (total.signum() <= 0) return new Estimate(null, null);
        BigDecimal rank = total.multiply(quantile);
        BigDecimal before = BigDecimal.ZERO;
        for (java.util.Map.Entry<Integer, BigDecimal> e : summed.entrySet()) {
            BigDecimal count = e.getValue();
            BigDecimal cumulative = before.add(count);
            // the first band whose cumulative count reaches the rank (an empty band never can)
            if (cumulative.compareTo(rank) >= 0 && before.compareTo(rank) < 0) {
                int i = e.getKey();
                if (i == openFrom) return new Estimate(BigDecimal.valueOf(i).setScale(4), true);
                BigDecimal within = rank.subtract(before).divide(count, MathContext.DECIMAL128);
                return new Estimate(BigDecimal.valueOf(i).add(within).setScale(4, RoundingMode.HALF_UP), false);
            }
            before = cumulative;
        }
        throw new IllegalStateException("no band holds rank " + rank + " of " + total); // unreachable: C(last) = T >= rank
    }

    private static Column[] columns(List<String> names) {
        Column[] out = new Column[names.size()];
        for (int i = 0; i < out.length; i++) out[i] = col(names.get(i));
        return out;
    }

    private static Column[] concat(Column[] group, Column... more) {
        Column[] out = new Column[group.length + more.length];
        System.arraycopy(group, 0, out, 0, group.length);
        System.arraycopy(more, 0, out, group.length, more.length);
        return out;
    }
}
