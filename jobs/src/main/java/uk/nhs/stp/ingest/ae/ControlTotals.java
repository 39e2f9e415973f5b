package uk.nhs.stp.ingest.ae;

import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.OutputRow;

import java.util.Map;

/**
 * Column sums of the accepted rows of one file, reconciled against the file's published total
 * row. Each count column whose sum differs from the total becomes one
 * {@code control_total_mismatch} warning naming the published column and both values; a column
 * the total row leaves empty is not compared.
 */
final class ControlTotals {
    private final Map<String, String> labels;
    private final long[] sums;
    private long rows;

    /** @param labels the conformed count columns to sum, each with its published header for messages */
    ControlTotals(Map<String, String> labels) {
        this.labels = labels;
        this.sums = new long[labels.size()];
    }

    /** Adds an accepted row; null cells add nothing. */
    void add(OutputRow row) {
        int i = 0;
        for (String column : labels.keySet()) {
            Object v = row.get(column);
            if (v != null) sums[i] += (Long) v;
            i++;
        }
        rows++;
    }

    /** Compares the sums with {@code total}, warning on {@code parse} for every column that differs. */
    void reconcile(OutputRow total, FileParse parse) {
        int i = 0;
        for (Map.Entry<String, String> e : labels.entrySet()) {
            Object published = total.get(e.getKey());
            if (published != null && (Long) published != sums[i]) {
                parse.warning("control_total_mismatch", "column '" + e.getValue() + "': the " + rows
                        + " accepted rows sum to " + sums[i] + " but the TOTAL row on line " + total.line()
                        + " says " + published + " (difference " + (sums[i] - (Long) published)
                        + "); check the rejected rows, or whether the file was edited after publication");
            }
            i++;
        }
    }
}
