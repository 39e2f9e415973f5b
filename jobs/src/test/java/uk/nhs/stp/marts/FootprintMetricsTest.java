package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.testing.DatasetAssertions;
import uk.nhs.stp.testing.SharedSpark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Weighted footprint and region sums, and the unmapped activity, on hand-made counts and maps. */
class FootprintMetricsTest {
    private static SparkSession spark;
    private static final LocalDate APR = LocalDate.of(2017, 4, 1);
    private static final LocalDate MAY = LocalDate.of(2017, 5, 1);
    private static final StructType AGGREGATED = new StructType()
            .add("area_level", DataTypes.StringType).add("area_code", DataTypes.StringType)
            .add("month", DataTypes.DateType).add("metric_id", DataTypes.StringType)
            .add("numerator", MetricMonth.COUNT_TYPE).add("denominator", MetricMonth.COUNT_TYPE)
            .add("value", MetricMonth.VALUE_TYPE).add("is_censored", DataTypes.BooleanType)
            .add("orgs_submitted", DataTypes.IntegerType).add("orgs_expected", DataTypes.IntegerType);

    @BeforeAll
    static void spark() {
        spark = SharedSpark.session();
    }

    private static BigDecimal d(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    /**
     * RZZ is in no footprint; RBB is split 50/50 between the two footprints. RTT rows carry their
     * commissioner: 01A is in F1, 99X in no footprint; RZZ's waiters commissioned by 01A reach F1.
     */
    private static Dataset<Row> counts() {
        return spark.createDataFrame(List.of(
                RowFactory.create(APR, "RAA", "ae_4h", d("90.0"), d("100.0"), null),
                RowFactory.create(APR, "RBB", "ae_4h", d("50.0"), d("100.0"), null),
                RowFactory.create(APR, "RCC", "ae_4h", d("80.0"), d("100.0"), null),
                RowFactory.create(APR, "RZZ", "ae_4h", d("10.0"), d("20.0"), null),
                RowFactory.create(MAY, "RAA", "ae_4h", d("95.0"), d("100.0"), null),
                RowFactory.create(APR, "RAA", "rtt_52w_plus", d("3.0"), null, "01A"),
                RowFactory.create(APR, "RZZ", "rtt_52w_plus", d("4.0"), null, "01A"),
                RowFactory.create(APR, "RZZ", "rtt_52w_plus", d("2.0"), null, "99X")), MetricCounts.SCHEMA);
    }

    /** A&E by provider, RTT by commissioner, as dim_metric says. */
    private static Dataset<Row> basis() {
        return spark.createDataFrame(List.of(RowFactory.create("ae_4h", "provider"),
                RowFactory.create("rtt_52w_plus", "commissioner")),
                new StructType().add("metric_id", DataTypes.StringType).add("basis", DataTypes.StringType));
    }

    /** The commissioners' map: CCG 01A in F1 (provider RAA's footprint too). */
    private static Dataset<Row> commissioners() {
        return spark.createDataFrame(List.of(
                RowFactory.create("01A", "E54000001", "F1", "E40000001", "North", d("1.000000"))), FootprintMap.SCHEMA);
    }

    /** F1 has a region code; F2, as in the 2017 lookup, only a region name. */
    private static Dataset<Row> mapping() {
        return spark.createDataFrame(List.of(
                RowFactory.create("RAA", "E54000001", "F1", "E40000001", "North", d("1.000000")),
                RowFactory.create("RBB", "E54000001", "F1", "E40000001", "North", d("0.500000")),
                RowFactory.create("RBB", "E54000002", "F2", null, "South Region", d("0.500000")),
                RowFactory.create("RCC", "E54000002", "F2", null, "South Region", d("1.000000"))), FootprintMap.SCHEMA);
    }

    private static Row agg(String level, String area, LocalDate month, String metric, String num, String den,
                           int submitted, int expected) {
        return RowFactory.create(level, area, month, metric, d(num), d(den), null, false, submitted, expected);
    }

    /** The footprint and region rows of {@link #counts}, worked out by hand. */
    private static List<Row> footprintAndRegionRows() {
        return List.of(
                // F1 April: RAA 90/100 + half of RBB 25/50 = 115/150, two providers
                agg("footprint", "E54000001", APR, "ae_4h", "115.0", "150.0", 2, 2),
                agg("footprint", "E54000001", MAY, "ae_4h", "95.0", "100.0", 1, 2),
                // F2 April: half of RBB 25/50 + RCC 80/100 = 105/150
                agg("footprint", "E54000002", APR, "ae_4h", "105.0", "150.0", 2, 2),
                // RTT by commissioner: 01A's waiters at RAA (3) and at the unmapped provider RZZ (4); one commissioner
                agg("footprint", "E54000001", APR, "rtt_52w_plus", "7.0", null, 1, 1),
                agg("region", "E40000001", APR, "ae_4h", "115.0", "150.0", 2, 2),
                agg("region", "E40000001", MAY, "ae_4h", "95.0", "100.0", 1, 2),
                // no region code: the region's name is the area code
                agg("region", "South Region", APR, "ae_4h", "105.0", "150.0", 2, 2),
                agg("region", "E40000001", APR, "rtt_52w_plus", "7.0", null, 1, 1));
    }

    @Test
    void footprintsAndRegionsSumWeightedCounts() {
        Dataset<Row> expected = spark.createDataFrame(footprintAndRegionRows(), AGGREGATED);
        DatasetAssertions.assertSameRows(expected, FootprintMetrics.aggregate(counts(), basis(), mapping(), commissioners()),
                "weighted sums per footprint and region; RZZ's A&E and 99X's RTT in neither");
    }

    @Test
    void areaSumsTakenMonthByMonthCountEveryMonthsMembersAsExpected() {
        // each month summed on its own, as the derived layer does on the night it arrives
        Dataset<Row> monthly = null;
        for (LocalDate month : List.of(APR, MAY)) {
            Dataset<Row> one = MonthlyAreaMetrics.of(counts().filter(org.apache.spark.sql.functions.col("month").equalTo(month)),
                    basis(), mapping(), commissioners());
            monthly = monthly == null ? one : monthly.unionByName(one);
        }
        Dataset<Row> aggregated = MonthlyAreaMetrics.aggregated(monthly);
        List<Row> rows = new ArrayList<>(List.of(
                // England April: RAA 90 + RBB 50 + RCC 80 + RZZ 10 = 230 / 320, four providers; May RAA alone,
                // but the four of April are still expected
                agg("england", MetricMonth.ENGLAND_CODE, APR, "ae_4h", "230.0", "320.0", 4, 4),
                agg("england", MetricMonth.ENGLAND_CODE, MAY, "ae_4h", "95.0", "100.0", 1, 4),
                // RTT: 3 + 4 + 2 = 9 waiters at two providers (RZZ's two commissioners counted once)
                agg("england", MetricMonth.ENGLAND_CODE, APR, "rtt_52w_plus", "9.0", null, 2, 2),
                agg("provider", "RAA", APR, "ae_4h", "90.0", "100.0", 1, 1),
                agg("provider", "RBB", APR, "ae_4h", "50.0", "100.0", 1, 1),
                agg("provider", "RCC", APR, "ae_4h", "80.0", "100.0", 1, 1),
                agg("provider", "RZZ", APR, "ae_4h", "10.0", "20.0", 1, 1),
                agg("provider", "RAA", MAY, "ae_4h", "95.0", "100.0", 1, 1),
                agg("provider", "RAA", APR, "rtt_52w_plus", "3.0", null, 1, 1),
                // RZZ's 4 (01A) + 2 (99X) summed over its commissioners
                agg("provider", "RZZ", APR, "rtt_52w_plus", "6.0", null, 1, 1)));
        rows.addAll(footprintAndRegionRows());
        Dataset<Row> expected = spark.createDataFrame(rows, AGGREGATED);
        DatasetAssertions.assertSameRows(expected, aggregated, "area sums month by month, members counted across months");
        Dataset<Row> allAtOnce = MetricMonth.englandTotals(counts()).unionByName(MetricMonth.providerTotals(counts()))
                .unionByName(FootprintMetrics.aggregate(counts(), basis(), mapping(), commissioners()));
        DatasetAssertions.assertSameRows(allAtOnce, aggregated, "the same rows as summing every month at once");
    }

    @Test
    void theFootprintValueIsTheRatioOfTheWeightedSums() {
        Dataset<Row> metrics = spark.createDataFrame(List.of(RowFactory.create("ae_4h", "pct", "higher_is_better"),
                        RowFactory.create("rtt_52w_plus", "count", "lower_is_better")),
                new StructType().add("metric_id", DataTypes.StringType).add("unit", DataTypes.StringType)
                        .add("direction", DataTypes.StringType));
        Dataset<Row> targets = spark.createDataFrame(List.of(), new StructType().add("metric_id", DataTypes.StringType)
                .add("standard_pct", DataTypes.createDecimalType(5, 2)).add("standard_count", DataTypes.LongType)
                .add("valid_from", DataTypes.DateType).add("valid_to", DataTypes.DateType));
        Dataset<Row> months = spark.createDataFrame(List.of(RowFactory.create(APR), RowFactory.create(MAY)),
                new StructType().add("month", DataTypes.DateType));
        Row f1 = MetricMonth.finish(FootprintMetrics.aggregate(counts(), basis(), mapping(), commissioners()), metrics, targets, months, "2017")
                .filter("area_code = 'E54000001' AND metric_id = 'ae_4h' AND month = DATE'2017-04-01'").first();
        // 100 x 115 / 150 = 76.6666..., not the mean of RAA's 90% and RBB's 50% (70%)
        assertEquals(0, d("76.6667").compareTo(f1.getAs("value")), "F1 April value: " + f1);
        assertEquals("2017", f1.getAs("footprint_vintage"));
    }

    @Test
    void unmappedActivityIsCountedNotDropped() {
        StructType schema = new StructType().add("month", DataTypes.DateType).add("metric_id", DataTypes.StringType)
                .add("unmapped_orgs", DataTypes.IntegerType).add("unmapped_denominator", MetricMonth.COUNT_TYPE)
                .add("national_denominator", MetricMonth.COUNT_TYPE).add("unmapped_share_pct", FootprintMetrics.SHARE_TYPE);
        Dataset<Row> expected = spark.createDataFrame(List.of(
                // RZZ: 20 of the 320 attendances of April = 6.25%
                RowFactory.create(APR, "ae_4h", 1, d("20.0"), d("320.0"), d("6.250")),
                RowFactory.create(MAY, "ae_4h", 0, d("0.0"), d("100.0"), d("0.000")),
                // a count metric has no denominator: its numerator is the activity; by commissioner,
                // 99X's 2 of the 9 waiters = 22.222% (RZZ's 4 for 01A are mapped)
                RowFactory.create(APR, "rtt_52w_plus", 1, d("2.0"), d("9.0"), d("22.222"))), schema);
        DatasetAssertions.assertSameRows(expected, FootprintMetrics.unmapped(counts(), basis(), mapping(), commissioners()),
                "unmapped activity per month and metric");
    }

    @Test
    void theFootprintP92IsEstimatedOnceOnTheBandsSummedOverItsCommissioners() {
        // 01A's patients at RAA all wait under a week, at RZZ (a provider no footprint lists) 3-4 weeks;
        // 99X is in no footprint. F1 = 01A: bands {50, 0, 0, 50, 0}, T = 100, rank 92 lies in band 3
        // (cumulative 50 before it, 50 in it): 3 + (92 - 50) / 50 = 3.84 weeks.
        List<Row> bands = new ArrayList<>();
        bands.addAll(RttPathwayRows.bandRows(APR, "RAA", "01A", 4, 50, 0, 0, 0, 0));
        bands.addAll(RttPathwayRows.bandRows(APR, "RZZ", "01A", 4, 0, 0, 0, 50, 0));
        bands.addAll(RttPathwayRows.bandRows(APR, "RZZ", "99X", 4, 0, 0, 0, 0, 500));
        Dataset<Row> rows = FootprintMetrics.waitPercentiles(
                spark.createDataFrame(bands, RttPathwayRows.COMMISSIONER_BANDS), commissioners());
        Dataset<Row> expected = spark.createDataFrame(List.of(
                RowFactory.create("footprint", "E54000001", APR, "rtt_p92_weeks", null, null, d("3.8400"), false, 1, 1),
                RowFactory.create("region", "E40000001", APR, "rtt_p92_weeks", null, null, d("3.8400"), false, 1, 1)),
                AGGREGATED);
        DatasetAssertions.assertSameRows(expected, rows, "p92 of the summed bands, 99X's 500 censored waits not in F1");
    }
}
