package uk.nhs.stp.trajectory;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.marts.DimMetric;
import uk.nhs.stp.marts.FootprintFinance;
import uk.nhs.stp.marts.FootprintMap;
import uk.nhs.stp.reference.Metrics;
import uk.nhs.stp.spark.ContractSchemas;
import uk.nhs.stp.testing.DatasetAssertions;
import uk.nhs.stp.testing.SharedSpark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The trajectory transforms on a few hand-made mart rows: the series reach the pure projections
 * intact (months, financial years, M-numbers, weights, plans), and the output has its contract's shape.
 */
class TrajectoryMartsTest {
    private static final StructType METRIC_MONTH = ContractSchemas.schema(Contracts.table("marts", "footprint_metric_month"));
    /** The own columns of the conformed planned_trajectory (its lineage columns are not read). */
    private static final StructType PLANS = new StructType()
            .add("month", DataTypes.DateType).add("area_code", DataTypes.StringType)
            .add("metric_id", DataTypes.StringType).add("planned_value", DataTypes.createDecimalType(18, 4));
    private static final StructType ANNUAL = ContractSchemas.schema(Contracts.conformed("finance_annual_positions"));
    private static final String F1 = "E54000001";
    private static final String F2 = "E54000002";
    private static SparkSession spark;

    @BeforeAll
    static void spark() {
        spark = SharedSpark.session();
    }

    private static BigDecimal d(double v) {
        return BigDecimal.valueOf(v);
    }

    private static Row metricMonth(String area, LocalDate month, double count) {
        Object[] v = new Object[METRIC_MONTH.length()];
        v[METRIC_MONTH.fieldIndex("area_level")] = "footprint";
        v[METRIC_MONTH.fieldIndex("area_code")] = area;
        v[METRIC_MONTH.fieldIndex("month")] = month;
        v[METRIC_MONTH.fieldIndex("metric_id")] = "ae_12h_dta";
        v[METRIC_MONTH.fieldIndex("numerator")] = d(count);
        v[METRIC_MONTH.fieldIndex("value")] = d(count);
        v[METRIC_MONTH.fieldIndex("unit")] = "count";
        v[METRIC_MONTH.fieldIndex("target")] = d(0);
        v[METRIC_MONTH.fieldIndex("has_data")] = true;
        v[METRIC_MONTH.fieldIndex("footprint_vintage")] = "2018";
        return RowFactory.create(v);
    }

    @Test
    void targetTrajectoriesProjectEachSeriesOnItsOwnAndReadThePlans() {
        // F1: 12-hour waits 600 - 12 m from April 2016 (m = 0): rolling mean 666 - 12 m, zero first at m = 56
        // (December 2020); F2: a flat 50 a month, which must not borrow F1's trend
        List<Row> rows = new ArrayList<>();
        LocalDate april2016 = LocalDate.of(2016, 4, 1);
        for (int m = 0; m <= 35; m++) {
            rows.add(metricMonth(F1, april2016.plusMonths(m), 600 - 12 * m));
            rows.add(metricMonth(F2, april2016.plusMonths(m), 50));
        }
        Dataset<Row> plans = spark.createDataFrame(List.of(
                RowFactory.create(LocalDate.of(2019, 3, 1), F1, "ae_12h_dta", new BigDecimal("200.0000")),
                RowFactory.create(LocalDate.of(2020, 4, 1), F1, "finance_do_nothing_gbp_k", new BigDecimal("-5.0000"))), PLANS);
        Dataset<Row> metrics = spark.createDataFrame(DimMetric.from(Metrics.all()), DimMetric.SCHEMA);
        Dataset<Row> out = TargetTrajectories.project(spark.createDataFrame(rows, METRIC_MONTH), metrics, plans,
                TargetTrajectoryParameters.DEFAULTS);
        DatasetAssertions.assertSchema(TargetTrajectories.SCHEMA, out.schema(), "target trajectory");
        assertEquals(72, out.count(), "one row per area and month");
        Row f1 = out.filter("area_code = '" + F1 + "' AND as_of_month = DATE'2019-03-01'").first();
        assertEquals("projected", f1.getAs("status"));
        assertEquals(LocalDate.of(2020, 12, 1), f1.getAs("projected_month"));
        assertEquals(0, new BigDecimal("-12").compareTo(f1.getAs("trend_per_month")));
        assertEquals("lower_is_better", f1.getAs("direction"), "direction from dim_metric");
        // March 2019: 600 - 12 x 35 = 180 against a plan of 200: fewer waits than planned is better
        assertEquals(0, new BigDecimal("-20").compareTo(f1.getAs("variance_to_plan")));
        assertEquals("better", f1.getAs("variance_rating"));
        Row f2 = out.filter("area_code = '" + F2 + "' AND as_of_month = DATE'2019-03-01'").first();
        assertEquals("not_on_current_trend", f2.getAs("status"));
        assertNull(f2.getAs("planned_value"), "F1's plan is not F2's");
    }

    @Test
    void financeTrajectoriesReadTheFinanceMonthMartAndTheDoNothingLine() {
        // 2016/17 and 2017/18 closed at -90 and -70; June 2018 (M03): actual -15 against a plan of -12,
        // forecast -50, control total -30. The line -50 + 20 (x - 2018) meets 0 at 2020.5: 2021/22
        StructType s = FootprintFinance.SCHEMA;
        List<Row> months = List.of(
                financeMonth(s, LocalDate.of(2017, 3, 1), "2016/17", "M12", -90, -80, -90, null),
                financeMonth(s, LocalDate.of(2018, 3, 1), "2017/18", "M12", -70, -75, -70, null),
                financeMonth(s, LocalDate.of(2018, 6, 1), "2018/19", "M03", -15, -12, -50, -30.0));
        Dataset<Row> plans = spark.createDataFrame(List.of(
                RowFactory.create(LocalDate.of(2020, 4, 1), F1, "finance_do_nothing_gbp_k", new BigDecimal("-400.0000"))), PLANS);
        FinanceTrajectoryParameters p = FinanceTrajectoryParameters.DEFAULTS;
        Dataset<Row> out = FinanceTrajectories.project(FinanceTrajectories.withDoNothing(
                FinanceTrajectories.returnFootprintPositions(spark.createDataFrame(months, s)), plans, p),
                p, FinanceTrajectories.FOOTPRINT_SCHEMA);
        DatasetAssertions.assertSchema(FinanceTrajectories.FOOTPRINT_SCHEMA, out.schema(), "finance trajectory");
        Row june = out.filter("as_of_month = DATE'2018-06-01'").first();
        assertEquals("2018/19", june.getAs("as_of_financial_year"));
        assertEquals(0, new BigDecimal("-50").compareTo(june.getAs("latest_outturn_gbp_k")));
        assertEquals(true, june.getAs("is_latest_outturn_forecast"));
        assertEquals("2021/22", june.getAs("projected_balance_financial_year"));
        assertEquals("2019/20", june.getAs("projected_control_total_financial_year"));
        assertEquals(0, new BigDecimal("-3").compareTo(june.getAs("gap_to_plan_ytd_gbp_k")), "-15 - (-12)");
        assertEquals(0, new BigDecimal("-60").compareTo(june.getAs("run_rate_outturn_gbp_k")), "-15 x 12 / 3");
        assertEquals(0, new BigDecimal("-400").compareTo(june.getAs("do_nothing_at_target_year_gbp_k")));
        assertEquals(5, (int) june.getAs("orgs_reporting"), "3 providers + 2 CCGs");
        assertEquals("finance_return", june.getAs("basis"));
    }

    private static Row financeMonth(StructType s, LocalDate month, String year, String fyMonth, double actual, double plan,
                                    double forecast, Double control) {
        Object[] v = new Object[s.length()];
        v[s.fieldIndex("footprint_code")] = F1;
        v[s.fieldIndex("footprint_name")] = "Footprint One";
        v[s.fieldIndex("month")] = month;
        v[s.fieldIndex("financial_year")] = year;
        v[s.fieldIndex("fy_month")] = fyMonth;
        v[s.fieldIndex("plan_ytd_gbp_k")] = d(plan).setScale(2);
        v[s.fieldIndex("actual_ytd_gbp_k")] = d(actual).setScale(2);
        v[s.fieldIndex("variance_ytd_gbp_k")] = d(actual - plan).setScale(2);
        v[s.fieldIndex("forecast_outturn_gbp_k")] = d(forecast).setScale(2);
        v[s.fieldIndex("control_total_gbp_k")] = control == null ? null : d(control).setScale(2);
        v[s.fieldIndex("providers_submitted")] = 3;
        v[s.fieldIndex("ccgs_submitted")] = 2;
        v[s.fieldIndex("footprint_vintage")] = "2018";
        return RowFactory.create(v);
    }

    @Test
    void annualFootprintPositionsAreWeightedSumsAndTheUnmappedTrustIsCounted() {
        // RAA wholly in F1, RBB a quarter in F1: F1 2016/17 = -100 + 0.25 x 40 = -90; RZZ is in no footprint
        Dataset<Row> annual = spark.createDataFrame(List.of(
                annualRow("RAA", 2016, "-100", "1000"), annualRow("RBB", 2016, "40", "600"),
                annualRow("RZZ", 2016, "-7", "400")), ANNUAL);
        Dataset<Row> mapping = spark.createDataFrame(List.of(
                RowFactory.create("RAA", F1, "Footprint One", null, "Region", new BigDecimal("1.000000")),
                RowFactory.create("RBB", F1, "Footprint One", null, "Region", new BigDecimal("0.250000")),
                RowFactory.create("RBB", F2, "Footprint Two", null, "Region", new BigDecimal("0.750000"))), FootprintMap.SCHEMA);
        Row f1 = FinanceTrajectories.annualFootprintPositions(annual, mapping, "2017").filter("area_code = '" + F1 + "'").first();
        assertEquals(-90.0, (double) f1.getAs("actual_ytd_gbp_k"), 1e-9);
        assertEquals(LocalDate.of(2017, 3, 1), f1.getAs("month"), "2016/17 is as at March 2017");
        assertEquals(2016, (int) f1.getAs("fy_start_year"));
        assertEquals(2, (int) f1.getAs("orgs_reporting"));
        Row coverage = FinanceTrajectories.unmappedAnnual(annual, mapping, "2017").first();
        assertEquals(3, (int) coverage.getAs("trusts"));
        assertEquals(1, (int) coverage.getAs("unmapped_trusts"));
        assertEquals(0, new BigDecimal("-7").compareTo(coverage.getAs("unmapped_position_gbp_k")));
        assertEquals(0, new BigDecimal("20").compareTo(coverage.getAs("unmapped_income_share_pct")), "400 / 2000");
    }

    private static Row annualRow(String org, int year, String position, String income) {
        Object[] v = new Object[ANNUAL.length()];
        v[ANNUAL.fieldIndex("month")] = LocalDate.of(year, 4, 1);
        v[ANNUAL.fieldIndex("financial_year")] = year + "/" + (year + 1) % 100;
        v[ANNUAL.fieldIndex("org_code")] = org;
        v[ANNUAL.fieldIndex("financial_position_gbp_k")] = new BigDecimal(position);
        v[ANNUAL.fieldIndex("operating_income_gbp_k")] = new BigDecimal(income);
        v[ANNUAL.fieldIndex("operating_cost_gbp_k")] = BigDecimal.ZERO;
        return RowFactory.create(v);
    }
}
