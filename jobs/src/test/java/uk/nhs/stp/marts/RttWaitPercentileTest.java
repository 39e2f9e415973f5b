package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.testing.SharedSpark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.nhs.stp.marts.RttPathwayRows.APRIL;
import static uk.nhs.stp.marts.RttPathwayRows.BANDS;
import static uk.nhs.stp.marts.RttPathwayRows.MAY;
import static uk.nhs.stp.marts.RttPathwayRows.bandRows;
import static uk.nhs.stp.testing.DatasetAssertions.assertSameRows;

/**
 * Hand-made band vectors (N = 4: bands 0–1, 1–2, 2–3, 3–4 weeks and the open band "more than 4
 * weeks"), each with its percentile worked out by hand in the comment next to it.
 */
class RttWaitPercentileTest {
    private static final List<String> BY_ORG = List.of("org_code");

    @SafeVarargs
    private static Dataset<Row> bands(List<Row>... orgs) {
        List<Row> rows = new ArrayList<>();
        for (List<Row> o : orgs) rows.addAll(o);
        return SharedSpark.session().createDataFrame(rows, BANDS);
    }

    /** The estimate of each group, keyed by the group's first column. */
    private static Map<Object, Row> byFirstColumn(Dataset<Row> result) {
        Map<Object, Row> out = new HashMap<>();
        for (Row r : result.collectAsList()) out.put(r.get(0), r);
        return out;
    }

    private static void assertWeeks(String expected, boolean censored, Row r, String what) {
        assertEquals(new BigDecimal(expected), r.getAs("value_weeks"), what + ": value_weeks");
        assertEquals(censored, r.<Boolean>getAs("is_censored"), what + ": is_censored");
    }

    @Test
    void outputHasTheGroupColumnsThenTheValueAndItsCensoringFlag() {
        StructType expected = new StructType()
                .add("month", DataTypes.DateType)
                .add("org_code", DataTypes.StringType)
                .add("value_weeks", DataTypes.createDecimalType(12, 4))
                .add("is_censored", DataTypes.BooleanType);
        List<Row> rows = List.of(RowFactory.create(APRIL, "A", new BigDecimal("3.6800"), false));
        assertSameRows(SharedSpark.session().createDataFrame(rows, expected),
                RttWaitPercentile.estimate(bands(bandRows(APRIL, "A", 4, 10, 10, 10, 10, 0)),
                        List.of("month", "org_code"), 0.92), "p92 of a uniform vector");
    }

    @Test
    void handMadeVectors() {
        Map<Object, Row> p92 = byFirstColumn(RttWaitPercentile.estimate(bands(
                // uniform: T = 40, r = 36.8; cumulative 10, 20, 30, 40 -> band 3: 3 + (36.8 - 30) / 10 = 3.68
                bandRows(APRIL, "uniform", 4, 10, 10, 10, 10, 0),
                // r = 92 exactly at the end of band 1 (cumulative 46, 92): 1 + (92 - 46) / 46 = 2; the empty
                // bands and the open band after it must not be chosen
                bandRows(APRIL, "boundary", 4, 46, 46, 0, 0, 8),
                // all 25 in band 2: r = 23, 2 + 23 / 25 = 2.92
                bandRows(APRIL, "one band", 4, 0, 0, 25, 0, 0),
                // T = 100, r = 92; cumulative 50, 70, 80, 80, 100 -> the open band: more than 4 weeks, censored
                bandRows(APRIL, "censored", 4, 50, 20, 10, 0, 20),
                // T = 0: no percentile
                bandRows(APRIL, "empty", 4, 0, 0, 0, 0, 0),
                // T = 7, r = 6.44; cumulative 1, 7 -> band 1: 1 + 5.44 / 6 = 1.90666… -> 1.9067 (half-up)
                bandRows(APRIL, "rounded", 4, 1, 6, 0, 0, 0)),
                BY_ORG, RttWaitPercentile.P92));
        assertEquals(6, p92.size(), "one row per group: " + p92.keySet());
        assertWeeks("3.6800", false, p92.get("uniform"), "uniform vector");
        assertWeeks("2.0000", false, p92.get("boundary"), "rank exactly at a band boundary");
        assertWeeks("2.9200", false, p92.get("one band"), "all pathways in one band");
        assertWeeks("4.0000", true, p92.get("censored"), "rank in the open band");
        assertWeeks("1.9067", false, p92.get("rounded"), "rounded half-up to 4 places");
        assertNull(p92.get("empty").get(1), "a group with no pathways has no value");
        assertNull(p92.get("empty").get(2), "a group with no pathways has no censoring flag");
    }

    @Test
    void medianOfTheUniformVectorFallsOnABandBoundary() {
        // T = 40, r = 20 = cumulative count of bands 0-1: 1 + (20 - 10) / 10 = 2
        Row median = RttWaitPercentile.estimate(bands(bandRows(APRIL, "uniform", 4, 10, 10, 10, 10, 0)), BY_ORG, 0.5)
                .first();
        assertWeeks("2.0000", false, median, "median of a uniform vector");
    }

    @Test
    void theRankIsExactSoABoundaryIsNotMissedByARoundingError() {
        // q = 0.07, T = 100: r = 7, exactly the cumulative count of band 0, so 0 + 7 / 7 = 1 week. In binary
        // floating point 0.07 x 100 is 7.000000000000001, past band 0 and the empty bands, into the open band.
        Row p7 = RttWaitPercentile.estimate(bands(bandRows(APRIL, "A", 4, 7, 0, 0, 0, 93)), BY_ORG, 0.07).first();
        assertWeeks("1.0000", false, p7, "7th percentile on a band boundary");
    }

    @Test
    void theP92OfASumIsEstimatedFromTheSummedBandsNotAveraged() {
        // A: T = 100, r = 92 in band 0: 0 + 92 / 100 = 0.92.  B: r = 92 in band 3: 3 + 92 / 100 = 3.92.
        // Both: bands {100, 0, 0, 100, 0}, T = 200, r = 184; cumulative 100, 100, 100, 200 -> band 3:
        // 3 + (184 - 100) / 100 = 3.84, far from the mean of the two p92s, (0.92 + 3.92) / 2 = 2.42.
        Dataset<Row> twoProviders = bands(bandRows(APRIL, "A", 4, 100, 0, 0, 0, 0),
                bandRows(APRIL, "B", 4, 0, 0, 0, 100, 0));
        Map<Object, Row> perProvider = byFirstColumn(RttWaitPercentile.estimate(twoProviders, BY_ORG, 0.92));
        assertWeeks("0.9200", false, perProvider.get("A"), "provider A");
        assertWeeks("3.9200", false, perProvider.get("B"), "provider B");
        Row both = RttWaitPercentile.estimate(twoProviders, List.of("month"), 0.92).first();
        assertWeeks("3.8400", false, both, "the two providers as one group");
        BigDecimal meanOfP92s = new BigDecimal("0.92").add(new BigDecimal("3.92")).divide(new BigDecimal(2));
        assertEquals(new BigDecimal("2.42"), meanOfP92s, "the mean of the p92s, for comparison");
    }

    @Test
    void groupsAreKeptApart() {
        // same org in two months: each month has its own distribution
        Map<Object, Row> byMonth = byFirstColumn(RttWaitPercentile.estimate(
                bands(bandRows(APRIL, "A", 4, 100, 0, 0, 0, 0), bandRows(MAY, "A", 4, 0, 0, 0, 100, 0)),
                List.of("month", "org_code"), 0.92));
        assertWeeks("0.9200", false, byMonth.get(APRIL), "April");
        assertWeeks("3.9200", false, byMonth.get(MAY), "May");
    }

    @Test
    void bandsWithDifferentOpenBandsAreFoldedIntoTheSmallest() {
        // A (N = 4) {10, 10, 10, 10, 10} folded to N = 2: {10, 10, 30}; B (N = 2) {30, 20, 10}.
        // Sum {40, 30, 40}, T = 110.
        Dataset<Row> mixed = bands(bandRows(APRIL, "A", 4, 10, 10, 10, 10, 10), bandRows(APRIL, "B", 2, 30, 20, 10));
        // median: r = 55; cumulative 40, 70 -> band 1: 1 + (55 - 40) / 30 = 1.5
        assertWeeks("1.5000", false, RttWaitPercentile.estimate(mixed, List.of("month"), 0.5).first(), "median");
        // p92: r = 101.2 > 70 -> the open band "more than 2 weeks": censored at 2
        assertWeeks("2.0000", true, RttWaitPercentile.estimate(mixed, List.of("month"), 0.92).first(), "p92");
    }

    @Test
    void theWalkAddsUpRepeatedBandsFoldsAndLeavesAnEmptyGroupWithoutAnEstimate() {
        // band 0: 10; band 1 given twice: 3 + 7; band 4: 5 (N = 4); band 6 of a row with N = 6: 10, folded
        // into the smaller open band 4. Sum {10, 10, 0, 0, 15}, T = 35.
        // median: r = 17.5, cumulative 10, 20 -> band 1: 1 + (17.5 - 10) / 10 = 1.75
        List<RttWaitPercentile.Band> bands = List.of(new RttWaitPercentile.Band(0, 4, new BigDecimal("10")),
                new RttWaitPercentile.Band(1, 4, new BigDecimal("3")), new RttWaitPercentile.Band(1, 6, new BigDecimal("7")),
                new RttWaitPercentile.Band(4, 4, new BigDecimal("5")), new RttWaitPercentile.Band(6, 6, new BigDecimal("10")));
        assertEquals(new RttWaitPercentile.Estimate(new BigDecimal("1.7500"), false),
                RttWaitPercentile.walk(bands, new BigDecimal("0.5")));
        // p92: r = 32.2 > 20 -> the open band "more than 4 weeks": censored at 4
        assertEquals(new RttWaitPercentile.Estimate(new BigDecimal("4.0000"), true),
                RttWaitPercentile.walk(bands, new BigDecimal("0.92")));
        // one third: r = 35/3 = 11.666..., band 1: 1 + 1.666.../10 = 1.1666... -> 1.1667 (half-up, 4 places)
        assertEquals(new RttWaitPercentile.Estimate(new BigDecimal("1.1667"), false),
                RttWaitPercentile.walk(bands, new BigDecimal(1).divide(new BigDecimal(3), java.math.MathContext.DECIMAL64)));
        assertEquals(new RttWaitPercentile.Estimate(null, null), RttWaitPercentile.walk(List.of(
                new RttWaitPercentile.Band(0, 4, BigDecimal.ZERO)), new BigDecimal("0.92")));
        assertEquals(new RttWaitPercentile.Estimate(null, null), RttWaitPercentile.walk(List.of(), new BigDecimal("0.92")));
    }

    @Test
    void aQuantileOutsideZeroToOneIsRefused() {
        Dataset<Row> any = bands(bandRows(APRIL, "A", 4, 1, 1, 1, 1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RttWaitPercentile.estimate(any, BY_ORG, 92));
        assertEquals("quantile must be between 0 and 1 (exclusive), e.g. 0.92; got 92.0", e.getMessage());
    }
}
