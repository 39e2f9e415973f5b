package uk.nhs.stp.spark;

import org.apache.spark.sql.Column;

import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.size;

/** Aggregate expressions the marts share. */
public final class Aggregates {
    private Aggregates() { }

    /**
     * The number of distinct non-null values of {@code column} in a group, as an int: what
     * {@code countDistinct} counts, computed as the size of the group's set of values. Spark plans a
     * distinct count as extra aggregation phases (two distinct counts in one grouping: an
     * {@code Expand} of every row, and a shuffle per phase), where a set is one more aggregate of the
     * same grouping. For groups of organisations: at most a few thousand distinct values each.
     */
    public static Column distinctCount(Column column) {
        return size(collect_set(column));
    }
}
