package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.testing.SharedSpark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static uk.nhs.stp.marts.RttPathwayRows.APRIL;
import static uk.nhs.stp.marts.RttPathwayRows.MAY;
import static uk.nhs.stp.testing.DatasetAssertions.assertSameRows;

class RttMetricCountsTest {

    /**
     * Two providers in April and one in May. Besides the Part_2 rows, each April RJ1 pathway also
     * appears in rows that must not be summed: the C_999 total, Part_2A (a subset of Part_2),
     * completed pathways (Part_1A) and new periods (Part_3).
     */
    static Dataset<Row> input() {
        long[] none = {0, 0, 0, 0, 0};
        return RttPathwayRows.rows()
                .add(APRIL, "RJ1", "06Q", "Part_2", "C_100", 100, 80L, 5L, new long[] {10, 20, 30, 40, 0}, 4)
                .add(APRIL, "RJ1", "07H", "Part_2", "C_110", 50, 30L, 2L, new long[] {1, 2, 3, 4, 40}, 4)
                .add(APRIL, "RJ1", "06Q", "Part_2", "C_999", 150, 110L, 7L, new long[] {11, 22, 33, 44, 40}, 4)
                .add(APRIL, "RJ1", "06Q", "Part_2A", "C_100", 40, 20L, 1L, new long[] {5, 5, 5, 5, 20}, 4)
                .add(APRIL, "RJ1", "06Q", "Part_1A", "C_100", 60, 55L, 0L, new long[] {30, 20, 10, 0, 0}, 4)
                .add(APRIL, "RJ1", "06Q", "Part_3", "C_100", 70, null, null, null, 4)
                .add(APRIL, "RGT", "06Q", "Part_2", "C_100", 0, 0L, 0L, none, 4)
                .add(MAY, "RJ1", "06Q", "Part_2", "C_100", 10, 9L, 0L, new long[] {5, 4, 1, 0, 0}, 4)
                .dataset();
    }

    private static Row row(LocalDate month, String org, String commissioner, String metric, String numerator,
                           String denominator) {
        return RowFactory.create(month, org, metric, new BigDecimal(numerator),
                denominator == null ? null : new BigDecimal(denominator), commissioner);
    }

    @Test
    void incompletePathwaysOfPart2AreSummedPerProviderCommissionerAndMonthWithoutControlRows() {
        List<Row> expected = List.of(
                // RJ1 April: the two Part_2 rows, one per commissioner; C_999, Part_2A, Part_1A, Part_3 left out
                row(APRIL, "RJ1", "06Q", "rtt_incomplete_total", "100.0", null),
                row(APRIL, "RJ1", "06Q", "rtt_18w_incomplete", "80.0", "100.0"),
                row(APRIL, "RJ1", "06Q", "rtt_52w_plus", "5.0", null),
                row(APRIL, "RJ1", "07H", "rtt_incomplete_total", "50.0", null),
                row(APRIL, "RJ1", "07H", "rtt_18w_incomplete", "30.0", "50.0"),
                row(APRIL, "RJ1", "07H", "rtt_52w_plus", "2.0", null),
                // a provider with no one waiting keeps its rows: 0 of 0, the rate is left to the reader
                row(APRIL, "RGT", "06Q", "rtt_incomplete_total", "0.0", null),
                row(APRIL, "RGT", "06Q", "rtt_18w_incomplete", "0.0", "0.0"),
                row(APRIL, "RGT", "06Q", "rtt_52w_plus", "0.0", null),
                row(MAY, "RJ1", "06Q", "rtt_incomplete_total", "10.0", null),
                row(MAY, "RJ1", "06Q", "rtt_18w_incomplete", "9.0", "10.0"),
                row(MAY, "RJ1", "06Q", "rtt_52w_plus", "0.0", null));
        assertSameRows(SharedSpark.session().createDataFrame(expected, MetricCounts.SCHEMA),
                RttMetricCounts.from(input()), "RTT metric counts");
    }
}
