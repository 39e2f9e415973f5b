package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.spark.ContractSchemas;
import uk.nhs.stp.testing.DatasetAssertions;
import uk.nhs.stp.testing.SharedSpark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Footprint finance: weighted provider and CCG sums, totals, variance and the unmapped returns, on hand-made rows. */
class FootprintFinanceTest {
    private static SparkSession spark;
    private static final StructType FINANCE = ContractSchemas.schema(Contracts.conformed("finance_monthly"));
    private static final StructType MAP = ContractSchemas.schema(Contracts.conformed("org_footprint_map"));
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

    /** A finance row; amounts already parsed (brackets → negatives) as the conformed table holds them. */
    static Row finance(LocalDate month, String org, String type, String plan, String actual, String forecast,
                       String control, String stf, boolean controlRow) {
        Object[] v = new Object[FINANCE.length()];
        v[FINANCE.fieldIndex("month")] = month;
        v[FINANCE.fieldIndex("financial_year")] = "2017/18";
        v[FINANCE.fieldIndex("fy_month")] = String.format("M%02d", month.getMonthValue() - 3);
        v[FINANCE.fieldIndex("org_code")] = org;
        v[FINANCE.fieldIndex("org_type")] = type;
        v[FINANCE.fieldIndex("plan_ytd_gbp_k")] = d(plan);
        v[FINANCE.fieldIndex("actual_ytd_gbp_k")] = d(actual);
        v[FINANCE.fieldIndex("forecast_outturn_gbp_k")] = d(forecast);
        v[FINANCE.fieldIndex("control_total_gbp_k")] = d(control);
        v[FINANCE.fieldIndex("stf_ytd_gbp_k")] = d(stf);
        v[FINANCE.fieldIndex("is_control_row")] = controlRow;
        v[FINANCE.fieldIndex("data_flags")] = new ArrayList<String>();
        v[FINANCE.fieldIndex("source_file")] = "finance.csv";
        v[FINANCE.fieldIndex("source_sha256")] = "0";
        v[FINANCE.fieldIndex("source_line")] = 1L;
        v[FINANCE.fieldIndex("run_id")] = "r1";
        return RowFactory.create(v);
    }

    static Row mapRow(String lookup, String org, String footprint, String name, String regionCode, String weight) {
        Object[] v = new Object[MAP.length()];
        v[MAP.fieldIndex("lookup")] = lookup;
        v[MAP.fieldIndex("org_code")] = org;
        v[MAP.fieldIndex("org_type")] = lookup.startsWith("ccg") ? "ccg" : "trust";
        v[MAP.fieldIndex("footprint_code")] = footprint;
        v[MAP.fieldIndex("footprint_name")] = name;
        v[MAP.fieldIndex("footprint_type")] = "stp";
        v[MAP.fieldIndex("region_code")] = regionCode;
        v[MAP.fieldIndex("region_name")] = regionCode == null ? "Old Region" : "Region " + regionCode;
        v[MAP.fieldIndex("valid_from")] = APR;
        v[MAP.fieldIndex("weight")] = d(weight);
        v[MAP.fieldIndex("is_control_row")] = false;
        v[MAP.fieldIndex("data_flags")] = new ArrayList<String>();
        v[MAP.fieldIndex("source_file")] = "lookup.csv";
        v[MAP.fieldIndex("source_sha256")] = "0";
        v[MAP.fieldIndex("source_line")] = 1L;
        v[MAP.fieldIndex("run_id")] = "r1";
        return RowFactory.create(v);
    }

    /**
     * RAA in F1; RBB split 0.25 F1 / 0.75 F2; RZZ unmapped; CCG 01A in F1, 02B in F2, 99X unmapped;
     * plus a published total row that must not count.
     */
    private static Dataset<Row> financeRows() {
        return spark.createDataFrame(List.of(
                finance(APR, "RAA", "Provider", "-100.000", "-150.500", "-1200.000", "-1000.000", "50.000", false),
                finance(APR, "RBB", "Provider", "200.000", "100.000", "800.000", null, "40.000", false),
                finance(APR, "RZZ", "Provider", "10.000", "-7.000", "0.000", null, null, false),
                finance(APR, "01A", "CCG", "0.000", "-30.000", "-60.000", null, null, false),
                finance(APR, "02B", "CCG", "5.000", "12.340", "20.000", "0.000", null, false),
                finance(APR, "99X", "CCG", "1.000", "2.000", "3.000", null, null, false),
                finance(APR, "TOT", "Provider", "999.000", "999.000", "999.000", null, null, true),
                finance(MAY, "01A", "CCG", "0.000", "-55.000", "-60.000", null, null, false)), FINANCE);
    }

    private static Dataset<Row> providerMapping() {
        return spark.createDataFrame(List.of(
                RowFactory.create("RAA", F1, "Footprint One", "E40000001", "Region E40000001", d("1.000000")),
                RowFactory.create("RBB", F1, "Footprint One", "E40000001", "Region E40000001", d("0.250000")),
                RowFactory.create("RBB", F2, "Footprint Two", null, "Old Region", d("0.750000"))), FootprintMap.SCHEMA);
    }

    private static Dataset<Row> orgFootprintMap() {
        return spark.createDataFrame(List.of(
                mapRow("trust_stp_lookup_csv", "RAA", F1, "Footprint One", null, "1"),
                mapRow("ccg18_stp_lookup_csv", "01A", F1, "Footprint One (CCG lookup)", "E40000001", "1"),
                mapRow("ccg18_stp_lookup_csv", "02B", F2, "Footprint Two", "E40000002", "1")), MAP);
    }

    private static Row out(String footprint, String name, String region, LocalDate month, String pPlan, String pActual,
                           String cPlan, String cActual, String plan, String actual, String variance, String forecast,
                           String control, String stf, int providers, int ccgs) {
        return RowFactory.create(footprint, name, region, month, "2017/18",
                String.format("M%02d", month.getMonthValue() - 3), d(pPlan), d(pActual), d(cPlan), d(cActual),
                d(plan), d(actual), d(variance), d(forecast), d(control), d(stf), providers, ccgs, "2018");
    }

    @Test
    void theCommissionersMapOf2018IsTheCcgLookupRows() {
        List<Row> rows = FootprintMap.commissioners(orgFootprintMap(), "2018", null).orderBy("org_code").collectAsList();
        assertEquals(2, rows.size());
        assertEquals(RowFactory.create("01A", F1, "Footprint One (CCG lookup)", "E40000001", "Region E40000001",
                d("1.000000")), rows.get(0));
        DatasetAssertions.assertSchema(FootprintMap.SCHEMA, FootprintMap.commissioners(orgFootprintMap(), "2018", null).schema(), "ccg map");
    }

    @Test
    void footprintsSumWeightedProviderAndCcgPositions() {
        Dataset<Row> actual = FootprintFinance.month(financeRows(), providerMapping(),
                FootprintMap.commissioners(orgFootprintMap(), "2018", null), "2018");
        Dataset<Row> expected = spark.createDataFrame(List.of(
                // F1 April: providers RAA -100 + 0.25 x 200 = -50 plan, -150.5 + 0.25 x 100 = -125.5 actual;
                // CCG 01A plan 0, actual -30; total plan -50, actual -155.5, variance -105.5;
                // forecast -1200 + 200 - 60 = -1060; control total RAA only -1000; STF 50 + 10 = 60
                out(F1, "Footprint One", "E40000001", APR, "-50.00", "-125.50", "0.00", "-30.00",
                        "-50.00", "-155.50", "-105.50", "-1060.00", "-1000.00", "60.00", 2, 1),
                // F2 April: providers 0.75 x RBB = 150 plan, 75 actual; CCG 02B 5 / 12.34;
                // totals 155 / 87.34, variance -67.66; forecast 600 + 20 = 620; control 0; STF 30.
                // Name from the providers' map; its region (none in this vintage's row) is kept null
                out(F2, "Footprint Two", null, APR, "150.00", "75.00", "5.00", "12.34",
                        "155.00", "87.34", "-67.66", "620.00", "0.00", "30.00", 1, 1),
                // F1 May: CCG only; provider columns null, totals from the CCG side
                out(F1, "Footprint One", "E40000001", MAY, null, null, "0.00", "-55.00",
                        "0.00", "-55.00", "-55.00", "-60.00", null, null, 0, 1)), FootprintFinance.SCHEMA);
        DatasetAssertions.assertSameRows(expected, actual, "footprint_finance_month");
    }

    @Test
    void aFootprintOnlyTheCcgLookupKnowsTakesItsNameAndRegion() {
        Dataset<Row> noProviders = spark.createDataFrame(List.of(), FootprintMap.SCHEMA);
        List<Row> rows = FootprintFinance.month(financeRows(), noProviders,
                        FootprintMap.commissioners(orgFootprintMap(), "2018", null), "2017")
                .filter("footprint_code = 'E54000002'").collectAsList();
        assertEquals(1, rows.size());
        Row r = rows.get(0);
        assertEquals("Footprint Two", r.getAs("footprint_name"));
        assertEquals("E40000002", r.getAs("region_code"));
        assertEquals(0, (int) r.getAs("providers_submitted"));
        assertEquals("2017", r.getAs("footprint_vintage"));
    }

    @Test
    void unmappedReturnsAreCountedPerMonthAndType() {
        Dataset<Row> actual = FootprintFinance.unmapped(financeRows(), providerMapping(),
                FootprintMap.commissioners(orgFootprintMap(), "2018", null));
        Dataset<Row> expected = spark.createDataFrame(List.of(
                RowFactory.create(APR, "Provider", 1, d("-7.00")),
                RowFactory.create(APR, "CCG", 1, d("2.00")),
                // nothing unmapped: a row saying so
                RowFactory.create(MAY, "CCG", 0, d("0.00"))), FootprintFinance.UNMAPPED_SCHEMA);
        DatasetAssertions.assertSameRows(expected, actual, "dq_unmapped_finance");
    }

    @Test
    void aProviderCodeInTheCcgMapDoesNotMapAProvider() {
        // RZZ is listed by the CCG lookup only: as a provider it stays unmapped
        Dataset<Row> ccgMap = spark.createDataFrame(List.of(
                RowFactory.create("RZZ", F1, "Footprint One", "E40000001", "R", d("1.000000"))), FootprintMap.SCHEMA);
        Row provider = FootprintFinance.unmapped(financeRows(), providerMapping(), ccgMap)
                .filter("month = DATE'2017-04-01' AND org_type = 'Provider'").first();
        assertEquals(1, (int) provider.getAs("unmapped_orgs"));
    }

    @Test
    void schemasEqualTheContracts() {
        Dataset<Row> ccg = FootprintMap.commissioners(orgFootprintMap(), "2018", null);
        DatasetAssertions.assertSchema(ContractSchemas.schema(Contracts.table("marts", "footprint_finance_month")),
                FootprintFinance.month(financeRows(), providerMapping(), ccg, "2018").schema(), "footprint_finance_month");
        DatasetAssertions.assertSchema(ContractSchemas.schema(Contracts.table("marts", "dq_unmapped_finance")),
                FootprintFinance.unmapped(financeRows(), providerMapping(), ccg).schema(), "dq_unmapped_finance");
    }

    @Test
    void anUnresolvedVintageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> FootprintFinance.month(financeRows(), providerMapping(),
                FootprintMap.commissioners(orgFootprintMap(), "2018", null), FootprintMap.LATEST));
    }
}
