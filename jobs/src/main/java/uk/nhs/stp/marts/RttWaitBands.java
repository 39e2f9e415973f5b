package uk.nhs.stp.marts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.udf;

/**
 * The wait distribution of each provider's incomplete pathways in long format: one row per weekly
 * band. Unlike a percentile, band counts add up, so any level (footprint, region, England) gets
 * its distribution by summing these rows over its providers, and {@link RttWaitPercentile}
 * estimates the percentile from that sum.
 *
 * <p>Input: {@code rtt_pathways} (conformed) with at least {@code month}, {@code provider_org_code}, {@code commissioner_org_code},
 * {@code rtt_part_type}, {@code is_control_row}, {@code weeks_band_counts},
 * {@code open_band_from_weeks}. Only {@code Part_2} rows that are not control rows are used, as
 * in {@link RttMetricCounts} ({@code C_999} would count every pathway twice; {@code Part_2A} is a
 * subset of {@code Part_2}).
 *
 * <p>Output, one row per month × provider × commissioner × band:
 * <pre>
 * month DATE, org_code STRING (= provider_org_code), commissioner_code STRING (= commissioner_org_code),
 * band_index INT, open_band_from_weeks INT, pathways_count LONG
 * </pre>
 * {@code band_index} i counts pathways waiting more than i and up to i+1 weeks, except
 * {@code band_index = open_band_from_weeks} (N), the open-ended band "more than N weeks". Bands
 * with no pathways are left out — most provider × commissioner pairs have a few long waits and
 * many empty weeks, and the percentile walk only needs the bands that hold pathways — except band
 * 0, which is always kept (as 0 when empty), so every provider × commissioner keeps a row and a
 * group with no pathways at all still gets its null estimate.
 */
public final class RttWaitBands {
    private RttWaitBands() { }

    /**
     * The element-wise sum of a group's band arrays, as long as the longest of them; a missing or
     * null element counts 0. A compiled loop: the same sum as a SQL {@code aggregate}/{@code zip_with}
     * lambda is evaluated row by row by Spark's interpreter, which at national volume (every
     * provider × commissioner × treatment function × month, 105 bands each) took most of the time
     * of the whole derived layer.
     */
    private static final UserDefinedFunction SUM_BAND_ARRAYS = udf(
            (UDF1<scala.collection.Seq<scala.collection.Seq<Long>>, long[]>) RttWaitBands::sumBandArrays,
            DataTypes.createArrayType(DataTypes.LongType, false));

    /** The band counts per month and provider; see the class comment. */
    public static Dataset<Row> from(Dataset<Row> rttPathways) {
        // Sum the band arrays per provider first and explode only the sums: exploding every row's
        // 105 bands before grouping multiplies the rows a hundredfold for nothing.
        return RttMetricCounts.incompletePathways(rttPathways)
                .filter(col("weeks_band_counts").isNotNull())
                // Both codes are never null (the contract); said here so that every reader of these
                // rows gets the same filters. Otherwise the optimizer adds "is not null" for the
                // code a reader groups or joins on (none for England, the provider's for providers,
                // the commissioner's for footprints and regions), the readers' plans differ, and
                // Spark scans and sums the bands once per distinct plan instead of once for all.
                .filter(col("provider_org_code").isNotNull().and(col("commissioner_org_code").isNotNull()))
                .withColumnRenamed("provider_org_code", "org_code")
                .withColumnRenamed("commissioner_org_code", "commissioner_code")
                // open_band_from_weeks is in the key so that bands of different widths never merge here
                .groupBy("month", "org_code", "commissioner_code", "open_band_from_weeks")
                .agg(SUM_BAND_ARRAYS.apply(collect_list("weeks_band_counts")).as("bands"))
                .select(col("month"), col("org_code"), col("commissioner_code"), col("open_band_from_weeks"),
                        posexplode(col("bands")).as(new String[] {"band_index", "pathways_count"}))
                .filter(col("pathways_count").gt(0).or(col("band_index").equalTo(0)))
                .select("month", "org_code", "commissioner_code", "band_index", "open_band_from_weeks", "pathways_count");
    }

    /** See {@link #SUM_BAND_ARRAYS}. */
    static long[] sumBandArrays(scala.collection.Seq<scala.collection.Seq<Long>> arrays) {
        int width = 0;
        scala.collection.Iterator<scala.collection.Seq<Long>> rows = arrays.iterator();
        while (rows.hasNext()) width = Math.max(width, rows.next().size());
        long[] sum = new long[width];
        rows = arrays.iterator();
        while (rows.hasNext()) {
            scala.collection.Iterator<Long> bands = rows.next().iterator();
            for (int i = 0; bands.hasNext(); i++) {
                Long count = bands.next();
                if (count != null) sum[i] += count;
            }
        }
        return sum;
    }
}
