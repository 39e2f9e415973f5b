package uk.nhs.stp.marts;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.testing.SharedSpark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import static uk.nhs.stp.marts.RttPathwayRows.APRIL;
import static uk.nhs.stp.marts.RttPathwayRows.COMMISSIONER_BANDS;
import static uk.nhs.stp.marts.RttPathwayRows.MAY;
import static uk.nhs.stp.marts.RttPathwayRows.bandRows;
import static uk.nhs.stp.testing.DatasetAssertions.assertSameRows;

class RttWaitBandsTest {

    @Test
    void bandsOfPart2RowsAreSummedPerProviderAndCommissionerWithoutControlRows() {
        List<Row> expected = new ArrayList<>();
        // RJ1 April, per commissioner: 06Q {10,20,30,40,0}, 07H {1,2,3,4,40}; the C_999, Part_2A,
        // Part_1A and Part_3 rows left out
        expected.addAll(bandRows(APRIL, "RJ1", "06Q", 4, 10, 20, 30, 40, 0));
        expected.addAll(bandRows(APRIL, "RJ1", "07H", 4, 1, 2, 3, 4, 40));
        expected.addAll(bandRows(APRIL, "RGT", "06Q", 4, 0, 0, 0, 0, 0));
        expected.addAll(bandRows(MAY, "RJ1", "06Q", 4, 5, 4, 1, 0, 0));
        // bands with no pathways are left out, except band 0, so every provider and commissioner keeps a row
        expected.removeIf(r -> r.getInt(3) > 0 && r.getLong(5) == 0);
        assertSameRows(SharedSpark.session().createDataFrame(expected, COMMISSIONER_BANDS),
                RttWaitBands.from(RttMetricCountsTest.input()), "RTT wait bands");
    }

    @Test
    void bandArraysAreSummedElementByElementAsLongAsTheLongestWithNullsAsZero() {
        // {1, 2, 3} + {10, null} + {100, 200, 300, 400} = {111, 202, 303, 400}
        long[] sum = RttWaitBands.sumBandArrays(seq(seq(1L, 2L, 3L), seq(10L, null), seq(100L, 200L, 300L, 400L)));
        assertArrayEquals(new long[] {111, 202, 303, 400}, sum);
        assertArrayEquals(new long[] {}, RttWaitBands.sumBandArrays(seq(seq())));
    }

    @SafeVarargs
    private static <T> scala.collection.immutable.Seq<T> seq(T... values) {
        return scala.jdk.javaapi.CollectionConverters.asScala(Arrays.asList(values)).toList();
    }
}
