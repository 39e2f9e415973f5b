package uk.nhs.stp.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The plain reading back-tests use to compute expected figures by hand from raw published files,
 * independently of the project's readers.
 */
public final class RawCsv {
    private RawCsv() { }

    /** Splits a CSV line on commas outside double quotes (the raw files have no embedded newlines). */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { out.add(f.toString()); f.setLength(0); }
            else f.append(c);
        }
        out.add(f.toString());
        return out;
    }

    /** A whole-number cell; blank is zero (as the RTT publisher defines it). */
    public static long number(String cell) {
        String s = cell.trim();
        return s.isEmpty() ? 0 : Long.parseLong(s);
    }
}
