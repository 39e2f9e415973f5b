package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.contract.ColumnSpec;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.spark.ContractSchemas;
import uk.nhs.stp.testing.DatasetAssertions;
import uk.nhs.stp.testing.SharedSpark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The wide footprint scorecard on hand-made long metric rows and finance rows. */
class FootprintScorecardTest {
    private static SparkSession spark;
    private static final StructType METRICS = ContractSchemas.schema(Contracts.table("marts", "footprint_metric_month"));
    private static final LocalDate APR = LocalDate.of(2017, 4, 1);
    private static final LocalDate MAY = LocalDate.of(2017, 5, 1);
    private static final String F1 = "E54000001";
    private static final String F2 = "E54000002";

    @BeforeAll
    static void spark() {
        spark = SharedSpark.session();
    }

    private static BigDecimal d(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    private static Row metric(String area, LocalDate month, String metricId, String value, Boolean met) {
        Object[] v = new Object[METRICS.length()];
        v[METRICS.fieldIndex("area_level")] = "footprint";
        v[METRICS.fieldIndex("area_code")] = area;
        v[METRICS.fieldIndex("month")] = month;
        v[METRICS.fieldIndex("metric_id")] = metricId;
        v[METRICS.fieldIndex("value")] = d(value);
        v[METRICS.fieldIndex("unit")] = "pct";
        v[METRICS.fieldIndex("is_censored")] = false;
        v[METRICS.fieldIndex("target_met")] = met;
        v[METRICS.fieldIndex("has_data")] = value != null;
        v[METRICS.fieldIndex("orgs_submitted")] = 1;
        v[METRICS.fieldIndex("orgs_expected")] = 1;
        v[METRICS.fieldIndex("footprint_vintage")] = "2018";
        return RowFactory.create(v);
    }

    private static Row finance(String footprint, LocalDate month, String actual, String variance) {
        Object[] v = new Object[FootprintFinance.SCHEMA.length()];
        v[FootprintFinance.SCHEMA.fieldIndex("footprint_code")] = footprint;
        v[FootprintFinance.SCHEMA.fieldIndex("month")] = month;
        v[FootprintFinance.SCHEMA.fieldIndex("actual_ytd_gbp_k")] = d(actual);
        v[FootprintFinance.SCHEMA.fieldIndex("variance_ytd_gbp_k")] = d(variance);
        v[FootprintFinance.SCHEMA.fieldIndex("footprint_vintage")] = "2018";
        return RowFactory.create(v);
    }

    private static Dataset<Row> scorecard() {
        Dataset<Row> metrics = spark.createDataFrame(List.of(
                metric(F1, APR, "ae_4h", "91.2500", false),
                metric(F1, APR, "rtt_52w_plus", "3.0000", false),
                metric(F1, APR, "cancer_2ww_breast", "95.0000", true),
                // a metric outside the fixed list adds no column
                metric(F1, APR, "rtt_wait_p92", "20.0000", null),
                metric(F1, MAY, "ae_4h", null, null),
                metric(F2, APR, "cancer_62d_combined", "86.0000", true)), METRICS);
        Dataset<Row> finance = spark.createDataFrame(List.of(
                finance(F1, APR, "-155.50", "-105.50"),
                // finance without metrics still gives a row
                finance(F2, MAY, "87.34", "-67.66")), FootprintFinance.SCHEMA);
        return FootprintScorecard.wide(metrics, finance);
    }

    private static Row row(Dataset<Row> scorecard, String footprint, LocalDate month) {
        List<Row> rows = scorecard.filter(scorecard.col("footprint_code").equalTo(footprint)
                .and(scorecard.col("month").equalTo(month))).collectAsList();
        assertEquals(1, rows.size(), footprint + " " + month);
        return rows.get(0);
    }

    @Test
    void oneRowPerFootprintAndMonthWithValuesTargetsAndFinance() {
        Dataset<Row> s = scorecard();
        assertEquals(4, s.count(), "F1 Apr, F1 May, F2 Apr, F2 May");
        Row f1 = row(s, F1, APR);
        assertEquals(d("91.2500"), f1.getAs("ae_4h_value"));
        assertEquals(false, f1.getAs("ae_4h_target_met"));
        assertEquals(d("3.0000"), f1.getAs("rtt_52w_plus_value"));
        assertEquals(true, f1.getAs("cancer_2ww_breast_target_met"));
        assertNull(f1.getAs("ae_4h_type1_value"), "no data for that metric");
        assertEquals(d("-155.50"), f1.getAs("actual_ytd_gbp_k"));
        assertEquals(d("-105.50"), f1.getAs("variance_ytd_gbp_k"));
        assertEquals("2018", f1.getAs("footprint_vintage"));

        Row f1May = row(s, F1, MAY);
        assertNull(f1May.getAs("ae_4h_value"));
        assertNull(f1May.getAs("actual_ytd_gbp_k"), "no finance that month");

        Row f2Apr = row(s, F2, APR);
        assertEquals(d("86.0000"), f2Apr.getAs("cancer_62d_combined_value"));
        assertNull(f2Apr.getAs("variance_ytd_gbp_k"));

        Row f2May = row(s, F2, MAY);
        assertEquals(d("87.34"), f2May.getAs("actual_ytd_gbp_k"));
        assertNull(f2May.getAs("cancer_62d_combined_value"));
    }

    @Test
    void theSchemaIsTheContractAndFollowsTheFixedMetricList() {
        List<String> contractColumns = Contracts.table("marts", "footprint_scorecard").columns().stream()
                .map(ColumnSpec::name).toList();
        assertEquals(FootprintScorecard.columnNames(), contractColumns, "contract columns follow METRIC_IDS");
        assertEquals(3 + 2 * 11 + 2, contractColumns.size());
        DatasetAssertions.assertSchema(ContractSchemas.schema(Contracts.table("marts", "footprint_scorecard")),
                scorecard().schema(), "footprint_scorecard");
    }

    @Test
    void theColumnsDoNotDependOnTheData() {
        Dataset<Row> empty = FootprintScorecard.wide(spark.createDataFrame(List.of(), METRICS),
                spark.createDataFrame(List.of(), FootprintFinance.SCHEMA));
        DatasetAssertions.assertSchema(FootprintScorecard.SCHEMA, empty.schema(), "empty scorecard");
        assertEquals(0, empty.count());
    }
}
