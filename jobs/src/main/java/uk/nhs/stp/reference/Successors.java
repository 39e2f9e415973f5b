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
 * Mergers, shipped with the application: footprint merges ({@code reference/footprint_successors.csv},
 * contract {@code data-schemas/reference/footprint_successors.json}) and trust mergers
 * ({@code reference/trust_successors.csv}, {@code data-schemas/reference/trust_successors.json}).
 * Each table is validated against its contract when first used; a broken table fails loudly,
 * listing every problem, so no figure is restated by a wrong rule.
 *
 * <p>Checks: the contract's columns, one row per {@code from_code}, and no code its own successor.
 * CCG mergers are not shipped: they come from a landed lookup ({@code ccg_successors_csv}).
 */
public final class Successors {
    /** The table of footprint merges. */
    public static final String FOOTPRINTS = "footprint_successors";
    /** The table of trust mergers. */
    public static final String TRUSTS = "trust_successors";

    private Successors() { }

    private static final class Shipped {
        static final List<Successor> FOOTPRINT_RULES = load(FOOTPRINTS);
        static final List<Successor> TRUST_RULES = load(TRUSTS);

        private static List<Successor> load(String table) {
            String resource = "reference/" + table + ".csv";
            try (InputStream in = Successors.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("no " + resource + " on the classpath");
                return read(new InputStreamReader(in, StandardCharsets.UTF_8), table, resource);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }

    /** Every shipped footprint merge, ordered by from_code. */
    public static List<Successor> all() {
        return Shipped.FOOTPRINT_RULES;
    }

    /** Every shipped trust merger, ordered by from_code. */
    public static List<Successor> trusts() {
        return Shipped.TRUST_RULES;
    }

    /** Reads and validates a footprint successors table; see {@link #read(Reader, String, String)}. */
    public static List<Successor> read(Reader in, String name) throws IOException {
        return read(in, FOOTPRINTS, name);
    }

    /**
     * Reads and validates a successors table.
     *
     * @param table the table's contract ({@link #FOOTPRINTS} or {@link #TRUSTS})
     * @param name  where the table came from, for messages
     * @throws IllegalStateException listing every problem found
     */
    public static List<Successor> read(Reader in, String table, String name) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Successor> rules = new ArrayList<>();
        for (ReferenceCsv.Line l : ReferenceCsv.read(in, Contracts.table("reference", table), problems)) {
            Successor s = new Successor(l.text("from_code"), l.text("to_code"),
                    (LocalDate) l.get("effective_from"), l.text("note"));
            if (s.fromCode().equals(s.toCode())) {
                problems.add("line " + l.line() + ": " + s.fromCode() + " cannot be its own successor");
            } else {
                rules.add(s);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(name + " is not a valid " + table.replace('_', ' ') + " table: "
                    + String.join("; ", problems));
        }
        rules.sort(Comparator.comparing(Successor::fromCode));
        return List.copyOf(rules);
    }
}
