package uk.nhs.stp.ingest.read;

import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.contract.InputContract;
import uk.nhs.stp.contract.TableContract;

import java.time.LocalDate;
import java.util.List;

/**
 * What one file yielded. Invariant: {@code rowsRead = rowsAccepted + rowsRejected + rowsControl}.
 *
 * @param rows      conformed rows to write: accepted rows and control rows (control rows are the
 *                  ones also listed in {@code controls})
 * @param controls  the recognised total rows
 * @param problems  one entry per problem found; a rejected row may have several
 * @param warnings  file-level warnings (e.g. control totals that do not reconcile)
 * @param periods   months the accepted rows cover, ascending
 */
public record FileParseResult(InputContract input, TableContract table, List<OutputRow> rows,
                              List<OutputRow> controls, List<RowProblem> problems, List<String> warnings,
                              List<LocalDate> periods, long rowsRead, long rowsAccepted, long rowsRejected,
                              long rowsControl) {

    /**
     * The full column values of a row in contract order, lineage included.
     */
    public Object[] values(OutputRow row, String sourceFile, String sha256, String runId) {
        Object[] v = row.values().clone();
        int n = table.width() - Contracts.LINEAGE_COLUMNS.size();
        v[n] = row.isControl();
        v[n + 1] = List.copyOf(row.flags());
        v[n + 2] = sourceFile;
        v[n + 3] = sha256;
        v[n + 4] = row.line();
        v[n + 5] = runId;
        return v;
    }

    /** Rows per value of the table's partition column (dates as ISO text), sorted by value. */
    public java.util.SortedMap<String, Long> partitionRows() {
        String column = table.partitionColumn();
        java.util.TreeMap<String, Long> counts = new java.util.TreeMap<>();
        if (column != null) for (OutputRow r : rows) counts.merge(String.valueOf(r.get(column)), 1L, Long::sum);
        return counts;
    }
}
