package uk.nhs.stp.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For hand calculations in tests: the shipped trust mergers ({@code reference/trust_successors.csv},
 * read as plain CSV, no project code) applied to a raw lookup as the marts apply them — a trust the
 * lookup does not list is placed where its first listed successor is.
 */
public final class RawTrustSuccessors {
    private RawTrustSuccessors() { }

    /** {@code footprintOf} plus each merged trust it does not list, placed as its nearest listed successor. */
    public static Map<String, String> apply(Map<String, String> footprintOf) throws IOException {
        Map<String, String> next = new HashMap<>();
        try (InputStream in = RawTrustSuccessors.class.getClassLoader().getResourceAsStream("reference/trust_successors.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines.subList(1, lines.size())) {
                List<String> c = RawCsv.split(line);
                next.put(c.get(0), c.get(1));
            }
        }
        Map<String, String> out = new HashMap<>(footprintOf);
        for (String from : next.keySet()) {
            if (footprintOf.containsKey(from)) continue;
            for (String to = next.get(from); to != null; to = next.get(to)) {
                if (footprintOf.containsKey(to)) {
                    out.put(from, footprintOf.get(to));
                    break;
                }
            }
        }
        return out;
    }
}
