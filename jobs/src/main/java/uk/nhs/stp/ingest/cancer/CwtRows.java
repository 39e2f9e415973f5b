package uk.nhs.stp.ingest.cancer;

import uk.nhs.stp.contract.Headers;
import uk.nhs.stp.ingest.read.Cells;
import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.OutputRow;

import java.math.BigDecimal;

/**
 * What every Cancer Waiting Times shape does alike with a published row: tell the ALL ENGLISH
 * PROVIDERS control rows apart, read the three counts, check that after = total − within, and
 * hand the row to the parse and the control totals.
 */
final class CwtRows {
    static final String TOTAL = "total_count";
    static final String WITHIN = "within_standard_count";
    static final String AFTER = "after_standard_count";
    private static final String ALL_ENGLISH_PROVIDERS = Headers.normalise("ALL ENGLISH PROVIDERS");

    private CwtRows() { }

    /**
     * The counts of one published row as text, each with the header it was published under (a
     * reject names that header); {@code afterHeader} is null when the shape has no after column
     * and after is total − within.
     */
    record Counts(String totalHeader, String total, String withinHeader, String within,
                  String afterHeader, String after) {
    }

    /** True for the publisher's national total row: a blank ODS code and the name ALL ENGLISH PROVIDERS. */
    static boolean isControl(String odsCode, String orgName) {
        String code = Cells.clean(odsCode);
        return (code == null || code.isEmpty()) && Headers.normalise(orgName).equals(ALL_ENGLISH_PROVIDERS);
    }

    /** Sets total, within and after on {@code row}; unreadable or inconsistent counts become problems. */
    static void setCounts(OutputRow row, Counts c) {
        BigDecimal total = decimal(row, TOTAL, c.totalHeader(), c.total());
        BigDecimal within = decimal(row, WITHIN, c.withinHeader(), c.within());
        if (c.afterHeader() == null) {
            if (total != null && within != null) row.set(AFTER, total.subtract(within));
            return;
        }
        BigDecimal after = decimal(row, AFTER, c.afterHeader(), c.after());
        if (total != null && within != null && after != null && after.compareTo(total.subtract(within)) != 0) {
            row.problem(c.afterHeader(), Cells.clean(c.after()), "after_mismatch", c.afterHeader() + " ("
                    + plain(after) + ") is not total minus within (" + plain(total) + " - " + plain(within) + ")");
        }
    }

    /**
     * Hands a built row to the parse, as a control row or a provider row, and counts it in the
     * control totals when it is kept.
     */
    static void hand(OutputRow row, boolean control, FileParse parse, ControlTotals totals) {
        if (control) {
            parse.control(row);
            if (!row.hasProblems()) totals.addControl(row, parse);
        } else {
            parse.accept(row);
            if (!row.hasProblems()) totals.addAccepted(row);
        }
    }

    /** A count cell; a blank one is a problem (missing is not zero), a suppressed one null with a flag. */
    private static BigDecimal decimal(OutputRow row, String column, String header, String raw) {
        Cells.Parsed parsed = Cells.decimal(raw, Cells.Blank.REQUIRED);
        if (parsed.isProblem()) {
            row.problem(header, Cells.clean(raw), parsed.problemRule(), header + ": " + parsed.problemReason());
            return null;
        }
        row.decimal(column, raw, Cells.Blank.REQUIRED);
        return (BigDecimal) row.get(column);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
