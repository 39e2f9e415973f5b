package uk.nhs.stp.marts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.spark.ContractSchemas;

import java.util.List;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static uk.nhs.stp.spark.Aggregates.distinctCount;

/**
 * The financial position of each footprint, from the conformed {@code finance_monthly}. Pure
 * transforms. A footprint's position is Σ its providers' surplus/(deficit) + Σ its CCGs'
 * under/(over)spend (positive = surplus or underspend), each organisation's amounts × its weight.
 *
 * <p>Bases: providers are attributed provider by provider, through the organisation → footprint
 * map of the chosen vintage ({@link FootprintMap#forVintage}); CCGs by commissioner, through the
 * commissioners' map of the same vintage ({@link FootprintMap#commissioners}). Organisations that their map does not list are in no
 * footprint and are counted by {@link #unmapped}. Control rows are left out everywhere.
 *
 * <p>Input {@code financeMonthly}: the conformed {@code finance_monthly} (month, financial_year,
 * fy_month, org_code, org_type, plan_ytd_gbp_k, actual_ytd_gbp_k, forecast_outturn_gbp_k,
 * control_total_gbp_k, stf_ytd_gbp_k, is_control_row, …). Mappings: {@code org_code,
 * footprint_code, footprint_name, region_code, weight} (further columns ignored).
 */
public final class FootprintFinance {
    /** The columns of {@code data-schemas/marts/footprint_finance_month.json}, in its order. */
    public static final StructType SCHEMA = ContractSchemas.schema(Contracts.table("marts", "footprint_finance_month"));
    /** The columns of {@code data-schemas/marts/dq_unmapped_finance.json}, in its order. */
    public static final StructType UNMAPPED_SCHEMA = ContractSchemas.schema(Contracts.table("marts", "dq_unmapped_finance"));

    static final String PROVIDER = "Provider";
    static final String CCG = "CCG";
    /** £000 with two decimals, the convention of the BI tools reading the marts. */
    static final DataType MONEY_TYPE = SCHEMA.apply("actual_ytd_gbp_k").dataType();

    private FootprintFinance() { }

    /**
     * The {@code footprint_finance_month} mart ({@link #SCHEMA}). Grain: one row per footprint and
     * month with at least one mapped return. provider_* and ccg_* are Σ amount × weight over the
     * footprint's organisations of that type (null when none of them submitted); plan, actual
     * and variance add both sides (a missing side counts as 0); forecast outturn, control total
     * and STF are Σ × weight over both types (null sums stay null: nobody has a control total or
     * STF). footprint_name and region_code come from the providers' map where it lists the
     * footprint, else from the CCG map.
     *
     * @param vintage the concrete vintage providerMapping was built on ({@link FootprintMap#resolve}),
     *                recorded in footprint_vintage
     * @throws IllegalArgumentException when vintage is not one of {@link FootprintMap#CONCRETE_VINTAGES}
     */
    public static Dataset<Row> month(Dataset<Row> financeMonthly, Dataset<Row> providerMapping,
                                     Dataset<Row> ccgMapping, String vintage) {
        if (!FootprintMap.CONCRETE_VINTAGES.contains(vintage)) {
            throw new IllegalArgumentException("footprint_vintage must be a resolved vintage ("
                    + String.join(", ", FootprintMap.CONCRETE_VINTAGES) + "), not '"
                    + vintage + "': resolve it with FootprintMap.resolve");
        }
        Dataset<Row> returns = financeMonthly.filter(col("is_control_row").equalTo(false));
        Dataset<Row> weighted = attributed(returns, providerMapping, PROVIDER)
                .unionByName(attributed(returns, ccgMapping, CCG));
        Column isProvider = col("org_type").equalTo(PROVIDER);
        Column isCcg = col("org_type").equalTo(CCG);
        Dataset<Row> sums = weighted.groupBy("footprint_code", "month", "financial_year", "fy_month")
                .agg(sum(when(isProvider, w("plan_ytd_gbp_k"))).alias("provider_plan"),
                        sum(when(isProvider, w("actual_ytd_gbp_k"))).alias("provider_actual"),
                        sum(when(isCcg, w("plan_ytd_gbp_k"))).alias("ccg_plan"),
                        sum(when(isCcg, w("actual_ytd_gbp_k"))).alias("ccg_actual"),
                        sum(w("forecast_outturn_gbp_k")).alias("forecast"),
                        sum(w("control_total_gbp_k")).alias("control_total"),
                        sum(w("stf_ytd_gbp_k")).alias("stf"),
                        distinctCount(when(isProvider, col("org_code"))).alias("providers_submitted"),
                        distinctCount(when(isCcg, col("org_code"))).alias("ccgs_submitted"));
        Column plan = coalesce(col("provider_plan"), lit(0)).plus(coalesce(col("ccg_plan"), lit(0)));
        Column actual = coalesce(col("provider_actual"), lit(0)).plus(coalesce(col("ccg_actual"), lit(0)));
        return sums.join(broadcast(names(providerMapping, ccgMapping)), "footprint_code")
                .select(col("footprint_code"), col("footprint_name"), col("region_code"), col("month"),
                        col("financial_year"), col("fy_month"),
                        money(col("provider_plan"), "provider_plan_ytd_gbp_k"),
                        money(col("provider_actual"), "provider_actual_ytd_gbp_k"),
                        money(col("ccg_plan"), "ccg_plan_ytd_gbp_k"),
                        money(col("ccg_actual"), "ccg_actual_ytd_gbp_k"),
                        money(plan, "plan_ytd_gbp_k"), money(actual, "actual_ytd_gbp_k"),
                        // rounded sides first, so that the published variance is the difference of the published columns
                        actual.cast(MONEY_TYPE).minus(plan.cast(MONEY_TYPE)).cast(MONEY_TYPE).alias("variance_ytd_gbp_k"),
                        money(col("forecast"), "forecast_outturn_gbp_k"),
                        money(col("control_total"), "control_total_gbp_k"),
                        money(col("stf"), "stf_ytd_gbp_k"),
                        col("providers_submitted"), col("ccgs_submitted"), lit(vintage).alias("footprint_vintage"));
    }

    /**
     * Data quality, the {@code dq_unmapped_finance} mart ({@link #UNMAPPED_SCHEMA}): returns of
     * providers that {@code providerMapping} does not list and of CCGs that {@code ccgMapping} does
     * not list, which no footprint receives. Grain: one row per month and org_type with returns.
     * Output: {@code month, org_type, unmapped_orgs} (int), {@code unmapped_actual_ytd_gbp_k}
     * (Σ their actual year-to-date amounts, £000; 0 when none is unmapped).
     */
    public static Dataset<Row> unmapped(Dataset<Row> financeMonthly, Dataset<Row> providerMapping,
                                        Dataset<Row> ccgMapping) {
        Dataset<Row> known = known(providerMapping, PROVIDER).unionByName(known(ccgMapping, CCG));
        Column isUnmapped = col("is_mapped").isNull();
        return financeMonthly.filter(col("is_control_row").equalTo(false))
                .join(broadcast(known), seq("org_code", "org_type"), "left")
                .groupBy("month", "org_type")
                .agg(distinctCount(when(isUnmapped, col("org_code"))).alias("unmapped_orgs"),
                        coalesce(sum(when(isUnmapped, col("actual_ytd_gbp_k"))), lit(0)).cast(MONEY_TYPE)
                                .alias("unmapped_actual_ytd_gbp_k"));
    }

    private static Dataset<Row> known(Dataset<Row> mapping, String orgType) {
        return mapping.select("org_code").distinct()
                .withColumn("org_type", lit(orgType)).withColumn("is_mapped", lit(true));
    }

    /** Returns of one organisation type joined to their footprints; amounts are multiplied later. */
    private static Dataset<Row> attributed(Dataset<Row> returns, Dataset<Row> mapping, String orgType) {
        return returns.filter(col("org_type").equalTo(orgType))
                .join(broadcast(mapping.select("org_code", "footprint_code", "weight")), "org_code")
                .select("footprint_code", "month", "financial_year", "fy_month", "org_code", "org_type",
                        "plan_ytd_gbp_k", "actual_ytd_gbp_k", "forecast_outturn_gbp_k", "control_total_gbp_k",
                        "stf_ytd_gbp_k", "weight");
    }

    private static scala.collection.immutable.Seq<String> seq(String... columns) {
        return CollectionConverters.asScala(List.of(columns)).toSeq();
    }

    private static Column w(String amount) {
        return col(amount).multiply(col("weight"));
    }

    private static Column money(Column amount, String name) {
        return amount.cast(MONEY_TYPE).alias(name);
    }

    /** One name and region per footprint: the providers' map first, as it is the vintage chosen. */
    private static Dataset<Row> names(Dataset<Row> providerMapping, Dataset<Row> ccgMapping) {
        // max() makes the pick deterministic should one map spell a footprint two ways
        Dataset<Row> p = providerMapping.groupBy("footprint_code")
                .agg(max("footprint_name").alias("p_name"), max("region_code").alias("p_region"));
        Dataset<Row> c = ccgMapping.groupBy("footprint_code")
                .agg(max("footprint_name").alias("c_name"), max("region_code").alias("c_region"));
        return p.withColumn("p_known", lit(true)).join(c, seq("footprint_code"), "full")
                .select(col("footprint_code"), coalesce(col("p_name"), col("c_name")).alias("footprint_name"),
                        // a footprint of the providers' map keeps its region as that vintage has it (2017: no code)
                        when(col("p_known").isNotNull(), col("p_region")).otherwise(col("c_region")).alias("region_code"));
    }
}
