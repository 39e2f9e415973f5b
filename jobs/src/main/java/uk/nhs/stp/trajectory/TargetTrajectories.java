package uk.nhs.stp.trajectory;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.spark.ContractSchemas;
import uk.nhs.stp.spark.PerSeries;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

/**
 * The access-standard trajectory marts ({@code england|region|footprint|provider_target_trajectory},
 * one shape). Pure transforms; each area and metric's series is projected on the executors
 * ({@link ProjectStandardMet}, one group per area and metric).
 *
 * <p>Inputs: a metric-month mart ({@code area_level, area_code, month, metric_id, numerator,
 * denominator, value, unit, target, footprint_vintage, …}), {@code dim_metric} ({@code metric_id,
 * direction}) and, optionally, the conformed {@code planned_trajectory} ({@code area_code,
 * metric_id, month, planned_value}). Output: {@link #SCHEMA}, one row per row of the metric-month
 * mart.
 */
public final class TargetTrajectories {
    /** The levels that have a metric-month mart, and so a target trajectory mart. */
    public static final List<String> LEVELS = List.of("england", "region", "footprint", "provider");
    /** The shape every {@code *_target_trajectory} mart shares (columns of the footprint contract). */
    public static final StructType SCHEMA = ContractSchemas.schema(Contracts.table("marts", "footprint_target_trajectory"));
    private static final int VALUE_SCALE = 4;

    private TargetTrajectories() { }

    /** The {@code <level>_target_trajectory} mart from {@code <level>_metric_month}. */
    public static Dataset<Row> project(Dataset<Row> metricMonth, Dataset<Row> dimMetric, Dataset<Row> plannedTrajectory,
                                       TargetTrajectoryParameters p) {
        Dataset<Row> series = metricMonth.join(broadcast(dimMetric.select("metric_id", "direction")), "metric_id");
        if (plannedTrajectory != null) {
            Dataset<Row> plans = plannedTrajectory.groupBy("area_code", "metric_id", "month")
                    .agg(max("planned_value").alias("planned_value"));
            series = series.join(plans, CollectionConverters.asScala(List.of("area_code", "metric_id", "month")).toSeq(), "left");
        } else {
            series = series.withColumn("planned_value", lit(null).cast("double"));
        }
        return PerSeries.map(series, List.of("area_level", "area_code", "metric_id"), SCHEMA,
                rows -> projectSeries(rows.iterator(), p));
    }

    private static Iterator<Row> projectSeries(Iterator<Row> rows, TargetTrajectoryParameters p) {
        List<MetricPoint> points = new ArrayList<>();
        Row first = null;
        while (rows.hasNext()) {
            Row r = rows.next();
            if (first == null) first = r;
            points.add(new MetricPoint(r.getAs("month"), TrajectoryValues.number(r, "numerator"),
                    TrajectoryValues.number(r, "denominator"), TrajectoryValues.number(r, "value"),
                    TrajectoryValues.number(r, "target"), TrajectoryValues.number(r, "planned_value")));
        }
        String unit = first.getAs("unit");
        String direction = first.getAs("direction");
        List<Row> out = new ArrayList<>();
        for (TargetTrajectory t : ProjectStandardMet.project(points, unit, "higher_is_better".equals(direction), p)) {
            out.add(row(first, unit, direction, t));
        }
        return out.iterator();
    }

    private static Row row(Row series, String unit, String direction, TargetTrajectory t) {
        TargetTrajectoryParameters p = t.parameters();
        return RowFactory.create(series.getAs("area_level"), series.getAs("area_code"), series.getAs("metric_id"), unit,
                direction, t.asOfMonth(), v(t.value()), v(t.rollingValue()), t.rollingMonthsWithData(), v(t.standard()),
                t.windowPoints(), v(t.trendPerMonth()), v(t.trendStandardError()), t.status().code(), t.projectedMonth(),
                t.targetMonth(), v(t.requiredImprovementPerMonth()), t.isOnTrack(), v(t.trendAtTargetMonth()),
                v(t.predictionLower()), v(t.predictionUpper()), v(t.plannedValue()), v(t.varianceToPlan()),
                t.varianceRating(), t.isPlanMet(), TargetTrajectoryParameters.METHOD, p.windowMonths(), p.minPoints(),
                TrajectoryValues.pct(p.predictionLevel()), p.horizonMonths(), series.getAs("footprint_vintage"));
    }

    private static BigDecimal v(Double value) {
        return TrajectoryValues.decimal(value, VALUE_SCALE);
    }
}
