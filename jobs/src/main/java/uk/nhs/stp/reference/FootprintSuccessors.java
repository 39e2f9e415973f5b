package uk.nhs.stp.reference;

import uk.nhs.stp.contract.Contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Footprint merges: {@code reference/footprint_successors.csv}, shipped with the application and
 * validated against {@code data-schemas/reference/footprint_successors.json} when first used. A
 * broken table fails loudly, listing every problem, so no footprint figure is restated by a wrong rule.
 *
 * <p>Checks: the contract's columns, one row per {@code from_code}, and no footprint its own successor.
 */
public final class FootprintSuccessors {
    /** Classpath location of the shipped table. */
    public static final String RESOURCE = "reference/footprint_successors.csv";

    private FootprintSuccessors() { }

    private static final class Shipped {
        static final List<FootprintSuccessor> ALL = load();

        private static List<FootprintSuccessor> load() {
            try (InputStream in = FootprintSuccessors.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("no " + RESOURCE + " on the classpath");
                return read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /** Every shipped successor rule, ordered by from_code. */
    public static List<FootprintSuccessor> all() {
        return Shipped.ALL;
    }

    /**
     * Reads and validates a successors table.
     *
     * @param name where the table came from, for messages
     * @throws IllegalStateException listing every problem found
     */
    public static List<FootprintSuccessor> read(Reader in, String name) throws IOException {
        List<String> problems = new ArrayList<>();
        List<FootprintSuccessor> rules = new ArrayList<>();
        for (ReferenceCsv.Line l : ReferenceCsv.read(in, Contracts.table("reference", "footprint_successors"), problems)) {
            FootprintSuccessor s = new FootprintSuccessor(l.text("from_code"), l.text("to_code"),
                    (LocalDate) l.get("effective_from"), l.text("note"));
            if (s.fromCode().equals(s.toCode())) {
                problems.add("line " + l.line() + ": " + s.fromCode() + " cannot be its own successor");
            } else {
                rules.add(s);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(name + " is not a valid footprint successors table: " + String.join("; ", problems));
        }
        rules.sort(Comparator.comparing(FootprintSuccessor::fromCode));
        return List.copyOf(rules);
    }
}
