package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.testing.SharedSpark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ratios of summed counts, targets by validity and direction, and a dense month grid, on hand-made counts. */
class MetricMonthTest {
    private static SparkSession spark;
    private static final LocalDate APR = LocalDate.of(2025, 4, 1);
    private static final LocalDate MAY = LocalDate.of(2025, 5, 1);
    private static final LocalDate JUN = LocalDate.of(2025, 6, 1);

    @BeforeAll
    static void spark() {
        spark = SharedSpark.session();
    }

    private static BigDecimal d(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    private Dataset<Row> counts() {
        return spark.createDataFrame(List.of(
                RowFactory.create(APR, "RAA", "ae_4h", d("90.0"), d("100.0"), null),
                RowFactory.create(APR, "RBB", "ae_4h", d("50.0"), d("100.0"), null),
                RowFactory.create(MAY, "RAA", "ae_4h", d("95.0"), d("100.0"), null),
                RowFactory.create(APR, "RAA", "rtt_52w_plus", d("3.0"), null, "01A")), MetricCounts.SCHEMA);
    }

    private Dataset<Row> metrics() {
        return spark.createDataFrame(List.of(
                RowFactory.create("ae_4h", "pct", "higher_is_better"),
                RowFactory.create("rtt_52w_plus", "count", "lower_is_better")),
                new StructType().add("metric_id", DataTypes.StringType).add("unit", DataTypes.StringType)
                        .add("direction", DataTypes.StringType));
    }

    private Dataset<Row> targets() {
        return spark.createDataFrame(List.of(
                RowFactory.create("ae_4h", d("95.00"), null, LocalDate.of(2016, 4, 1), LocalDate.of(2025, 3, 31)),
                RowFactory.create("ae_4h", d("78.00"), null, APR, null),
                RowFactory.create("rtt_52w_plus", null, 0L, APR, null)),
                new StructType().add("metric_id", DataTypes.StringType)
                        .add("standard_pct", DataTypes.createDecimalType(5, 2)).add("standard_count", DataTypes.LongType)
                        .add("valid_from", DataTypes.DateType).add("valid_to", DataTypes.DateType));
    }

    private Dataset<Row> months() {
        return spark.createDataFrame(List.of(RowFactory.create(APR), RowFactory.create(MAY), RowFactory.create(JUN)),
                new StructType().add("month", DataTypes.DateType));
    }

    private static Row find(List<Row> rows, String area, String metric, LocalDate month) {
        return rows.stream().filter(r -> r.getAs("area_code").equals(area) && r.getAs("metric_id").equals(metric)
                && r.getAs("month").equals(month)).findFirst().orElseThrow();
    }

    @Test
    void englandIsARatioOfSummedCountsWithTargetsAndADenseGrid() {
        List<Row> rows = MetricMonth.finish(MetricMonth.englandTotals(counts()), metrics(), targets(), months(), "latest")
                .collectAsList();
        assertEquals(6, rows.size(), "2 metrics x 3 months, every month a row");

        Row april = find(rows, MetricMonth.ENGLAND_CODE, "ae_4h", APR);
        // (90 + 50) / (100 + 100) = 70%, not the mean of 90% and 50% (which would also be 70%) -- see May
        assertEquals(0, new BigDecimal("70").compareTo(april.getAs("value")));
        assertEquals(0, new BigDecimal("78").compareTo(april.getAs("target")), "the standard valid in April 2025");
        assertFalse(april.<Boolean>getAs("target_met"));
        assertEquals(2, april.<Integer>getAs("orgs_submitted"));
        assertEquals(2, april.<Integer>getAs("orgs_expected"));

        Row may = find(rows, MetricMonth.ENGLAND_CODE, "ae_4h", MAY);
        assertEquals(0, new BigDecimal("95").compareTo(may.getAs("value")), "only RAA reported: 95/100");
        assertTrue(may.<Boolean>getAs("target_met"));
        assertEquals(1, may.<Integer>getAs("orgs_submitted"));
        assertEquals(2, may.<Integer>getAs("orgs_expected"), "RBB was expected and did not submit");

        Row june = find(rows, MetricMonth.ENGLAND_CODE, "ae_4h", JUN);
        assertFalse(june.<Boolean>getAs("has_data"), "a month without data is a row saying so");
        assertNull(june.getAs("value"));
        assertNull(june.getAs("target_met"));
        assertEquals(0, june.<Integer>getAs("orgs_submitted"));

        Row waiters = find(rows, MetricMonth.ENGLAND_CODE, "rtt_52w_plus", APR);
        assertEquals(0, new BigDecimal("3").compareTo(waiters.getAs("value")), "a count metric's value is its count");
        assertEquals(0, BigDecimal.ZERO.compareTo(waiters.getAs("target")));
        assertFalse(waiters.<Boolean>getAs("target_met"), "lower is better: 3 > 0 misses the zero standard");
        assertEquals("latest", waiters.getAs("footprint_vintage"));
    }

    @Test
    void providersAreTheirOwnSeriesAndEstimatesKeepTheirValue() {
        List<Row> rows = MetricMonth.finish(MetricMonth.providerTotals(counts()), metrics(), targets(), months(), "latest")
                .collectAsList();
        assertEquals(9, rows.size(), "3 provider series (RAA ae_4h, RBB ae_4h, RAA rtt_52w_plus) x 3 months");
        assertEquals(0, new BigDecimal("90").compareTo(find(rows, "RAA", "ae_4h", APR).getAs("value")));
        assertFalse(find(rows, "RBB", "ae_4h", MAY).<Boolean>getAs("has_data"));

        Dataset<Row> p92 = spark.createDataFrame(List.of(RowFactory.create("RAA", APR, d("40.5000"), true)),
                new StructType().add("area_code", DataTypes.StringType).add("month", DataTypes.DateType)
                        .add("value_weeks", DataTypes.createDecimalType(12, 4)).add("is_censored", DataTypes.BooleanType));
        Dataset<Row> weeks = spark.createDataFrame(List.of(RowFactory.create("rtt_p92_weeks", "weeks", "lower_is_better")),
                metrics().schema());
        Row estimate = MetricMonth.finish(MetricMonth.estimates(p92, "provider", "rtt_p92_weeks"), weeks, targets(),
                months(), "latest").filter("month = DATE'2025-04-01'").first();
        assertEquals(0, new BigDecimal("40.5").compareTo(estimate.getAs("value")));
        assertTrue(estimate.<Boolean>getAs("is_censored"));
        assertNull(estimate.getAs("target"), "no standard for the 92nd percentile");
    }

    @Test
    void percentilesEstimatedMonthByMonthCountEveryMonthsMembersAsExpected() {
        StructType bandSchema = new StructType().add("month", DataTypes.DateType).add("org_code", DataTypes.StringType)
                .add("commissioner_code", DataTypes.StringType).add("band_index", DataTypes.IntegerType)
                .add("open_band_from_weeks", DataTypes.IntegerType).add("pathways_count", DataTypes.LongType);
        Dataset<Row> bands = spark.createDataFrame(List.of(
                RowFactory.create(APR, "RAA", "01A", 0, 52, 50L), RowFactory.create(APR, "RAA", "01A", 1, 52, 50L),
                RowFactory.create(MAY, "RAA", "01A", 0, 52, 0L), RowFactory.create(MAY, "RBB", "01A", 0, 52, 0L),
                RowFactory.create(MAY, "RBB", "01A", 2, 52, 10L),
                RowFactory.create(JUN, "RCC", "01A", 0, 52, 4L)), bandSchema);
        // each month estimated on its own, as the derived layer does, then put together
        Dataset<Row> monthly = null;
        for (LocalDate month : List.of(APR, MAY, JUN)) {
            Dataset<Row> one = MonthlyWaitPercentiles.of(MetricMonth.bandsByArea(bands.filter(
                    org.apache.spark.sql.functions.col("month").equalTo(org.apache.spark.sql.functions.lit(month)))));
            monthly = monthly == null ? one : monthly.unionByName(one);
        }
        List<Row> rows = MonthlyWaitPercentiles.aggregated(monthly).collectAsList();
        // April: 100 pathways, rank 0.92 × 100 = 92, band 1 holds 51..100: 1 + (92 − 50) / 50 = 1.84 weeks
        Row april = find(rows, MetricMonth.ENGLAND_CODE, "rtt_p92_weeks", APR);
        assertEquals(0, new BigDecimal("1.84").compareTo(april.getAs("value")));
        assertEquals(1, april.<Integer>getAs("orgs_submitted"));
        // May: 10 pathways, all in band 2: 2 + 9.2 / 10 = 2.92; RAA had a row (an empty band 0), so it submitted
        Row may = find(rows, MetricMonth.ENGLAND_CODE, "rtt_p92_weeks", MAY);
        assertEquals(0, new BigDecimal("2.92").compareTo(may.getAs("value")));
        assertEquals(2, may.<Integer>getAs("orgs_submitted"));
        // June: 4 pathways in band 0: 0 + 3.68 / 4 = 0.92
        Row june = find(rows, MetricMonth.ENGLAND_CODE, "rtt_p92_weeks", JUN);
        assertEquals(0, new BigDecimal("0.92").compareTo(june.getAs("value")));
        // RAA, RBB and RCC each had pathways in some month: three expected in every month
        for (Row r : List.of(april, may, june)) assertEquals(3, r.<Integer>getAs("orgs_expected"));
        // a provider is its own only member; RAA's May distribution is empty: no estimate
        Row raaMay = find(rows, "RAA", "rtt_p92_weeks", MAY);
        assertNull(raaMay.getAs("value"));
        assertEquals(1, raaMay.<Integer>getAs("orgs_expected"));
        // the same rows as estimating all months at once
        assertEquals(new java.util.HashSet<>(MetricMonth.waitPercentiles(MetricMonth.bandsByArea(bands)).collectAsList()),
                new java.util.HashSet<>(rows));
    }
}
