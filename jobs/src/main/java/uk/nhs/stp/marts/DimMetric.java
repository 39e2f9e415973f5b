package uk.nhs.stp.marts;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.reference.Metric;
import uk.nhs.stp.reference.Metrics;
import uk.nhs.stp.spark.ContractSchemas;

import java.util.List;
import java.util.Locale;

/**
 * The metric dimension ({@code data-schemas/marts/dim_metric.json}): the metrics reference table
 * ({@link Metrics}) as mart rows, so report builders label, format and colour values from the
 * same definitions the counts were built with. Pure Java, like {@link DimMonth}.
 *
 * <p>Input: metrics as loaded by {@link Metrics}. Output columns: {@code metric_id, name, unit,
 * direction, basis, source_table, numerator_definition, denominator_definition, definition}, all
 * strings written as in {@code reference/metrics.csv}. Grain: one row per metric.
 */
public final class DimMetric {
    /** The columns of the contract, in its order. */
    public static final StructType SCHEMA = ContractSchemas.schema(Contracts.table("marts", "dim_metric"));

    private DimMetric() { }

    /** One row per metric, in the order given (the shipped table: {@code from(Metrics.all())}). */
    public static List<Row> from(List<Metric> metrics) {
        return metrics.stream().map(DimMetric::row).toList();
    }

    private static Row row(Metric m) {
        return RowFactory.create(m.metricId(), m.name(), m.unit().id(),
                m.direction().name().toLowerCase(Locale.ROOT), m.basis(), m.sourceTable(),
                m.numeratorDefinition(), m.denominatorDefinition(), m.definition());
    }
}
