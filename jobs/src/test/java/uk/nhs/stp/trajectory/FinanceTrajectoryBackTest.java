package uk.nhs.stp.trajectory;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.marts.FootprintMap;
import uk.nhs.stp.marts.RealWarehouse;
import uk.nhs.stp.testing.DatasetAssertions;
import uk.nhs.stp.testing.RawCsv;
import uk.nhs.stp.testing.RawTrustSuccessors;
import uk.nhs.stp.testing.RealData;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Back-test on real data: the trusts' published annual accounts 2010/11–2018/19 and the real
 * trust → STP lookup of 2017/18 are ingested, the footprint finance trajectories built, and
 * three footprints' figures as of 2018/19 checked against a hand calculation from the two raw
 * files: Σ the footprint's trusts per year, then the least-squares slope and the year the line
 * crosses zero, by the textbook formulas written out below. The coverage table is checked against
 * a hand count of the trusts the lookup lacks.
 */
class FinanceTrajectoryBackTest {
    private static final String POSITIONS = "finance/financial_positions.csv";
    private static final String TRUSTS = "lookups_stp/Trust-STP-lookup.csv";
    private static final FinanceTrajectoryParameters P = FinanceTrajectoryParameters.DEFAULTS;

    @TempDir
    static Path dir;
    private static Dataset<Row> trajectories;
    private static Dataset<Row> coverage;
    /** "stp|year" -> Σ FINANCIAL_POSITION of the STP's trusts, from the raw files. */
    private static final Map<String, BigDecimal> byHand = new HashMap<>();
    /** year -> {trusts, trusts the lookup lacks} and their income, from the raw files. */
    private static final Map<Integer, int[]> trustsByHand = new HashMap<>();
    private static final Map<Integer, BigDecimal[]> incomeByHand = new HashMap<>();

    @BeforeAll
    static void buildAndSumByHand() throws IOException {
        RealWarehouse wh = RealWarehouse.ingest(dir, List.of(POSITIONS, TRUSTS));
        Dataset<Row> annual = wh.conformed("finance_annual_positions");
        Dataset<Row> mapping = FootprintMap.forVintage(wh.conformed("org_footprint_map"), FootprintMap.VINTAGE_2017);
        Dataset<Row> positions = FinanceTrajectories.withDoNothing(
                FinanceTrajectories.annualFootprintPositions(annual, mapping, FootprintMap.VINTAGE_2017), null, P);
        trajectories = FinanceTrajectories.project(positions, P, FinanceTrajectories.FOOTPRINT_SCHEMA).cache();
        coverage = FinanceTrajectories.unmappedAnnual(annual, mapping, FootprintMap.VINTAGE_2017).cache();

        Map<String, String> stpOf = new HashMap<>();
        List<String> lookup = Files.readAllLines(RealData.file(TRUSTS), StandardCharsets.UTF_8);
        // header: NHS England Region,Trust,code,STP,STP_code
        for (String line : lookup.subList(1, lookup.size())) {
            if (line.isBlank()) continue;
            List<String> c = RawCsv.split(line);
            stpOf.put(c.get(2).trim(), c.get(4).trim());
        }
        // trusts that merged into a listed trust are placed where their successor is, as the marts do
        stpOf = RawTrustSuccessors.apply(stpOf);
        List<String> raw = Files.readAllLines(RealData.file(POSITIONS), StandardCharsets.UTF_8);
        // header: ORG_CODE,YEAR,FINANCIAL_POSITION,OP_INCOME,OP_COST (YEAR 2018 = 2018/19; a few cells as 1.2E+05)
        Set<String> seen = new HashSet<>();
        for (String line : raw.subList(1, raw.size())) {
            if (line.isBlank()) continue;
            List<String> c = RawCsv.split(line);
            String org = c.get(0).trim();
            int year = Integer.parseInt(c.get(1).trim());
            if (!seen.add(org + "|" + year)) continue;
            BigDecimal position = new BigDecimal(c.get(2).trim());
            BigDecimal income = new BigDecimal(c.get(3).trim());
            String stp = stpOf.get(org);
            int[] counts = trustsByHand.computeIfAbsent(year, y -> new int[2]);
            BigDecimal[] money = incomeByHand.computeIfAbsent(year, y -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            counts[0]++;
            money[0] = money[0].add(income);
            if (stp == null) {
                counts[1]++;
                money[1] = money[1].add(income);
            } else {
                byHand.merge(stp + "|" + year, position, BigDecimal::add);
            }
        }
    }

    private static Row asOf2018(String footprint) {
        List<Row> rows = trajectories.filter("area_code = '" + footprint + "' AND as_of_month = DATE'2019-03-01'").collectAsList();
        assertEquals(1, rows.size(), footprint + " has one row as of 2018/19");
        return rows.get(0);
    }

    /** The least-squares line of the footprint's sums over 2014/15 .. 2018/19: {slope, intercept}. */
    private static double[] olsByHand(String footprint) {
        int[] years = {2014, 2015, 2016, 2017, 2018};
        double meanX = 2016;
        double meanY = 0;
        for (int y : years) meanY += byHand.get(footprint + "|" + y).doubleValue() / years.length;
        double sxx = 0;
        double sxy = 0;
        for (int y : years) {
            sxx += (y - meanX) * (y - meanX);
            sxy += (y - meanX) * (byHand.get(footprint + "|" + y).doubleValue() - meanY);
        }
        double slope = sxy / sxx;
        return new double[] {slope, meanY - slope * meanX};
    }

    private static void assertMoney(double expected, Row row, String column, String what) {
        BigDecimal e = BigDecimal.valueOf(expected).setScale(2, RoundingMode.HALF_UP);
        assertEquals(0, e.compareTo(row.getAs(column)), what + ": " + column + " expected " + e + " was " + row.getAs(column));
    }

    @Test
    void anImprovingFootprintIsProjectedToTheYearItsLineCrossesZero() {
        // E54000016 and E54000036: in deficit in 2018/19 with a rising line over 2014/15 .. 2018/19
        for (String footprint : List.of("E54000016", "E54000036")) {
            Row row = asOf2018(footprint);
            double[] line = olsByHand(footprint);
            int balanceYear = (int) Math.ceil(-line[1] / line[0]);
            assertMoney(byHand.get(footprint + "|2018").doubleValue(), row, "latest_outturn_gbp_k", footprint);
            assertMoney(line[0], row, "trend_gbp_k_per_year", footprint);
            assertEquals("projected", row.getAs("balance_status"), footprint);
            assertEquals(balanceYear + "/" + (balanceYear + 1) % 100, row.getAs("projected_balance_financial_year"), footprint);
            assertEquals(balanceYear <= 2020, row.getAs("is_on_track"), footprint + ": balance by 2020/21?");
            assertMoney(-byHand.get(footprint + "|2018").doubleValue() / 2, row, "required_improvement_gbp_k_per_year",
                    footprint + ": the whole deficit over two years");
            assertEquals(5, (int) row.getAs("points_used"));
            assertEquals("2014/15", row.getAs("window_first_financial_year"));
        }
    }

    @Test
    void aWorseningFootprintIsNotOnCurrentTrend() {
        Row row = asOf2018("E54000006");
        double[] line = olsByHand("E54000006");
        assertEquals(true, line[0] < 0, "the hand-fitted line falls: " + line[0]);
        assertMoney(line[0], row, "trend_gbp_k_per_year", "E54000006");
        assertEquals("not_on_current_trend", row.getAs("balance_status"));
        assertNull(row.getAs("projected_balance_financial_year"));
        assertEquals(false, row.getAs("is_on_track"));
    }

    @Test
    void theFirstTwoYearsHaveInsufficientData() {
        Row row = trajectories.filter("area_code = 'E54000016' AND as_of_month = DATE'2012-03-01'").first();
        assertEquals("insufficient_data", row.getAs("balance_status"), "2010/11 and 2011/12 only");
        assertEquals(2, (int) row.getAs("points_used"));
    }

    @Test
    void coverageCountsTheTrustsTheLookupLacks() {
        DatasetAssertions.assertSchema(FinanceTrajectories.UNMAPPED_ANNUAL_SCHEMA, coverage.schema(), "coverage");
        for (int year : List.of(2010, 2018)) {
            String label = year + "/" + (year + 1) % 100;
            Row row = coverage.filter("financial_year = '" + label + "'").first();
            int[] counts = trustsByHand.get(year);
            assertEquals(counts[0], (int) row.getAs("trusts"), label);
            assertEquals(counts[1], (int) row.getAs("unmapped_trusts"), label);
            BigDecimal share = incomeByHand.get(year)[1].multiply(BigDecimal.valueOf(100))
                    .divide(incomeByHand.get(year)[0], 3, RoundingMode.HALF_UP);
            assertEquals(0, share.compareTo(row.getAs("unmapped_income_share_pct")), label + " income share " + share);
        }
    }

    @Test
    void theMartHasItsContractsColumns() {
        DatasetAssertions.assertSchema(FinanceTrajectories.FOOTPRINT_SCHEMA, trajectories.schema(), "footprint trajectories");
        assertEquals(0, trajectories.filter("as_of_month = DATE'2019-03-01' AND footprint_vintage <> '2017'").count());
        assertEquals(LocalDate.of(2019, 3, 1), trajectories.agg(org.apache.spark.sql.functions.max("as_of_month")).first().getAs(0),
                "the last year, 2018/19, is as at March 2019");
    }
}
