package uk.nhs.stp.reference;

import uk.nhs.stp.contract.ColumnSpec;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.contract.TableContract;
import uk.nhs.stp.ingest.source.CsvReader;
import uk.nhs.stp.ingest.source.CsvRecord;
import uk.nhs.stp.ingest.source.FileRejectedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The national standards with their validity dates: {@code reference/targets.csv}, shipped with
 * the application and validated against {@code data-schemas/reference/targets.json} when first
 * used. A broken table fails loudly, listing every problem, rather than judging performance
 * against a wrong standard.
 *
 * <p>Checks: the contract's columns (types, required values, allowed values, patterns,
 * minimums), exactly one of {@code standard_pct} and {@code standard_count}, a percentage of at
 * most 100, {@code valid_from ≤ valid_to}, and no two windows of one metric overlapping.
 */
public final class Targets {
    /** Classpath location of the shipped table. */
    public static final String RESOURCE = "reference/targets.csv";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Targets() { }

    private static final class Shipped {
        static final List<Target> ALL = load();

        private static List<Target> load() {
            try (InputStream in = Targets.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("no " + RESOURCE + " on the classpath");
                return read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /** Every shipped target, by metric and then date. */
    public static List<Target> all() {
        return Shipped.ALL;
    }

    /** The shipped target of {@code metricId} in force on the first day of {@code month}'s month. */
    public static Optional<Target> forMonth(String metricId, LocalDate month) {
        LocalDate day = month.withDayOfMonth(1);
        return all().stream().filter(t -> t.metricId().equals(metricId) && t.appliesOn(day)).findFirst();
    }

    /**
     * Reads and validates a targets table.
     *
     * @param name where the table came from, for messages
     * @throws IllegalStateException listing every problem found
     */
    public static List<Target> read(Reader in, String name) throws IOException {
        TableContract contract = Contracts.table("reference", "targets");
        List<String> problems = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        try (CsvReader csv = new CsvReader(in)) {
            Map<String, Integer> header = header(csv.next(), contract, problems);
            CsvRecord r;
            while (header != null && (r = csv.next()) != null) {
                if (r.isBlank()) continue;
                Target t = target(r, header, contract, problems);
                if (t != null) targets.add(t);
            }
        } catch (FileRejectedException e) {
            problems.add(e.getMessage());
        }
        checkWindows(targets, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(name + " is not a valid targets table: " + String.join("; ", problems));
        }
        targets.sort(Comparator.comparing(Target::metricId).thenComparing(Target::validFrom));
        return List.copyOf(targets);
    }

    private static Map<String, Integer> header(CsvRecord r, TableContract contract, List<String> problems) {
        if (r == null) {
            problems.add("it is empty");
            return null;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < r.size(); i++) index.put(r.field(i).trim(), i);
        for (ColumnSpec c : contract.columns()) {
            if (!index.containsKey(c.name())) problems.add("header lacks column " + c.name());
        }
        for (String h : index.keySet()) {
            if (!contract.has(h)) problems.add("header has column " + h + " the contract does not declare");
        }
        return problems.isEmpty() ? index : null;
    }

    private static Target target(CsvRecord r, Map<String, Integer> header, TableContract contract,
                                 List<String> problems) {
        int before = problems.size();
        Map<String, Object> v = new HashMap<>();
        for (ColumnSpec c : contract.columns()) {
            String raw = r.field(header.get(c.name()));
            v.put(c.name(), value(c, raw == null ? "" : raw.trim(), "line " + r.line(), problems));
        }
        BigDecimal pct = (BigDecimal) v.get("standard_pct");
        Long count = (Long) v.get("standard_count");
        String where = "line " + r.line() + ": ";
        if ((pct == null) == (count == null)) {
            problems.add(where + "give exactly one of standard_pct and standard_count");
        }
        if (pct != null && pct.compareTo(HUNDRED) > 0) problems.add(where + "standard_pct " + pct + " exceeds 100");
        LocalDate from = (LocalDate) v.get("valid_from");
        LocalDate to = (LocalDate) v.get("valid_to");
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(where + "valid_to " + to + " is before valid_from " + from);
        }
        if (problems.size() > before) return null;
        return new Target((String) v.get("metric_id"), pct, count, Target.Direction.of((String) v.get("direction")),
                from, to, (String) v.get("source"), (String) v.get("note"));
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

    private static void checkWindows(List<Target> targets, List<String> problems) {
        Map<String, List<Target>> byMetric = new TreeMap<>();
        for (Target t : targets) byMetric.computeIfAbsent(t.metricId(), k -> new ArrayList<>()).add(t);
        for (List<Target> windows : byMetric.values()) {
            windows.sort(Comparator.comparing(Target::validFrom));
            for (int i = 1; i < windows.size(); i++) {
                Target a = windows.get(i - 1);
                Target b = windows.get(i);
                if (a.validTo() == null || !a.validTo().isBefore(b.validFrom())) {
                    problems.add(b.metricId() + ": window from " + b.validFrom() + " overlaps the one from "
                            + a.validFrom() + " (to " + (a.validTo() == null ? "open-ended" : a.validTo()) + ")");
                }
            }
        }
    }
}
