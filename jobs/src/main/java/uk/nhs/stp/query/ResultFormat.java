package uk.nhs.stp.query;

import java.util.Locale;

/** How {@code stp query} writes its result. */
public enum ResultFormat {
    /** Aligned columns for a terminal, at most {@link WriteQueryResult#TABLE_ROWS_DEFAULT} rows. */
    TABLE,
    /** RFC 4180 CSV with a header row, UTF-8, ISO dates, empty for null, lists joined with ';'. */
    CSV,
    /** A JSON array of objects, one row per line: numbers as numbers, dates as ISO strings. */
    JSON;

    public static ResultFormat parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --format '" + text + "': use table, csv or json");
        }
    }
}
