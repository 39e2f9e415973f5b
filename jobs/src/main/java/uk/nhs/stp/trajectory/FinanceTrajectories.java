package uk.nhs.stp.trajectory;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.ingest.finance.FinancialYear;
import uk.nhs.stp.ingest.plan.PlannedTrajectoryCsv;
import uk.nhs.stp.spark.ContractSchemas;
import uk.nhs.stp.spark.PerSeries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;
import static uk.nhs.stp.spark.Aggregates.distinctCount;

/**
 * The finance trajectory marts ({@code footprint_finance_trajectory},
 * {@code organisation_finance_trajectory}) and the coverage of the annual accounts
 * ({@code dq_unmapped_finance_annual}). Pure transforms; each area's series is projected on the
 * executors ({@link ProjectFinancialBalance}, one group per area and basis).
 *
 * <p>Phase 1 — positions: one row per area, basis and month in the positions shape
 * ({@link #POSITIONS}): {@code area_level, area_code, area_name, basis, footprint_vintage, month,
 * fy_start_year, fy_month, actual_ytd_gbp_k, plan_ytd_gbp_k, forecast_outturn_gbp_k,
 * control_total_gbp_k, orgs_reporting} (amounts as doubles, £000). Annual accounts give one row
 * per year at M12, as at March of the year's end. Phase 2 — {@link #withDoNothing} attaches a
 * plan's "do nothing" position for the target year. Phase 3 — {@link #project}.
 */
public final class FinanceTrajectories {
    public static final StructType FOOTPRINT_SCHEMA = ContractSchemas.schema(Contracts.table("marts", "footprint_finance_trajectory"));
    public static final StructType ORGANISATION_SCHEMA = ContractSchemas.schema(Contracts.table("marts", "organisation_finance_trajectory"));
    public static final StructType UNMAPPED_ANNUAL_SCHEMA = ContractSchemas.schema(Contracts.table("marts", "dq_unmapped_finance_annual"));
    public static final String ANNUAL_ACCOUNTS = "annual_accounts";
    public static final String FINANCE_RETURN = "finance_return";
    /** The planned_trajectory metric that carries a plan's "do nothing" position per footprint and year. */
    public static final String DO_NOTHING_METRIC = PlannedTrajectoryCsv.FINANCE_DO_NOTHING;

    /** The positions shape of Phase 1 (plus {@code do_nothing_gbp_k} after {@link #withDoNothing}). */
    public static final List<String> POSITIONS = List.of("area_level", "area_code", "area_name", "basis",
            "footprint_vintage", "month", "fy_start_year", "fy_month", "actual_ytd_gbp_k", "plan_ytd_gbp_k",
            "forecast_outturn_gbp_k", "control_total_gbp_k", "orgs_reporting");

    private FinanceTrajectories() { }

    /**
     * Footprint positions from the annual accounts: Σ financial_position_gbp_k × weight over the
     * trusts the map attributes to each footprint, per financial year.
     *
     * @param annualPositions the conformed {@code finance_annual_positions}
     * @param mapping         {@code org_code, footprint_code, footprint_name, weight} of one vintage
     */
    public static Dataset<Row> annualFootprintPositions(Dataset<Row> annualPositions, Dataset<Row> mapping, String vintage) {
        return annualPositions.join(broadcast(mapping.select("org_code", "footprint_code", "footprint_name", "weight")), "org_code")
                .groupBy(col("footprint_code"), col("month"))
                .agg(sum(col("financial_position_gbp_k").multiply(col("weight"))).alias("position"),
                        max("footprint_name").alias("area_name"), distinctCount(col("org_code")).cast("long").alias("orgs"))
                .select(lit("footprint").alias("area_level"), col("footprint_code").alias("area_code"), col("area_name"),
                        lit(ANNUAL_ACCOUNTS).alias("basis"), lit(vintage).alias("footprint_vintage"),
                        add_months(col("month"), 11).alias("month"), year(col("month")).alias("fy_start_year"),
                        lit(12).alias("fy_month"), col("position").cast("double").alias("actual_ytd_gbp_k"),
                        nullAmount("plan_ytd_gbp_k"), nullAmount("forecast_outturn_gbp_k"), nullAmount("control_total_gbp_k"),
                        col("orgs").cast("int").alias("orgs_reporting"));
    }

    /** Trust positions from the annual accounts, one per trust and year. */
    public static Dataset<Row> annualOrganisationPositions(Dataset<Row> annualPositions) {
        return annualPositions.select(lit("organisation").alias("area_level"), col("org_code").alias("area_code"),
                lit(null).cast("string").alias("area_name"), lit(ANNUAL_ACCOUNTS).alias("basis"),
                lit(null).cast("string").alias("footprint_vintage"), add_months(col("month"), 11).alias("month"),
                year(col("month")).alias("fy_start_year"), lit(12).alias("fy_month"),
                col("financial_position_gbp_k").cast("double").alias("actual_ytd_gbp_k"),
                nullAmount("plan_ytd_gbp_k"), nullAmount("forecast_outturn_gbp_k"), nullAmount("control_total_gbp_k"),
                lit(1).alias("orgs_reporting"));
    }

    /** Footprint positions from the {@code footprint_finance_month} mart (providers and CCGs). */
    public static Dataset<Row> returnFootprintPositions(Dataset<Row> footprintFinanceMonth) {
        return returnPositions(footprintFinanceMonth, "footprint", col("footprint_code"), col("footprint_name"),
                col("footprint_vintage"), col("providers_submitted").plus(col("ccgs_submitted")));
    }

    /** Organisation positions from the conformed {@code finance_monthly} (control rows left out). */
    public static Dataset<Row> returnOrganisationPositions(Dataset<Row> financeMonthly) {
        return returnPositions(financeMonthly.filter(col("is_control_row").equalTo(false)), "organisation",
                col("org_code"), lit(null).cast("string"), lit(null).cast("string"), lit(1));
    }

    private static Dataset<Row> returnPositions(Dataset<Row> monthly, String level, Column code, Column name,
                                                Column vintage, Column orgs) {
        return monthly.select(lit(level).alias("area_level"), code.alias("area_code"), name.alias("area_name"),
                lit(FINANCE_RETURN).alias("basis"), vintage.alias("footprint_vintage"), col("month"),
                substring(col("financial_year"), 1, 4).cast("int").alias("fy_start_year"),
                substring(col("fy_month"), 2, 2).cast("int").alias("fy_month"),
                col("actual_ytd_gbp_k").cast("double").alias("actual_ytd_gbp_k"),
                col("plan_ytd_gbp_k").cast("double").alias("plan_ytd_gbp_k"),
                col("forecast_outturn_gbp_k").cast("double").alias("forecast_outturn_gbp_k"),
                col("control_total_gbp_k").cast("double").alias("control_total_gbp_k"), orgs.cast("int").alias("orgs_reporting"));
    }

    /**
     * Adds {@code do_nothing_gbp_k}: the {@value #DO_NOTHING_METRIC} rows of the conformed
     * {@code planned_trajectory} (area_code, metric_id, month, planned_value) for the target year
     * (a row's month may be any month of the financial year). Null when no plan supplied one.
     *
     * @param plannedTrajectory the conformed table, or null when the warehouse has none
     */
    public static Dataset<Row> withDoNothing(Dataset<Row> positions, Dataset<Row> plannedTrajectory,
                                             FinanceTrajectoryParameters p) {
        if (plannedTrajectory == null) return positions.withColumn("do_nothing_gbp_k", lit(null).cast("double"));
        Column fyStart = when(month(col("month")).geq(4), year(col("month"))).otherwise(year(col("month")).minus(1));
        Dataset<Row> doNothing = plannedTrajectory.filter(col("metric_id").equalTo(DO_NOTHING_METRIC)
                        .and(fyStart.equalTo(p.targetFyStartYear())))
                .groupBy(col("area_code").alias("dn_area"))
                .agg(max(col("planned_value")).cast("double").alias("do_nothing_gbp_k"));
        return positions.join(broadcast(doNothing), col("area_code").equalTo(col("dn_area")), "left").drop("dn_area");
    }

    /**
     * The trajectory mart of one area level: one row per area, basis and month of {@code positions}
     * (after {@link #withDoNothing}), in {@code schema}'s columns ({@link #FOOTPRINT_SCHEMA} or
     * {@link #ORGANISATION_SCHEMA}).
     */
    public static Dataset<Row> project(Dataset<Row> positions, FinanceTrajectoryParameters p, StructType schema) {
        return PerSeries.map(positions, List.of("area_level", "area_code", "basis"), schema,
                rows -> projectArea(rows.iterator(), p));
    }

    private static Iterator<Row> projectArea(Iterator<Row> rows, FinanceTrajectoryParameters p) {
        List<FinancePoint> points = new ArrayList<>();
        Map<LocalDate, Integer> orgs = new HashMap<>();
        Row first = null;
        Map<Integer, Double> doNothing = new HashMap<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            if (first == null) first = r;
            LocalDate month = r.getAs("month");
            Double actual = r.getAs("actual_ytd_gbp_k");
            // a month without an actual position is no point of the series (it is not a zero)
            if (actual == null) continue;
            points.add(new FinancePoint(month, r.<Integer>getAs("fy_start_year"), r.<Integer>getAs("fy_month"), actual, r.getAs("plan_ytd_gbp_k"), r.getAs("forecast_outturn_gbp_k"),
                    r.getAs("control_total_gbp_k")));
            orgs.put(month, r.getAs("orgs_reporting"));
            Double dn = r.getAs("do_nothing_gbp_k");
            if (dn != null) doNothing.put(p.targetFyStartYear(), dn);
        }
        List<Row> out = new ArrayList<>();
        for (FinanceTrajectory t : ProjectFinancialBalance.project(points, doNothing, p)) {
            out.add(row(first, t, orgs.get(t.asOfMonth())));
        }
        return out.iterator();
    }

    private static Row row(Row area, FinanceTrajectory t, Integer orgs) {
        FinanceTrajectoryParameters p = t.parameters();
        return RowFactory.create(area.getAs("area_level"), area.getAs("area_code"), area.getAs("area_name"),
                area.getAs("basis"), t.asOfMonth(), FinancialYear.label(t.asOfFyStartYear()), label(t.latestFyStartYear()),
                money(t.latestOutturn()), t.isLatestOutturnForecast(), money(t.runRateOutturn()), money(t.gapToPlanYtd()),
                orgs, label(t.windowFirstFyStartYear()), t.pointsUsed(), money(t.trendPerYear()),
                money(t.trendStandardError()), money(t.residualStandardError()), t.balanceStatus().code(),
                label(t.projectedBalanceFyStartYear()), money(t.controlTotal()), t.controlTotalStatus().code(),
                label(t.projectedControlTotalFyStartYear()), FinancialYear.label(p.targetFyStartYear()),
                money(t.requiredImprovementPerYear()), t.isOnTrack(), money(t.trendAtTargetYear()),
                money(t.predictionLower()), money(t.predictionUpper()), money(t.doNothingAtTargetYear()),
                FinanceTrajectoryParameters.METHOD, p.windowYears(), p.minPoints(), TrajectoryValues.pct(p.predictionLevel()),
                p.horizonYears(), area.getAs("footprint_vintage"));
    }

    private static java.math.BigDecimal money(Double amount) {
        return TrajectoryValues.decimal(amount, 2);
    }

    private static String label(Integer fyStartYear) {
        return fyStartYear == null ? null : FinancialYear.label(fyStartYear);
    }

    private static Column nullAmount(String name) {
        return lit(null).cast("double").alias(name);
    }

    /**
     * Coverage ({@link #UNMAPPED_ANNUAL_SCHEMA}): per financial year, the trusts with an annual
     * position that {@code mapping} does not list, their Σ position, and their share of the
     * national operating income.
     */
    public static Dataset<Row> unmappedAnnual(Dataset<Row> annualPositions, Dataset<Row> mapping, String vintage) {
        Dataset<Row> known = mapping.select(col("org_code").alias("m_org")).distinct().withColumn("is_mapped", lit(true));
        Column unmapped = col("is_mapped").isNull();
        Column income = col("operating_income_gbp_k");
        Column national = sum(income);
        DataType money = UNMAPPED_ANNUAL_SCHEMA.apply("unmapped_position_gbp_k").dataType();
        return annualPositions.join(broadcast(known), col("org_code").equalTo(col("m_org")), "left")
                .groupBy("financial_year")
                .agg(distinctCount(col("org_code")).alias("trusts"),
                        distinctCount(when(unmapped, col("org_code"))).alias("unmapped_trusts"),
                        coalesce(sum(when(unmapped, col("financial_position_gbp_k"))), lit(0)).cast(money)
                                .alias("unmapped_position_gbp_k"),
                        sum("financial_position_gbp_k").cast(money).alias("national_position_gbp_k"),
                        when(national.gt(0), coalesce(sum(when(unmapped, income)), lit(0)).multiply(100).divide(national))
                                .cast(UNMAPPED_ANNUAL_SCHEMA.apply("unmapped_income_share_pct").dataType())
                                .alias("unmapped_income_share_pct"))
                .withColumn("footprint_vintage", lit(vintage));
    }
}
