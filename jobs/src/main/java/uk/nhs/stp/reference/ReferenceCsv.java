package uk.nhs.stp.reference;

import uk.nhs.stp.contract.ColumnSpec;
import uk.nhs.stp.contract.TableContract;
import uk.nhs.stp.ingest.source.CsvReader;
import uk.nhs.stp.ingest.source.CsvRecord;
import uk.nhs.stp.ingest.source.FileRejectedException;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a reference table shipped as CSV and checks it against its contract: the header names
 * exactly the contract's columns, every cell has its column's type, required cells are filled,
 * allowed values, patterns and minimums hold, and no two lines share the contract's keys. Every
 * problem is collected (with its line) rather than stopping at the first, so a broken table is
 * fixed in one go.
 */
final class ReferenceCsv {

    /** One valid line: its physical line number and its typed values by column name (null when blank). */
    record Line(long line, Map<String, Object> values) {
        Object get(String column) { return values.get(column); }

        String text(String column) { return (String) values.get(column); }
    }

    private ReferenceCsv() { }

    /**
     * The lines of the table that break no column rule; each problem found is added to
     * {@code problems} as "line N: …" (lines with a problem are not returned).
     */
    static List<Line> read(Reader in, TableContract contract, List<String> problems) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (CsvReader csv = new CsvReader(in)) {
            Map<String, Integer> header = header(csv.next(), contract, problems);
            CsvRecord r;
            while (header != null && (r = csv.next()) != null) {
                if (r.isBlank()) continue;
                Line line = line(r, header, contract, problems);
                if (line != null) lines.add(line);
            }
        } catch (FileRejectedException e) {
            problems.add(e.getMessage());
        }
        checkKeys(lines, contract, problems);
        return lines;
    }

    private static Map<String, Integer> header(CsvRecord r, TableContract contract, List<String> problems) {
        if (r == null) {
            problems.add("it is empty");
            return null;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < r.size(); i++) index.put(r.field(i).trim(), i);
        int before = problems.size();
        for (ColumnSpec c : contract.columns()) {
            if (!index.containsKey(c.name())) problems.add("header lacks column " + c.name());
        }
        for (String h : index.keySet()) {
            if (!contract.has(h)) problems.add("header has column " + h + " the contract does not declare");
        }
        return problems.size() == before ? index : null;
    }

    private static Line line(CsvRecord r, Map<String, Integer> header, TableContract contract, List<String> problems) {
        int before = problems.size();
        Map<String, Object> values = new LinkedHashMap<>();
        for (ColumnSpec c : contract.columns()) {
            String raw = r.field(header.get(c.name()));
            values.put(c.name(), value(c, raw == null ? "" : raw.trim(), "line " + r.line(), problems));
        }
        return problems.size() == before ? new Line(r.line(), values) : null;
    }

    /** The typed value of one cell, checked against its column; null when blank or wrong. */
    private static Object value(ColumnSpec c, String s, String where, List<String> problems) {
        if (s.isEmpty()) {
            if (!c.nullable()) problems.add(where + ": " + c.name() + " is required");
            return null;
        }
        Object value;
        try {
            value = switch (c.type().kind()) {
                case STRING -> s;
                case INT -> Integer.parseInt(s);
                case LONG -> Long.parseLong(s);
                case DATE -> LocalDate.parse(s);
                case DECIMAL -> decimal(c, s);
                default -> throw new IllegalArgumentException("type " + c.type() + " is not supported in a reference CSV");
            };
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            problems.add(where + ": " + c.name() + " '" + s + "' is not a " + c.type());
            return null;
        }
        if (!c.allowed().isEmpty() && !c.allowed().contains(s)) {
            problems.add(where + ": " + c.name() + " '" + s + "' is not one of " + c.allowed());
        }
        if (c.pattern() != null && !Pattern.matches(c.pattern(), s)) {
            problems.add(where + ": " + c.name() + " '" + s + "' does not match " + c.pattern());
        }
        if (c.min() != null && value instanceof Number n && new BigDecimal(n.toString())
                .compareTo(BigDecimal.valueOf(c.min())) < 0) {
            problems.add(where + ": " + c.name() + " " + s + " is below " + c.min());
        }
        return value;
    }

    private static BigDecimal decimal(ColumnSpec c, String s) {
        BigDecimal d = new BigDecimal(s).setScale(c.type().scale());
        if (d.precision() > c.type().precision()) throw new ArithmeticException("too many digits");
        return d;
    }

    private static void checkKeys(List<Line> lines, TableContract contract, List<String> problems) {
        if (contract.keys().isEmpty()) return;
        Map<List<Object>, Long> first = new HashMap<>();
        for (Line l : lines) {
            List<Object> key = new ArrayList<>();
            for (String k : contract.keys()) key.add(l.get(k));
            Long earlier = first.putIfAbsent(key, l.line());
            if (earlier != null) {
                problems.add("line " + l.line() + ": " + contract.keys() + " " + key + " repeats line " + earlier);
            }
        }
    }
}
