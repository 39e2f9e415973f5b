package uk.nhs.stp.spc;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.reference.Target.Direction;
import uk.nhs.stp.spark.ContractSchemas;
import uk.nhs.stp.spark.PerSeries;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The SPC marts, {@code spc_metric_month} and {@code spc_summary}. Pure transforms: each series
 * (area_level × area_code × metric_id, a few dozen months) is classified by {@link XmrChart} on an
 * executor ({@link PerSeries}); nothing is collected to the driver.
 *
 * <p>Input of {@link #metricMonth}: rows of the metric-month marts ({@code england|region|footprint|
 * provider_metric_month}: area_level, area_code, month, metric_id, value, target, has_data,
 * footprint_vintage) and {@code dim_metric} (metric_id, direction). Outputs: {@link
 * #METRIC_MONTH_SCHEMA} and {@link #SUMMARY_SCHEMA}, the contracts
 * {@code data-schemas/marts/spc_metric_month.json} and {@code spc_summary.json}.
 */
public final class SpcMarts {
    /** The columns of {@code spc_metric_month}, in contract order. */
    public static final StructType METRIC_MONTH_SCHEMA = ContractSchemas.schema(Contracts.table("marts", "spc_metric_month"));
    /** The columns of {@code spc_summary}, in contract order. */
    public static final StructType SUMMARY_SCHEMA = ContractSchemas.schema(Contracts.table("marts", "spc_summary"));
    /** Decimal places of the mean and limits columns (DECIMAL(14,4)). */
    private static final int LIMIT_SCALE = 4;

    private SpcMarts() { }

    /** One classified row per month of every series (see the class comment for the input). */
    public static Dataset<Row> metricMonth(Dataset<Row> metricMonths, Dataset<Row> dimMetric, SpcParameters parameters) {
        Dataset<Row> series = metricMonths
                .select(col("area_level"), col("area_code"), col("metric_id"), col("month"),
                        when(col("has_data"), col("value")).alias("value"), col("target"), col("footprint_vintage"))
                .join(broadcast(dimMetric.select("metric_id", "direction")),
                        CollectionConverters.asScala(List.of("metric_id")).toSeq(), "left");
        return PerSeries.map(series, List.of("area_level", "area_code", "metric_id"), METRIC_MONTH_SCHEMA,
                rows -> classify(rows.iterator(), parameters).iterator());
    }

    /** The rows of one series, in month order. */
    static List<Row> classify(Iterator<Row> rows, SpcParameters parameters) {
        List<Row> in = new ArrayList<>();
        rows.forEachRemaining(in::add);
        in.sort(Comparator.comparing(r -> (LocalDate) r.getAs("month")));
        Direction direction = direction(in.get(0).getAs("direction"));
        List<SeriesPoint> series = new ArrayList<>(in.size());
        for (Row r : in) series.add(new SeriesPoint(r.getAs("month"), toDouble(r.getAs("value")), toDouble(r.getAs("target"))));
        List<SpcPoint> points = XmrChart.classify(series, direction, parameters);
        List<Row> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            Row r = in.get(i);
            SpcPoint p = points.get(i);
            ProcessLimits l = p.limits();
            out.add(RowFactory.create(r.getAs("area_level"), r.getAs("area_code"), r.getAs("metric_id"), p.month(),
                    r.getAs("value"), p.isMissing(), r.getAs("target"), r.getAs("direction"),
                    l == null ? null : decimal(l.mean()), l == null ? null : decimal(l.upperProcessLimit()),
                    l == null ? null : decimal(l.lowerProcessLimit()), l == null ? null : decimal(l.upperTwoSigma()),
                    l == null ? null : decimal(l.lowerTwoSigma()), l == null ? null : decimal(l.averageMovingRange()),
                    p.segmentStart(), l == null ? 0 : l.pointCount(), l == null || l.isTrial(),
                    p.rule() == null ? null : p.rule().id(), p.pointType() == null ? null : p.pointType().id(),
                    r.getAs("footprint_vintage")));
        }
        return out;
    }

    /**
     * The summary of each series from its {@code spc_metric_month} rows: the row of the latest
     * month with data, its point type as the variation icon and {@link AssuranceType} of its
     * (published, rounded) limits against its target.
     */
    public static Dataset<Row> summary(Dataset<Row> spcMetricMonth, SpcParameters parameters) {
        WindowSpec series = Window.partitionBy("area_level", "area_code", "metric_id");
        String settings = parameters.describe();
        Dataset<Row> latest = spcMetricMonth
                .withColumn("months_in_series", count(lit(1)).over(series).cast("int"))
                .withColumn("months_missing", sum(when(col("is_missing"), 1).otherwise(0)).over(series).cast("int"))
                .filter(col("is_missing").equalTo(false))
                .withColumn("latest_rank", row_number().over(series.orderBy(col("month").desc())))
                .filter(col("latest_rank").equalTo(1));
        return latest.map((MapFunction<Row, Row>) r -> summaryRow(r, settings), Encoders.row(SUMMARY_SCHEMA));
    }

    private static Row summaryRow(Row r, String settings) {
        BigDecimal upl = r.getAs("upl");
        BigDecimal lpl = r.getAs("lpl");
        AssuranceType assurance = AssuranceType.of(direction(r.getAs("direction")), toDouble(r.getAs("target")),
                toDouble(upl), toDouble(lpl));
        return RowFactory.create(r.getAs("area_level"), r.getAs("area_code"), r.getAs("metric_id"), r.getAs("month"),
                r.getAs("value"), r.getAs("point_type"), r.getAs("special_cause_rule"),
                assurance == null ? null : assurance.id(), r.getAs("target"), r.getAs("direction"), r.getAs("mean"),
                upl, lpl, r.getAs("upl_2sd"), r.getAs("lpl_2sd"), r.getAs("average_moving_range"),
                r.getAs("segment_start_month"), r.getAs("limits_point_count"), r.getAs("is_trial_limits"),
                r.getAs("months_in_series"), r.getAs("months_missing"), settings, r.getAs("footprint_vintage"));
    }

    /** dim_metric's direction; null (neutral) when the metric has none. */
    static Direction direction(String text) {
        return text == null ? null : Direction.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private static Double toDouble(BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }

    private static BigDecimal decimal(Double d) {
        return d == null ? null : BigDecimal.valueOf(d).setScale(LIMIT_SCALE, RoundingMode.HALF_UP);
    }
}
