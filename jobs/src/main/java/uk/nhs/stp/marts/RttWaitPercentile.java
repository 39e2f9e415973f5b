package uk.nhs.stp.marts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

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
    // Working columns carry a prefix so that they never collide with a caller's group columns.
    private static final String BAND = "pct_band";
    private static final String OPEN_FROM = "pct_open_from";
    private static final String COUNT = "pct_count";

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
        WindowSpec wholeGroup = Window.partitionBy(group);

        // Phase 1: fold to the group's smallest open band and sum per band
        List<Column> groupAndBand = new ArrayList<>(List.of(group));
        groupAndBand.add(col(BAND));
        groupAndBand.add(col(OPEN_FROM));
        Dataset<Row> summed = bands
                .withColumn(OPEN_FROM, min("open_band_from_weeks").over(wholeGroup))
                .withColumn(BAND, least(col("band_index"), col(OPEN_FROM)))
                .groupBy(groupAndBand.toArray(new Column[0]))
                .agg(sum("pathways_count").as(COUNT));

        // Phase 2: rank and cumulative counts; BigDecimal.valueOf keeps 0.92 exactly 0.92
        // counts may be fractional once weighted onto footprints: six places keep them exact
        Column rank = sum(COUNT).over(wholeGroup).cast(DataTypes.createDecimalType(26, 6))
                .multiply(lit(BigDecimal.valueOf(quantile)));
        Column cumulative = sum(COUNT).over(Window.partitionBy(group).orderBy(BAND)
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow()));
        Column cumulativeBefore = cumulative.minus(col(COUNT));
        // Exactly one band per non-empty group passes: the first whose cumulative count reaches the rank
        // (an empty band cannot pass, its cumulative count equals the one before it).
        Column holdsRank = cumulative.geq(rank).and(cumulativeBefore.lt(rank));
        Column censored = col(BAND).equalTo(col(OPEN_FROM));
        Column interpolated = col(BAND).plus(rank.minus(cumulativeBefore).divide(col(COUNT)));
        Column value = when(censored, col(OPEN_FROM)).otherwise(interpolated).cast(WEEKS);

        // Phase 3: one row per group; a group with no pathways has no band holding the rank, so nulls
        return summed
                .select(concat(group, when(holdsRank, value).as("value_weeks"),
                        when(holdsRank, censored).as("is_censored")))
                .groupBy(group)
                .agg(max("value_weeks").as("value_weeks"), max("is_censored").as("is_censored"));
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
