package uk.nhs.stp.reference;

import uk.nhs.stp.contract.Contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
        List<String> problems = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        for (ReferenceCsv.Line l : ReferenceCsv.read(in, Contracts.table("reference", "targets"), problems)) {
            Target t = target(l, problems);
            if (t != null) targets.add(t);
        }
        checkWindows(targets, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(name + " is not a valid targets table: " + String.join("; ", problems));
        }
        targets.sort(Comparator.comparing(Target::metricId).thenComparing(Target::validFrom));
        return List.copyOf(targets);
    }

    /** A target from a line that passed the contract's column rules, or null after the rules across columns. */
    private static Target target(ReferenceCsv.Line l, List<String> problems) {
        int before = problems.size();
        BigDecimal pct = (BigDecimal) l.get("standard_pct");
        Long count = (Long) l.get("standard_count");
        String where = "line " + l.line() + ": ";
        if ((pct == null) == (count == null)) {
            problems.add(where + "give exactly one of standard_pct and standard_count");
        }
        if (pct != null && pct.compareTo(HUNDRED) > 0) problems.add(where + "standard_pct " + pct + " exceeds 100");
        LocalDate from = (LocalDate) l.get("valid_from");
        LocalDate to = (LocalDate) l.get("valid_to");
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(where + "valid_to " + to + " is before valid_from " + from);
        }
        if (problems.size() > before) return null;
        return new Target(l.text("metric_id"), pct, count, Target.Direction.of(l.text("direction")),
                from, to, l.text("source"), l.text("note"));
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
