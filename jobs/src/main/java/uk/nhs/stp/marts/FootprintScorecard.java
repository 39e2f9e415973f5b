package uk.nhs.stp.marts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.spark.ContractSchemas;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

/**
 * The footprint scorecard: one wide row per footprint and month for BI tools that cannot pivot
 * the long marts themselves. Pure transform.
 *
 * <p>Inputs: {@code footprintMetricMonth} in the {@code footprint_metric_month} schema (area_level,
 * area_code, month, metric_id, value, target_met, footprint_vintage, …) and
 * {@code footprintFinanceMonth} in the {@code footprint_finance_month} schema ({@link
 * FootprintFinance#SCHEMA}: footprint_code, month, actual_ytd_gbp_k, variance_ytd_gbp_k,
 * footprint_vintage, …).
 *
 * <p>Output ({@link #SCHEMA}): {@code footprint_code, month, footprint_vintage}, then for each
 * metric of {@link #METRIC_IDS}, in that order, {@code <metric_id>_value} DECIMAL(12,4) and
 * {@code <metric_id>_target_met} BOOLEAN, then {@code actual_ytd_gbp_k, variance_ytd_gbp_k}.
 * Grain: one row per footprint, month and vintage present in either input. The metric list is
 * fixed rather than read from the data, so the columns are the same whatever months are built.
 */
public final class FootprintScorecard {
    /** The metrics of the scorecard, in column order; the contract's columns follow this list. */
    public static final List<String> METRIC_IDS = List.of("ae_4h", "ae_4h_type1", "ae_12h_dta",
            "rtt_18w_incomplete", "rtt_52w_plus", "rtt_incomplete_total", "cancer_28d_fds",
            "cancer_31d_combined", "cancer_62d_combined", "cancer_2ww", "cancer_2ww_breast");
    /** The columns of {@code data-schemas/marts/footprint_scorecard.json}, in its order. */
    public static final StructType SCHEMA = ContractSchemas.schema(Contracts.table("marts", "footprint_scorecard"));

    private FootprintScorecard() { }

    /** The scorecard's column names in order, derived from {@link #METRIC_IDS}. */
    public static List<String> columnNames() {
        List<String> names = new ArrayList<>(List.of("footprint_code", "month", "footprint_vintage"));
        for (String id : METRIC_IDS) {
            names.add(id + "_value");
            names.add(id + "_target_met");
        }
        names.addAll(List.of("actual_ytd_gbp_k", "variance_ytd_gbp_k"));
        return names;
    }

    /** The wide scorecard (see the class comment). */
    public static Dataset<Row> wide(Dataset<Row> footprintMetricMonth, Dataset<Row> footprintFinanceMonth) {
        List<Column> pivoted = new ArrayList<>();
        for (String id : METRIC_IDS) {
            Column isMetric = col("metric_id").equalTo(id);
            // the long mart has one row per footprint, metric and month: max() just picks it
            pivoted.add(max(when(isMetric, col("value"))).alias(id + "_value"));
            pivoted.add(max(when(isMetric, col("target_met"))).alias(id + "_target_met"));
        }
        Dataset<Row> metrics = footprintMetricMonth
                .filter(col("area_level").equalTo("footprint").and(col("metric_id").isin(METRIC_IDS.toArray())))
                .groupBy(col("area_code").alias("footprint_code"), col("month"), col("footprint_vintage"))
                .agg(pivoted.get(0), pivoted.subList(1, pivoted.size()).toArray(new Column[0]));
        Dataset<Row> finance = footprintFinanceMonth.select("footprint_code", "month", "footprint_vintage",
                "actual_ytd_gbp_k", "variance_ytd_gbp_k");
        Dataset<Row> joined = metrics.join(finance,
                CollectionConverters.asScala(List.of("footprint_code", "month", "footprint_vintage")).toSeq(), "full");
        List<Column> out = new ArrayList<>();
        for (String name : columnNames()) out.add(col(name).cast(SCHEMA.apply(name).dataType()).alias(name));
        return joined.select(out.toArray(new Column[0]));
    }
}
