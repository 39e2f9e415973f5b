package uk.nhs.stp.ingest.read;

import uk.nhs.stp.contract.ColumnSpec;
import uk.nhs.stp.contract.ColumnType;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.contract.InputContract;
import uk.nhs.stp.contract.RowCheck;
import uk.nhs.stp.contract.TableContract;
import uk.nhs.stp.ingest.source.CsvReader;
import uk.nhs.stp.ingest.source.CsvRecord;
import uk.nhs.stp.ingest.source.FileRejectedException;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Collects what a reader makes of one file and accounts for every data row: each is accepted
 * (becoming one or more conformed rows), rejected with line, column, raw value, rule and reason,
 * or recognised as a control (total) row. Accepted rows are validated against the conformed
 * table's contract: required columns, allowed values, patterns, minimums, row checks
 * (within ≤ total) and, when the file is finished, duplicate keys (every row sharing a key is
 * rejected, naming the other lines).
 *
 * <p>Blank lines are not rows. Lines above a header are not rows. One {@code FileParse} per file,
 * used by one thread.
 *
 * <p>A workbook numbers the rows of each sheet from 1: a reader calls {@link #startSection} before
 * each sheet, so rows keep their sheet row number for lineage and rejects (whose reason then names
 * the sheet) while rows of different sheets are still counted apart.
 */
public final class FileParse {
    private final InputContract input;
    private final TableContract table;
    private final List<OutputRow> accepted = new ArrayList<>();
    private final List<OutputRow> controls = new ArrayList<>();
    private final List<RowProblem> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final BitSet read = new BitSet();
    private final BitSet rejectedLines = new BitSet();
    private final BitSet controlLines = new BitSet();
    private final BitSet acceptedLines = new BitSet();
    private final Map<String, Pattern> patterns = new HashMap<>();
    /** Other rows (internal positions) of a row built from several lines, by the row's position. */
    private final Map<Long, long[]> alsoFrom = new HashMap<>();
    private int expectedWidth = -1;
    /** Start of each section in the internal row numbering, with the section's name. */
    private final TreeMap<Long, String> sections = new TreeMap<>();
    private long lineBase;

    public FileParse(InputContract input) {
        this.input = input;
        this.table = Contracts.conformed(input.table());
    }

    public InputContract input() { return input; }
    public TableContract table() { return table; }

    /** A new conformed row for the data row starting at {@code line}. */
    public OutputRow newRow(long line) {
        return new OutputRow(table, line, lineBase + line);
    }

    /**
     * Starts a section of the file whose lines are numbered from 1 again, such as a workbook
     * sheet; later lines, rows and rejects belong to it.
     */
    public void startSection(String name) {
        lineBase = Math.max(Math.max(read.length(), acceptedLines.length()),
                Math.max(rejectedLines.length(), controlLines.length()));
        sections.put(lineBase, name);
    }

    /** Declares the header width; later records of another width are handled by {@link #nextDataRecord}. */
    public void expectWidth(int width) { expectedWidth = width; }

    /**
     * The next data record, counted as read; blank lines are skipped. A record with fewer fields
     * than the header is rejected here (rule {@code field_count}) and the next one returned; extra
     * trailing blank fields are dropped. A last line cut off without a line ending, or inside a
     * quoted field, rejects the whole file as truncated.
     */
    public CsvRecord nextDataRecord(CsvReader csv) throws IOException, FileRejectedException {
        CsvRecord r;
        while ((r = csv.next()) != null) {
            if (r.isBlank()) continue;
            if (r.openQuote()) {
                throw new FileRejectedException("truncated", "ends inside a quoted field that starts on line "
                        + r.line() + "; the file looks truncated, land a complete copy");
            }
            if (expectedWidth > 0 && r.size() != expectedWidth) {
                String[] f = r.fields();
                int width = f.length;
                while (width > expectedWidth && Cells.clean(f[width - 1]).isEmpty()) width--;
                if (width == expectedWidth) return counted(new CsvRecord(r.line(), Arrays.copyOf(f, width),
                        r.terminated(), false));
                if (!r.terminated() && width < expectedWidth) {
                    throw new FileRejectedException("truncated", "ends mid-row at line " + r.line() + " ("
                            + width + " of " + expectedWidth + " fields, no line ending); the file looks "
                            + "truncated, land a complete copy");
                }
                read(r.line());
                reject(r.line(), null, r.raw(), "field_count", "row has " + width + " fields but the header has "
                        + expectedWidth + " (shifted or broken columns)");
                continue;
            }
            return counted(r);
        }
        return null;
    }

    private CsvRecord counted(CsvRecord r) {
        read(r.line());
        return r;
    }

    /** Counts a data row as read (for readers that do not use {@link #nextDataRecord}). */
    public void read(long line) {
        read.set(toIndex(lineBase + line));
    }

    /** Accepts a conformed row made from a data row, after validating it against the contract. */
    public void accept(OutputRow row) {
        if (!row.hasProblems()) validate(row);
        if (row.hasProblems()) {
            for (RowProblem p : row.problems()) addProblem(row.slot(), p);
            return;
        }
        accepted.add(row);
        acceptedLines.set(toIndex(row.slot()));
    }

    /**
     * Accepts a conformed row built from several data rows, as when a long-format file is
     * pivoted (one line per department type becoming one row per organisation and month). The
     * row starts at {@code row.line()}; {@code alsoFromLines} are the other lines it was built
     * from. Those lines share the row's fate: accepted with it, or rejected with it (carrying the
     * row's reason) when it fails validation or, at {@link #finish}, shares a key.
     */
    public void accept(OutputRow row, long... alsoFromLines) {
        accept(row);
        if (alsoFromLines.length == 0) return;
        long[] others = new long[alsoFromLines.length];
        for (int i = 0; i < others.length; i++) others[i] = lineBase + alsoFromLines[i];
        if (row.hasProblems()) {
            RowProblem cause = row.problems().get(0);
            rejectAlso(row.line(), others, cause.column(), cause.rawValue(), cause.rule(), cause.reason());
            return;
        }
        alsoFrom.put(row.slot(), others);
        for (long slot : others) acceptedLines.set(toIndex(slot));
    }

    private void rejectAlso(long line, long[] otherSlots, String column, String raw, String rule, String reason) {
        for (long slot : otherSlots) {
            Long base = sections.floorKey(slot - 1);
            addProblem(slot, new RowProblem(slot - (base == null ? 0 : base), column, raw, rule,
                    "rejected with line " + line + ", part of the same row: " + reason));
        }
    }

    /** Keeps a recognised total row as a control row (is_control_row = true); not validated for keys. */
    public void control(OutputRow row) {
        if (row.hasProblems()) {
            for (RowProblem p : row.problems()) addProblem(row.slot(), p);
            return;
        }
        row.markControl();
        controls.add(row);
        controlLines.set(toIndex(row.slot()));
    }

    /** Rejects a data row that could not become a conformed row. */
    public void reject(long line, String column, String rawValue, String rule, String reason) {
        addProblem(lineBase + line, new RowProblem(line, column, rawValue, rule, reason));
    }

    /** Records a problem of the row at internal position {@code slot}, naming its section if any. */
    private void addProblem(long slot, RowProblem p) {
        Map.Entry<Long, String> section = sections.lowerEntry(slot);
        problems.add(section == null ? p : new RowProblem(p.line(), p.column(), p.rawValue(), p.rule(),
                "sheet '" + section.getValue() + "': " + p.reason()));
        rejectedLines.set(toIndex(slot));
    }

    /** A file-level warning for the manifest, e.g. a control total that does not reconcile. */
    public void warning(String rule, String message) {
        warnings.add(rule + ": " + message);
    }

    private void validate(OutputRow row) {
        Object[] v = row.values();
        List<ColumnSpec> cols = table.columns();
        for (int i = 0; i < cols.size() - Contracts.LINEAGE_COLUMNS.size(); i++) {
            ColumnSpec c = cols.get(i);
            Object value = v[i];
            if (value == null) {
                if (!c.nullable() && !row.isFlagged(c.name()))
                    row.problem(c.name(), "", "required", c.name() + " is required but missing");
                continue;
            }
            if (!c.allowed().isEmpty() && !c.allowed().contains(value.toString())) {
                row.problem(c.name(), value.toString(), "allowed_values", c.name() + " '" + value
                        + "' is not one of " + c.allowed());
            }
            if (c.pattern() != null && value instanceof String s
                    && !patterns.computeIfAbsent(c.pattern(), Pattern::compile).matcher(s).matches()) {
                row.problem(c.name(), s, "pattern", c.name() + " '" + s + "' does not look like " + c.description());
            }
            if (c.min() != null) checkMin(row, c, value);
        }
        for (RowCheck check : table.checks()) {
            BigDecimal a = number(v[table.position(check.column())]);
            BigDecimal b = number(v[table.position(check.notGreaterThan())]);
            if (a != null && b != null && a.compareTo(b) > 0) {
                row.problem(check.column(), a.toPlainString(), check.rule(), check.column() + " (" + a.toPlainString()
                        + ") exceeds " + check.notGreaterThan() + " (" + b.toPlainString() + ")"
                        + (check.reason() == null ? "" : ": " + check.reason()));
            }
        }
    }

    private static void checkMin(OutputRow row, ColumnSpec c, Object value) {
        if (value instanceof long[] arr) {
            for (long x : arr) {
                if (x < c.min()) {
                    row.problem(c.name(), Long.toString(x), "non_negative", c.name() + " has a negative count " + x);
                    return;
                }
            }
            return;
        }
        BigDecimal n = number(value);
        if (n != null && n.compareTo(BigDecimal.valueOf(c.min())) < 0) {
            row.problem(c.name(), n.toPlainString(), c.min() == 0 ? "non_negative" : "min",
                    c.name() + " is " + n.toPlainString() + " but must be at least "
                            + BigDecimal.valueOf(c.min()).stripTrailingZeros().toPlainString());
        }
    }

    private static BigDecimal number(Object v) {
        if (v instanceof BigDecimal d) return d;
        if (v instanceof Long l) return BigDecimal.valueOf(l);
        if (v instanceof Integer i) return BigDecimal.valueOf(i);
        return null;
    }

    /**
     * Ends the file: rejects rows sharing a key, checks every row read was accounted for and that a
     * single-period return holds one period, and returns the result.
     *
     * @param singlePeriod true for returns that publish exactly one month per file
     */
    public FileParseResult finish(boolean singlePeriod) throws FileRejectedException {
        rejectDuplicateKeys();
        BitSet unclassified = (BitSet) read.clone();
        unclassified.andNot(acceptedLines);
        unclassified.andNot(rejectedLines);
        unclassified.andNot(controlLines);
        for (int i = unclassified.nextSetBit(0); i >= 0; i = unclassified.nextSetBit(i + 1)) {
            Long base = sections.lowerKey(i + 1L);
            addProblem(i + 1L, new RowProblem(i + 1L - (base == null ? 0 : base), null, "", "unclassified",
                    "row was read but neither accepted nor rejected by the reader"));
        }
        if (read.isEmpty()) {
            throw new FileRejectedException("no_rows", "has no data rows (header only or blank lines)");
        }
        TreeSet<LocalDate> periods = new TreeSet<>();
        String partition = table.partitionColumn();
        // periods are months; a table partitioned by something else (a lookup's name) has none
        if (partition != null && table.column(partition).type().kind() == ColumnType.Kind.DATE) {
            for (OutputRow r : accepted) periods.add((LocalDate) r.get(partition));
            for (OutputRow r : controls) if (r.get(partition) != null) periods.add((LocalDate) r.get(partition));
        }
        if (singlePeriod && periods.size() > 1) {
            throw new FileRejectedException("many_periods", "holds " + periods.size() + " periods " + periods
                    + " but a " + input.returnName() + " file publishes one month; split it by period");
        }
        BitSet rejected = (BitSet) rejectedLines.clone();
        BitSet control = (BitSet) controlLines.clone();
        control.andNot(rejected);
        BitSet ok = (BitSet) acceptedLines.clone();
        ok.andNot(rejected);
        ok.andNot(control);
        List<OutputRow> rows = new ArrayList<>(accepted.size() + controls.size());
        for (OutputRow r : accepted) if (!rejectedLines.get(toIndex(r.slot()))) rows.add(r);
        for (OutputRow r : controls) if (!rejectedLines.get(toIndex(r.slot()))) rows.add(r);
        BitSet all = (BitSet) read.clone();
        all.or(rejectedLines);
        all.or(controlLines);
        all.or(acceptedLines);
        return new FileParseResult(input, table, rows, controls, problems, warnings, new ArrayList<>(periods),
                all.cardinality(), ok.cardinality(), rejected.cardinality(), control.cardinality());
    }

    private void rejectDuplicateKeys() {
        if (table.keys().isEmpty()) return;
        int[] keyPos = table.keys().stream().mapToInt(table::position).toArray();
        Map<List<Object>, List<OutputRow>> byKey = new HashMap<>(accepted.size() * 2);
        for (OutputRow r : accepted) {
            Object[] v = r.values();
            List<Object> key = new ArrayList<>(keyPos.length);
            for (int p : keyPos) key.add(v[p]);
            byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(r);
        }
        for (Map.Entry<List<Object>, List<OutputRow>> e : byKey.entrySet()) {
            if (e.getValue().size() < 2) continue;
            if (e.getValue().stream().map(OutputRow::slot).distinct().count() < 2) continue;
            List<Long> lines = e.getValue().stream().map(OutputRow::line).distinct().sorted().toList();
            for (OutputRow r : e.getValue()) {
                String reason = "key (" + describeKey(e.getKey()) + ") appears on lines " + lines
                        + "; all are rejected until the file is corrected";
                addProblem(r.slot(), new RowProblem(r.line(), null, describeKey(e.getKey()), "duplicate_key", reason));
                long[] others = alsoFrom.get(r.slot());
                if (others != null) rejectAlso(r.line(), others, null, describeKey(e.getKey()), "duplicate_key", reason);
            }
        }
    }

    private String describeKey(List<Object> key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < key.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(table.keys().get(i)).append('=').append(key.get(i));
        }
        return sb.toString();
    }

    private static int toIndex(long line) {
        return Math.toIntExact(line - 1);
    }
}
