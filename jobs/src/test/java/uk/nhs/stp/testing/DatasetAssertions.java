package uk.nhs.stp.testing;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Dataset assertions: schema first (names and types), then rows regardless of order. */
public final class DatasetAssertions {
    private DatasetAssertions() { }

    /** Column names and data types equal (nullability is not compared: Parquet reads make all nullable). */
    public static void assertSchema(StructType expected, StructType actual, String what) {
        assertEquals(describe(expected), describe(actual), what + ": schema");
    }

    /** Same multiset of rows, in any order. */
    public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual, String what) {
        assertSchema(expected.schema(), actual.schema(), what);
        long missing = expected.exceptAll(actual).count();
        long extra = actual.exceptAll(expected).count();
        assertEquals(0, missing, what + ": rows expected but not found");
        assertEquals(0, extra, what + ": rows found but not expected");
    }

    private static List<String> describe(StructType s) {
        List<String> out = new ArrayList<>();
        for (StructField f : s.fields()) out.add(f.name() + " " + f.dataType().simpleString());
        return out;
    }
}
