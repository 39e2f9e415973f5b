package uk.nhs.stp.ingest.source;

/**
 * One CSV record as published.
 *
 * @param line       physical line (1-based) where the record starts
 * @param fields     the fields, unquoted, not trimmed
 * @param terminated false when the record ended at end of file without a line ending
 * @param openQuote  true when end of file came inside a quoted field (a truncated file)
 */
public record CsvRecord(long line, String[] fields, boolean terminated, boolean openQuote) {

    public int size() { return fields.length; }

    /** Field {@code i}, or null when the record is shorter. */
    public String field(int i) { return i < fields.length ? fields[i] : null; }

    /** True for an empty line or a line of empty fields (",,,"). */
    public boolean isBlank() {
        for (String f : fields) {
            if (!f.isBlank() && !f.replace('\u00A0', ' ').isBlank()) return false;
        }
        return true;
    }

    /** The record re-joined with commas, for a reject's raw value. */
    public String raw() { return String.join(",", fields); }
}
