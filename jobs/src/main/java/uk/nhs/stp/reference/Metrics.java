package uk.nhs.stp.reference;

import uk.nhs.stp.contract.Contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The performance metrics and their definitions: {@code reference/metrics.csv}, shipped with the
 * application and validated against {@code data-schemas/reference/metrics.json} when first used.
 * A broken table fails loudly, listing every problem, so no mart is labelled or formatted from a
 * wrong definition.
 *
 * <p>Checks: the contract's columns (types, required values, allowed values, patterns), one row
 * per {@code metric_id}, and a denominator definition exactly when the unit is {@code pct}
 * (a count or a weeks estimate has no denominator).
 */
public final class Metrics {
    /** Classpath location of the shipped table. */
    public static final String RESOURCE = "reference/metrics.csv";

    private Metrics() { }

    private static final class Shipped {
        static final List<Metric> ALL = load();

        private static List<Metric> load() {
            try (InputStream in = Metrics.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("no " + RESOURCE + " on the classpath");
                return read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /** Every shipped metric, ordered by id. */
    public static List<Metric> all() {
        return Shipped.ALL;
    }

    /** The shipped metric with this id. */
    public static Optional<Metric> byId(String metricId) {
        return all().stream().filter(m -> m.metricId().equals(metricId)).findFirst();
    }

    /**
     * Reads and validates a metrics table.
     *
     * @param name where the table came from, for messages
     * @throws IllegalStateException listing every problem found
     */
    public static List<Metric> read(Reader in, String name) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Metric> metrics = new ArrayList<>();
        for (ReferenceCsv.Line l : ReferenceCsv.read(in, Contracts.table("reference", "metrics"), problems)) {
            Metric m = new Metric(l.text("metric_id"), l.text("name"), Metric.Unit.of(l.text("unit")),
                    Target.Direction.of(l.text("direction")), l.text("basis"), l.text("source_table"),
                    l.text("numerator_definition"), l.text("denominator_definition"), l.text("definition"));
            boolean ratio = m.unit() == Metric.Unit.PCT;
            if (ratio && m.denominatorDefinition() == null) {
                problems.add("line " + l.line() + ": " + m.metricId() + " is a pct metric and needs a denominator_definition");
            } else if (!ratio && m.denominatorDefinition() != null) {
                problems.add("line " + l.line() + ": " + m.metricId() + " is a " + m.unit().id()
                        + " metric and has no denominator: leave denominator_definition empty");
            } else {
                metrics.add(m);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(name + " is not a valid metrics table: " + String.join("; ", problems));
        }
        metrics.sort(Comparator.comparing(Metric::metricId));
        return List.copyOf(metrics);
    }
}
