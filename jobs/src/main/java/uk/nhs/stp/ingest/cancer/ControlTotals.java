package uk.nhs.stp.ingest.cancer;

import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.OutputRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reconciles the publisher's ALL ENGLISH PROVIDERS rows with the provider rows they total: per
 * month, standard, sheet, part and breakdowns, the accepted rows' total and within counts must
 * sum to the control row's. A difference is a file-level warning, not a reject: the rows
 * themselves are valid, but something was lost or double counted.
 */
final class ControlTotals {
    private static final List<String> KEY =
            List.of("month", "standard", "sheet", "part", "breakdown_1", "breakdown_2");
    private static final String TOTAL = "total_count";
    private static final String WITHIN = "within_standard_count";

    private final Map<List<Object>, BigDecimal[]> sums = new HashMap<>();
    private final Map<List<Object>, OutputRow> controls = new LinkedHashMap<>();

    /** Adds an accepted provider row to its block's sums. */
    void addAccepted(OutputRow row) {
        BigDecimal[] sum = sums.computeIfAbsent(key(row), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        sum[0] = add(sum[0], row.get(TOTAL));
        sum[1] = add(sum[1], row.get(WITHIN));
    }

    /** Remembers a control row; a second control row for the same block is a warning. */
    void addControl(OutputRow row, FileParse parse) {
        OutputRow earlier = controls.putIfAbsent(key(row), row);
        if (earlier != null) {
            parse.warning("control_total_repeated", describe(key(row)) + ": ALL ENGLISH PROVIDERS appears on lines "
                    + earlier.line() + " and " + row.line() + "; only the first is reconciled");
        }
    }

    /** Warns for every control row its block's accepted rows do not add up to. */
    void reconcile(FileParse parse) {
        for (Map.Entry<List<Object>, OutputRow> e : controls.entrySet()) {
            OutputRow control = e.getValue();
            BigDecimal[] sum = sums.getOrDefault(e.getKey(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            if (!same(sum[0], control.get(TOTAL)) || !same(sum[1], control.get(WITHIN))) {
                parse.warning("control_total_mismatch", describe(e.getKey()) + ": accepted rows sum to total "
                        + text(sum[0]) + ", within " + text(sum[1]) + " but the ALL ENGLISH PROVIDERS row on line "
                        + control.line() + " gives " + text(control.get(TOTAL)) + ", " + text(control.get(WITHIN)));
            }
        }
    }

    private static List<Object> key(OutputRow row) {
        List<Object> key = new ArrayList<>(KEY.size());
        for (String column : KEY) key.add(row.get(column));
        return key;
    }

    private static String describe(List<Object> key) {
        StringBuilder sb = new StringBuilder();
        sb.append(key.get(0)).append(' ').append(key.get(1));
        for (int i = 2; i < key.size(); i++) {
            if (key.get(i) != null) sb.append(" / ").append(key.get(i));
        }
        return sb.toString();
    }

    private static BigDecimal add(BigDecimal sum, Object value) {
        return value == null ? sum : sum.add((BigDecimal) value);
    }

    private static boolean same(BigDecimal sum, Object control) {
        return control == null || sum.compareTo((BigDecimal) control) == 0;
    }

    private static String text(Object value) {
        return value == null ? "null" : ((BigDecimal) value).stripTrailingZeros().toPlainString();
    }
}
