package uk.nhs.stp.spc;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.marts.DimMetric;
import uk.nhs.stp.reference.Metrics;
import uk.nhs.stp.spark.ContractSchemas;
import uk.nhs.stp.testing.DatasetAssertions;
import uk.nhs.stp.testing.SharedSpark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SPC marts on hand-made metric-month rows: one row per month per series, one summary per series. */
class SpcMartsTest {
    private static final StructType METRIC_MONTH = ContractSchemas.schema(Contracts.table("marts", "footprint_metric_month"));
    private static final String FOOTPRINT = "E54000049";
    private static final String PROVIDER = "RXX";
    /** 6 below then 7 above the mean: the last seven are a shift (see XmrChartTest). */
    private static final double[] SHIFT = {1, 3, 1, 3, 1, 3, 6, 8, 6, 8, 6, 8, 6};
    private static SparkSession spark;
    private static Dataset<Row> spcMetricMonth;
    private static Dataset<Row> summary;

    @BeforeAll
    static void build() {
        spark = SharedSpark.session();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < SHIFT.length; i++) {
            // footprint ae_4h (higher is better, target 95): complete
            rows.add(row("footprint", FOOTPRINT, i, "ae_4h", SHIFT[i], "95"));
            // provider ae_12h_dta (lower is better, target 0): the ninth month missing, plus a missing 14th month
            rows.add(row("provider", PROVIDER, i, "ae_12h_dta", i == 8 ? null : SHIFT[i], "0"));
        }
        rows.add(row("provider", PROVIDER, 13, "ae_12h_dta", null, "0"));
        Dataset<Row> metricMonths = spark.createDataFrame(rows, METRIC_MONTH);
        Dataset<Row> dimMetric = spark.createDataFrame(DimMetric.from(Metrics.all()), DimMetric.SCHEMA);
        spcMetricMonth = SpcMarts.metricMonth(metricMonths, dimMetric, SpcParameters.DEFAULTS).cache();
        summary = SpcMarts.summary(spcMetricMonth, SpcParameters.DEFAULTS).cache();
    }

    private static Row row(String level, String area, int monthIndex, String metric, Double value, String target) {
        Object[] v = new Object[METRIC_MONTH.length()];
        v[METRIC_MONTH.fieldIndex("area_level")] = level;
        v[METRIC_MONTH.fieldIndex("area_code")] = area;
        v[METRIC_MONTH.fieldIndex("month")] = SpcSeries.month(monthIndex);
        v[METRIC_MONTH.fieldIndex("metric_id")] = metric;
        v[METRIC_MONTH.fieldIndex("value")] = value == null ? null : new BigDecimal(value.toString()).setScale(4);
        v[METRIC_MONTH.fieldIndex("unit")] = "pct";
        v[METRIC_MONTH.fieldIndex("is_censored")] = false;
        v[METRIC_MONTH.fieldIndex("target")] = new BigDecimal(target).setScale(4);
        v[METRIC_MONTH.fieldIndex("has_data")] = value != null;
        v[METRIC_MONTH.fieldIndex("orgs_submitted")] = value == null ? 0 : 1;
        v[METRIC_MONTH.fieldIndex("orgs_expected")] = 1;
        v[METRIC_MONTH.fieldIndex("footprint_vintage")] = "2018";
        return RowFactory.create(v);
    }

    private static Row at(String area, int monthIndex) {
        return spcMetricMonth.filter(spcMetricMonth.col("area_code").equalTo(area)
                .and(spcMetricMonth.col("month").equalTo(java.sql.Date.valueOf(SpcSeries.month(monthIndex))))).first();
    }

    @Test
    void bothMartsHaveTheirContractsSchemas() {
        DatasetAssertions.assertSchema(SpcMarts.METRIC_MONTH_SCHEMA, spcMetricMonth.schema(), "spc_metric_month");
        DatasetAssertions.assertSchema(SpcMarts.SUMMARY_SCHEMA, summary.schema(), "spc_summary");
    }

    @Test
    void everyMonthOfEverySeriesHasOneRow() {
        assertEquals(13 + 14, spcMetricMonth.count(), "13 footprint months and 14 provider months");
        assertEquals(2, summary.count(), "one summary per series");
    }

    @Test
    void theShiftIsMarkedWithTheMetricsDirection() {
        // mean 60/13 = 4.615385 → 4.6154; mR̄ 25/12 = 2.083333; upl 4.615385 + 2.66 × 2.083333 = 10.157051
        Row last = at(FOOTPRINT, 12);
        assertEquals(new BigDecimal("4.6154"), last.getAs("mean"));
        assertEquals(new BigDecimal("10.1571"), last.getAs("upl"));
        assertEquals("shift_above", last.getAs("special_cause_rule"));
        assertEquals("special_cause_improvement", last.getAs("point_type"), "ae_4h: higher is better");
        assertEquals("common_cause", at(FOOTPRINT, 0).getAs("point_type"));
        assertEquals(13, (int) last.getAs("limits_point_count"));
        assertEquals(false, last.getAs("is_trial_limits"), "13 points: firm limits");
    }

    @Test
    void aMissingMonthSaysSoAndBreaksTheShift() {
        Row gap = at(PROVIDER, 8);
        assertEquals(true, gap.getAs("is_missing"));
        assertEquals(12, (int) gap.getAs("limits_point_count"), "the months with data, not the missing two");
        assertNull(gap.getAs("point_type"));
        assertNull(gap.getAs("value"));
        // the seven above are cut 2 + 4 by the gap: no shift for the provider
        assertEquals(0, spcMetricMonth.filter("area_code = 'RXX' AND special_cause_rule IS NOT NULL").count());
    }

    @Test
    void theSummaryReadsTheLatestMonthWithData() {
        Row fp = summary.filter("area_code = '" + FOOTPRINT + "'").first();
        assertEquals(SpcSeries.month(12), fp.getAs("latest_month"));
        assertEquals("special_cause_improvement", fp.getAs("variation_type"));
        // target 95 above the upper limit 10.1571 with higher is better: consistently failing
        assertEquals("consistent_fail", fp.getAs("assurance_type"));
        assertEquals(0, (int) fp.getAs("months_missing"));

        Row provider = summary.filter("area_code = '" + PROVIDER + "'").first();
        assertEquals(SpcSeries.month(12), provider.getAs("latest_month"), "month 14 is missing");
        assertEquals(2, (int) provider.getAs("months_missing"));
        assertEquals(14, (int) provider.getAs("months_in_series"));
        // 12 months with data: mean 54/12 = 4.5; mR 2,2,2,2,2,3,2 | gap | 2,2,2 → 21/10 = 2.1;
        // lpl 4.5 − 2.66 × 2.1 = −1.086, so the target 0 lies within the limits: hit or miss
        assertEquals(new BigDecimal("-1.0860"), provider.getAs("lpl"));
        assertEquals("inconsistent", provider.getAs("assurance_type"));
        assertTrue(((String) provider.getAs("spc_parameters")).startsWith("shift=7 trend=7"));
    }
}
