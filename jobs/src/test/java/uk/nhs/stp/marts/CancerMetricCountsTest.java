package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.reference.Metric;
import uk.nhs.stp.reference.Metrics;
import uk.nhs.stp.spark.ContractSchemas;
import uk.nhs.stp.testing.DatasetAssertions;
import uk.nhs.stp.testing.SharedSpark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CancerMetricCountsTest {
    private static final StructType INPUT = ContractSchemas.schema(Contracts.conformed("cancer_waiting_times"));
    private static final LocalDate SEPTEMBER_2025 = LocalDate.of(2025, 9, 1);
    private static final LocalDate AUGUST_2023 = LocalDate.of(2023, 8, 1);
    private static final String FDS_ALL = "28-DAY FDS (ALL ROUTES)";
    private static final String D31_ALL = "31-DAY (ALL CANCER)";
    private static final String D62_ALL = "62-DAY (ALL CANCER)";
    private static final String USC = "USC referral to FOA";
    private static final String UBS = "UBS referral to FHA";

    /** A provider row; total and within as text so 0.5 shares stay exact; null within = suppressed. */
    private static Row row(LocalDate month, String org, String standard, String sheet, String part, String breakdown1,
                           String breakdown2, String total, String within) {
        return withControl(month, org, standard, sheet, part, breakdown1, breakdown2, total, within, false);
    }

    private static Row withControl(LocalDate month, String org, String standard, String sheet, String part,
                                   String breakdown1, String breakdown2, String total, String within, boolean control) {
        Object[] v = new Object[INPUT.size()];
        v[INPUT.fieldIndex("month")] = month;
        v[INPUT.fieldIndex("period_label")] = month.toString();
        v[INPUT.fieldIndex("standard")] = standard;
        v[INPUT.fieldIndex("sheet")] = sheet;
        v[INPUT.fieldIndex("part")] = part;
        v[INPUT.fieldIndex("org_code")] = org;
        v[INPUT.fieldIndex("breakdown_1")] = breakdown1;
        v[INPUT.fieldIndex("breakdown_2")] = breakdown2;
        BigDecimal t = total == null ? null : new BigDecimal(total);
        BigDecimal w = within == null ? null : new BigDecimal(within);
        v[INPUT.fieldIndex("total_count")] = t;
        v[INPUT.fieldIndex("within_standard_count")] = w;
        v[INPUT.fieldIndex("after_standard_count")] = t == null || w == null ? null : t.subtract(w);
        v[INPUT.fieldIndex("is_control_row")] = control;
        return RowFactory.create(v);
    }

    private static Row counts(LocalDate month, String org, String metric, String numerator, String denominator) {
        // published per provider only: no commissioner
        return RowFactory.create(month, org, metric, numerator == null ? null : new BigDecimal(numerator),
                denominator == null ? null : new BigDecimal(denominator), null);
    }

    private static Dataset<Row> run(List<Row> in) {
        return CancerMetricCounts.from(SharedSpark.session().createDataFrame(in, INPUT));
    }

    @Test
    void takesOnlyTheHeadlineRowsOfEachWorkbookSheet() {
        LocalDate m = SEPTEMBER_2025;
        List<Row> in = new ArrayList<>();
        in.add(row(m, "RCF", "28d_fds", FDS_ALL, null, "ALL ROUTES", null, "719", "589"));
        // the BY ROUTE sheet splits the same patients: not added
        in.add(row(m, "RCF", "28d_fds", "28-DAY FDS (BY ROUTE)", null, "URGENT SUSPECTED CANCER",
                "Suspected breast cancer", "300", "250"));
        // 31-day: PART A already holds parts B and C
        in.add(row(m, "RCF", "31d_combined", D31_ALL, "PART A: ALL STAGES", "ALL STAGES", "ALL CANCERS", "100", "95"));
        in.add(row(m, "RCF", "31d_combined", D31_ALL, "PART B: FIRST TREATMENTS", "First Treatment", "ALL CANCERS", "60", "58"));
        in.add(row(m, "RCF", "31d_combined", D31_ALL, "PART C: SUBSEQUENT TREATMENTS", "Subsequent Treatment",
                "ALL CANCERS", "40", "37"));
        in.add(row(m, "RCF", "31d_combined", "31-DAY (BY CANCER)", "PART A: ALL STAGES", "ALL STAGES", "Breast", "30", "29"));
        // 62-day: PART A already holds parts B to E; a shared breach counts 0.5
        in.add(row(m, "RCF", "62d_combined", D62_ALL, "PART A: ALL ROUTES", "ALL ROUTES", "ALL CANCERS", "61.5", "52"));
        in.add(row(m, "RCF", "62d_combined", D62_ALL, "PART B: URGENT SUSPECTED CANCER", "Urgent Suspected Cancer",
                "ALL CANCERS", "40.5", "33"));
        in.add(row(m, "RCF", "62d_combined", "62-DAY (BY TREATMENT MODALITY)", "PART A: ALL ROUTES", "ALL ROUTES",
                "Surgery", "20", "18"));
        // USC: one row per suspected cancer type, no all-types row: summed
        in.add(row(m, "RCF", "2ww_usc", USC, null, "Suspected breast cancer", null, "200", "150"));
        in.add(row(m, "RCF", "2ww_usc", USC, null, "Suspected skin cancer", null, "300", "280"));
        in.add(row(m, "RCF", "2ww_breast_symptomatic", UBS, null,
                "Exhibited (non-cancer) breast symptoms - cancer not initially suspected", null, "50", "45"));
        // the publisher's ALL ENGLISH PROVIDERS rows are control rows
        in.add(withControl(m, null, "28d_fds", FDS_ALL, null, "ALL ROUTES", null, "295202", "217972", true));
        in.add(withControl(m, null, "2ww_usc", USC, null, "Suspected skin cancer", null, "78096", "49462", true));

        List<Row> expected = List.of(
                counts(m, "RCF", "cancer_28d_fds", "589", "719"),
                counts(m, "RCF", "cancer_31d_combined", "95", "100"),
                counts(m, "RCF", "cancer_62d_combined", "52", "61.5"),
                // 150 + 280 within of 200 + 300 seen
                counts(m, "RCF", "cancer_2ww", "430", "500"),
                counts(m, "RCF", "cancer_2ww_breast", "45", "50"));
        DatasetAssertions.assertSameRows(SharedSpark.session().createDataFrame(expected, MetricCounts.SCHEMA),
                run(in), "September 2025 workbook rows");
    }

    @Test
    void takesTheOneRowPerProviderOfALongExtractNamingTheStandard() {
        LocalDate m = AUGUST_2023;
        List<Row> in = List.of(
                row(m, "RCF", "31d_first", null, null, null, null, "80", "77"),
                row(m, "RCF", "31d_subsequent_surgery", null, null, null, null, "20", "19"),
                row(m, "RCF", "31d_subsequent_drugs", null, null, null, null, "30", "30"),
                row(m, "RCF", "31d_subsequent_radiotherapy", null, null, null, null, "25", "23"),
                row(m, "RCF", "62d_gp", null, null, null, null, "40.5", "30"),
                row(m, "RCF", "62d_screening", null, null, null, null, "6", "5"),
                row(m, "RCF", "2ww_usc", null, null, null, null, "900", "850"),
                // consultant upgrade has no national target and no metric
                row(m, "RCF", "62d_upgrade", null, null, null, null, "12", "10"),
                // split by a breakdown with no sheet to say which row is the total: left out, never double counted
                row(m, "RBS", "31d_first", null, null, "Breast", null, "10", "10"),
                row(m, "RBS", "31d_first", null, null, "Lung", null, "5", "4"));
        List<Row> expected = List.of(
                counts(m, "RCF", "cancer_31d_first", "77", "80"),
                counts(m, "RCF", "cancer_31d_sub_surgery", "19", "20"),
                counts(m, "RCF", "cancer_31d_sub_drugs", "30", "30"),
                counts(m, "RCF", "cancer_31d_sub_radio", "23", "25"),
                counts(m, "RCF", "cancer_62d_gp", "30", "40.5"),
                counts(m, "RCF", "cancer_62d_screening", "5", "6"),
                counts(m, "RCF", "cancer_2ww", "850", "900"));
        DatasetAssertions.assertSameRows(SharedSpark.session().createDataFrame(expected, MetricCounts.SCHEMA),
                run(in), "long extract before October 2023");
    }

    @Test
    void aSuppressedCountMakesTheProviderSumNullAndLabelsMatchLoosely() {
        LocalDate m = SEPTEMBER_2025;
        List<Row> in = List.of(
                row(m, "RBS", "2ww_usc", USC, null, "Suspected breast cancer", null, "20", "18"),
                row(m, "RBS", "2ww_usc", USC, null, "Suspected skin cancer", null, "7", null),
                // case, a non-breaking space and doubled spaces in the labels
                row(m, "RXX", "28d_fds", "28-day FDS\u00A0(All Routes)", null, " ALL  ROUTES", null, "10", "8"));
        List<Row> expected = List.of(
                counts(m, "RBS", "cancer_2ww", null, "27"),
                counts(m, "RXX", "cancer_28d_fds", "8", "10"));
        DatasetAssertions.assertSameRows(SharedSpark.session().createDataFrame(expected, MetricCounts.SCHEMA),
                run(in), "suppressed cell and loose labels");
    }

    @Test
    void everyCancerMetricHasHeadlineRowsAndEveryRuleAMetric() {
        Set<String> fromRules = CancerMetricCounts.HEADLINE_ROWS.stream().map(CancerMetricCounts.HeadlineRows::metricId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> defined = Metrics.all().stream().filter(x -> x.sourceTable().equals("cancer_waiting_times"))
                .map(Metric::metricId).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(defined, fromRules, "cancer metrics of reference/metrics.csv and of the headline rules");
        List<String> allowed = Contracts.conformed("cancer_waiting_times").column("standard").allowed();
        for (CancerMetricCounts.HeadlineRows r : CancerMetricCounts.HEADLINE_ROWS) {
            assertTrue(allowed.contains(r.standard()), r + " names a standard of the conformed table");
        }
        DatasetAssertions.assertSchema(MetricCounts.SCHEMA, run(List.of()).schema(), "cancer metric counts");
    }
}
