package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.reference.Metrics;
import uk.nhs.stp.testing.SharedSpark;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DimMetricTest {

    @Test
    void copiesEveryShippedMetricWithTheTextsOfTheReferenceTable() {
        List<Row> rows = DimMetric.from(Metrics.all());
        assertEquals(Metrics.all().size(), rows.size(), "one row per metric");
        Row ae = rows.stream().filter(r -> r.getString(0).equals("ae_4h")).findFirst().orElseThrow();
        assertEquals("pct", ae.getString(2), "unit as written");
        assertEquals("higher_is_better", ae.getString(3), "direction as written");
        assertEquals("provider", ae.getString(4), "basis");
        assertEquals("ae_attendances", ae.getString(5), "source table");
        Row trolley = rows.stream().filter(r -> r.getString(0).equals("ae_12h_dta")).findFirst().orElseThrow();
        assertEquals("count", trolley.getString(2), "a count");
        assertEquals("lower_is_better", trolley.getString(3), "fewer waits is better");
        assertNull(trolley.get(7), "no denominator definition");
    }

    @Test
    void rowsFitTheContractColumns() {
        Dataset<Row> df = SharedSpark.session().createDataFrame(DimMetric.from(Metrics.all()), DimMetric.SCHEMA);
        assertEquals(Contracts.table("marts", "dim_metric").columns().stream().map(c -> c.name()).toList(),
                List.of(df.columns()), "column order of the contract");
        assertEquals(Metrics.all().size(), df.select("metric_id").distinct().count(), "metric_id is a key");
        assertEquals(0, df.filter("unit = 'pct' AND denominator_definition IS NULL").count(), "pct metrics have a denominator");
    }
}
