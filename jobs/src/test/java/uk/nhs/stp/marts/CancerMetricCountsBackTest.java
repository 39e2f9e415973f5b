package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.testing.RawCsv;
import uk.nhs.stp.testing.RealData;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Back-test: the real September 2025 and October 2023 provider workbooks are ingested; England's
 * numerator and denominator of each cancer metric, summed over the providers
 * {@link CancerMetricCounts} gives, must equal the publisher's ALL ENGLISH PROVIDERS headline —
 * which they only do if no patient is counted twice across stacked parts, BY sheets and USC
 * cancer types.
 */
class CancerMetricCountsBackTest {
    private static final String SEPTEMBER_2025 = "2025-09-01";
    private static final String OCTOBER_2023 = "2023-10-01";
    private static final String FLATTENED = "derived/SEPTEMBER-2025-CWT-CRS-PROVIDER-headline-standards.DERIVED.csv";
    /** The headline ALL ENGLISH PROVIDERS rows of each metric in the workbook, as SQL over the conformed table. */
    private static final Map<String, String> PUBLISHED_HEADLINE = Map.of(
            "cancer_28d_fds", "sheet = '28-DAY FDS (ALL ROUTES)'",
            "cancer_31d_combined", "sheet = '31-DAY (ALL CANCER)' AND part = 'PART A: ALL STAGES'",
            "cancer_62d_combined", "sheet = '62-DAY (ALL CANCER)' AND part = 'PART A: ALL ROUTES'",
            "cancer_2ww", "sheet = 'USC referral to FOA'",
            "cancer_2ww_breast", "sheet = 'UBS referral to FHA'");

    @TempDir
    static Path dir;
    private static RealWarehouse wh;
    /** "month|metric" -> {Σ numerator, Σ denominator} over providers. */
    private static Map<String, BigDecimal[]> england;

    @BeforeAll
    static void ingestAndCount() throws IOException {
        wh = RealWarehouse.ingest(dir, List.of(
                "cwt_provider_workbooks/SEPTEMBER-2025-CWT-CRS-PROVIDER-WORKBOOK-FINAL.xlsx",
                "cwt_provider_workbooks/OCTOBER-2023-CWT-CRS-PROVIDER-WORKBOOK-FINAL.xlsx"));
        england = new TreeMap<>();
        for (Row r : CancerMetricCounts.from(wh.conformed("cancer_waiting_times"))
                .groupBy("month", "metric_id").sum("numerator", "denominator").collectAsList()) {
            england.put(r.get(0) + "|" + r.getString(1), new BigDecimal[] {r.getDecimal(2), r.getDecimal(3)});
        }
    }

    private static void assertCounts(BigDecimal within, BigDecimal total, String key, String what) {
        BigDecimal[] spark = england.get(key);
        assertNotNull(spark, key + " has metric counts");
        assertEquals(0, within.compareTo(spark[0]), key + " numerator vs " + what + ": " + within + " vs " + spark[0]);
        assertEquals(0, total.compareTo(spark[1]), key + " denominator vs " + what + ": " + total + " vs " + spark[1]);
    }

    @Test
    void septemberEnglandSumsEqualTheAllEnglishProvidersRowsOfTheFlattenedPublication() throws IOException {
        // The flattened CSV's provider rows of the 62-day sheet lost their 0.5 shares, but its ALL
        // ENGLISH PROVIDERS rows are the workbook's own (whole numbers this month), so every metric,
        // 62-day included, is compared exactly with those rows; the USC sheet has one England row
        // per suspected cancer type, added up here.
        Map<String, BigDecimal[]> published = new TreeMap<>();
        List<String> lines = Files.readAllLines(RealData.file(FLATTENED), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = RawCsv.split(line);
            if (!c.get(3).isEmpty() || !c.get(4).equals("ALL ENGLISH PROVIDERS")) continue;
            String sheet = c.get(1);
            String part = c.get(2);
            String metric = sheet.equals("28-DAY FDS (ALL ROUTES)") ? "cancer_28d_fds"
                    : sheet.equals("31-DAY (ALL CANCER)") && part.equals("PART A: ALL STAGES") ? "cancer_31d_combined"
                    : sheet.equals("62-DAY (ALL CANCER)") && part.equals("PART A: ALL ROUTES") ? "cancer_62d_combined"
                    : sheet.equals("USC referral to FOA") ? "cancer_2ww"
                    : null;
            if (metric == null) continue;
            BigDecimal total = new BigDecimal(c.get(7));
            BigDecimal within = new BigDecimal(c.get(8));
            published.merge(metric, new BigDecimal[] {within, total},
                    (a, b) -> new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1])});
        }
        assertEquals(4, published.size(), "28-day, 31-day, 62-day and USC headlines found: " + published.keySet());
        assertEquals(0, new BigDecimal("286431").compareTo(published.get("cancer_2ww")[1]), "16 USC rows added up");
        for (Map.Entry<String, BigDecimal[]> e : published.entrySet()) {
            assertCounts(e.getValue()[0], e.getValue()[1], SEPTEMBER_2025 + "|" + e.getKey(), "flattened CSV");
        }
        // the flattened CSV has no UBS sheet: the workbook's ALL ENGLISH PROVIDERS row of 'UBS referral to FHA'
        assertCounts(new BigDecimal("5685"), new BigDecimal("9188"), SEPTEMBER_2025 + "|cancer_2ww_breast",
                "the workbook's UBS England row");
    }

    @Test
    void englandSumsEqualTheWorkbooksOwnControlRowsBothMonthsShareIncluded() {
        // October 2023's 62-day England figure is 25016.5 treated: the 0.5 shares must add up exactly
        Dataset<Row> control = wh.conformed("cancer_waiting_times").filter("is_control_row");
        for (String month : List.of(SEPTEMBER_2025, OCTOBER_2023)) {
            for (Map.Entry<String, String> e : PUBLISHED_HEADLINE.entrySet()) {
                Row r = control.filter("month = DATE'" + month + "' AND " + e.getValue())
                        .selectExpr("sum(within_standard_count)", "sum(total_count)").first();
                assertCounts(r.getDecimal(0), r.getDecimal(1), month + "|" + e.getKey(), "workbook control rows");
            }
        }
        assertEquals(0, new BigDecimal("25016.5").compareTo(england.get(OCTOBER_2023 + "|cancer_62d_combined")[1]),
                "October 2023 62-day treated");
        assertEquals(2 * PUBLISHED_HEADLINE.size(), england.size(),
                "five metrics per workbook month and no pre-October-2023 ones: " + england.keySet());
    }
}
