package uk.nhs.stp.marts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;

/**
 * The RTT count metrics of each provider and month as {@link MetricCounts} rows, from the
 * incomplete pathways (patients still waiting at the end of the month).
 *
 * <p>Input: {@code rtt_pathways} (conformed) with at least {@code month}, {@code provider_org_code},
 * {@code rtt_part_type}, {@code is_control_row}, {@code total_all_count},
 * {@code within_18_weeks_count}, {@code over_52_weeks_count}.
 *
 * <p>Output: {@link MetricCounts#SCHEMA} ({@code month, org_code, metric_id, numerator,
 * denominator, commissioner_code}), one row per month × provider ({@code org_code = provider_org_code})
 * × commissioner ({@code commissioner_code = commissioner_org_code}, so that footprints can be
 * reached by commissioner, the metrics' basis) × metric:
 * <ul>
 *   <li>{@value #INCOMPLETE_TOTAL}: Σ {@code total_all_count}; no denominator.</li>
 *   <li>{@value #WITHIN_18_WEEKS}: Σ {@code within_18_weeks_count} / Σ {@code total_all_count}
 *       (the 18-week standard, 92%).</li>
 *   <li>{@value #OVER_52_WEEKS}: Σ {@code over_52_weeks_count}; no denominator.</li>
 * </ul>
 * Only {@code Part_2} rows that are not control rows are summed: the {@code C_999} rows are the
 * publisher's totals of the other treatment functions, so adding them would count every pathway
 * twice.
 *
 * <p>{@code Part_2A} is not added: it is the subset of the {@code Part_2} incomplete pathways that
 * have a decision to admit, so those patients are already in {@code Part_2}. The definitions
 * (DOMAIN.md §5, and the {@code rtt_part_type} description of the {@code rtt_pathways} contract)
 * take the 18-week standard over {@code Part_2} alone, and the published incomplete-pathway
 * statistics (waiting list size, % within 18 weeks, 52-week waiters) are the {@code Part_2}
 * figures.
 *
 * <p>The 92nd-percentile wait is not here: it is not a ratio of counts, so it is estimated from
 * the bands of {@link RttWaitBands} at each level by {@link RttWaitPercentile}.
 */
public final class RttMetricCounts {
    /** Incomplete pathways: the size of the RTT waiting list. */
    public static final String INCOMPLETE_TOTAL = "rtt_incomplete_total";
    /** Incomplete pathways waiting up to 18 weeks, over all incomplete pathways. */
    public static final String WITHIN_18_WEEKS = "rtt_18w_incomplete";
    /** Incomplete pathways waiting more than 52 weeks. */
    public static final String OVER_52_WEEKS = "rtt_52w_plus";

    /** The RTT part of incomplete pathways; {@code Part_2A} is a subset of it. */
    static final String INCOMPLETE_PART = "Part_2";

    private static final DataType COUNT = MetricCounts.COUNT_TYPE;

    private RttMetricCounts() { }

    /** The three count metrics per month, provider and commissioner; see the class comment. */
    public static Dataset<Row> from(Dataset<Row> rttPathways) {
        // Part_2 only: Part_2A pathways are already among them (a decision-to-admit subset)
        Dataset<Row> perProvider = incompletePathways(rttPathways)
                .groupBy(col("month"), col("provider_org_code").as("org_code"),
                        col("commissioner_org_code").as("commissioner_code"))
                .agg(sum("total_all_count").as("total_all"),
                        sum("within_18_weeks_count").as("within_18"),
                        sum("over_52_weeks_count").as("over_52"));
        Column none = lit(null);
        return metric(perProvider, INCOMPLETE_TOTAL, col("total_all"), none)
                .unionByName(metric(perProvider, WITHIN_18_WEEKS, col("within_18"), col("total_all")))
                .unionByName(metric(perProvider, OVER_52_WEEKS, col("over_52"), none));
    }

    /** Part_2 rows that are not the publisher's C_999 totals. */
    static Dataset<Row> incompletePathways(Dataset<Row> rttPathways) {
        return rttPathways.filter(col("rtt_part_type").equalTo(INCOMPLETE_PART).and(not(col("is_control_row"))));
    }

    private static Dataset<Row> metric(Dataset<Row> perProvider, String metricId, Column numerator, Column denominator) {
        return perProvider.select(col("month"), col("org_code"), lit(metricId).as("metric_id"),
                numerator.cast(COUNT).as("numerator"), denominator.cast(COUNT).as("denominator"), col("commissioner_code"));
    }
}
