package uk.nhs.stp.ingest.read;

import uk.nhs.stp.contract.ColumnSpec;
import uk.nhs.stp.contract.TableContract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of a conformed table being built from a published row. Setters parse published cell
 * text through {@link Cells}; what cannot be read becomes a {@link RowProblem} on the row (the
 * row is then rejected when handed to {@link FileParse#accept}), and markers become flags.
 */
public final class OutputRow {
    private final TableContract table;
    private final Object[] values;
    private final long line;
    private final long slot;
    private final List<String> flags = new ArrayList<>(0);
    private final List<RowProblem> problems = new ArrayList<>(0);
    private boolean control;

    OutputRow(TableContract table, long line, long slot) {
        this.table = table;
        this.values = new Object[table.width()];
        this.line = line;
        this.slot = slot;
    }

    public long line() { return line; }

    /** Position of the row across the whole file (differs from the line in a workbook's later sheets). */
    long slot() { return slot; }

    /** Sets a ready-made value (String, Integer, Long, BigDecimal, LocalDate, Boolean, long[], List). */
    public OutputRow set(String column, Object value) {
        int i = table.position(column);
        ColumnSpec spec = table.columns().get(i);
        if (!spec.type().accepts(value)) {
            throw new IllegalArgumentException("column " + table.name() + "." + column + " is " + spec.type()
                    + ", not " + value.getClass().getSimpleName());
        }
        values[i] = value;
        return this;
    }

    /** A text cell: trimmed (spaces and NBSP); blank becomes null. */
    public OutputRow text(String column, String raw) {
        String s = Cells.clean(raw);
        return set(column, s == null || s.isEmpty() ? null : s);
    }

    /** An organisation or other code: trimmed and upper-cased; blank becomes null. */
    public OutputRow code(String column, String raw) {
        String s = Cells.clean(raw);
        return set(column, s == null || s.isEmpty() ? null : s.toUpperCase(Locale.ROOT));
    }

    /** A whole-number count (long column). */
    public OutputRow count(String column, String raw, Cells.Blank blank) {
        return apply(column, raw, Cells.count(raw, blank));
    }

    /** A decimal amount or fractional count (decimal column), NHS finance notation accepted. */
    public OutputRow decimal(String column, String raw, Cells.Blank blank) {
        return apply(column, raw, Cells.decimal(raw, blank));
    }

    private OutputRow apply(String column, String raw, Cells.Parsed p) {
        if (p.isProblem()) return problem(column, raw, p.problemRule(), column + ": " + p.problemReason());
        Object v = p.value();
        if (v instanceof java.math.BigDecimal d && table.column(column).type().kind()
                == uk.nhs.stp.contract.ColumnType.Kind.DECIMAL) {
            int scale = table.column(column).type().scale();
            if (d.scale() > scale) {
                d = d.stripTrailingZeros();
                if (d.scale() > scale) {
                    return problem(column, raw, "type", column + ": '" + Cells.clean(raw) + "' has more than "
                            + scale + " decimal places");
                }
            }
            v = d.setScale(scale);
        }
        set(column, v);
        if (p.flag() != null) flag(p.flag(), column, p.flagDetail());
        return this;
    }

    /** Records a problem: the row will be rejected for it. */
    public OutputRow problem(String column, String raw, String rule, String reason) {
        problems.add(new RowProblem(line, column, raw, rule, reason));
        return this;
    }

    /** Adds a quality flag {@code flag:column[:detail]} (kept in the row's {@code data_flags}). */
    public OutputRow flag(String flag, String column, String detail) {
        flags.add(detail == null ? flag + ":" + column : flag + ":" + column + ":" + detail);
        return this;
    }

    /** True when a flag was recorded for {@code column} (e.g. a suppressed cell left null). */
    public boolean isFlagged(String column) {
        for (String f : flags) {
            int a = f.indexOf(':');
            int b = f.indexOf(':', a + 1);
            if (f.substring(a + 1, b < 0 ? f.length() : b).equals(column)) return true;
        }
        return false;
    }

    public Object get(String column) { return values[table.position(column)]; }

    public boolean hasProblems() { return !problems.isEmpty(); }

    List<RowProblem> problems() { return problems; }

    List<String> flags() { return flags; }

    Object[] values() { return values; }

    TableContract table() { return table; }

    void markControl() { control = true; }

    /** True for a recognised total row kept as a control row. */
    public boolean isControl() { return control; }
}
