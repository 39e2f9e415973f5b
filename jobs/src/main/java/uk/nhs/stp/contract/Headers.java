package uk.nhs.stp.contract;

import java.util.Locale;

/** Header comparison as publishers vary it: case, surrounding and repeated spaces, NBSP, BOM. */
public final class Headers {
    private Headers() { }

    /**
     * The header as compared: no-break spaces read as spaces, byte order marks dropped, trimmed,
     * each run of whitespace (space, tab, line breaks, form feed) one space, lower case.
     */
    public static String normalise(String header) {
        if (header == null) return "";
        // one pass, no regular expression: while files are recognised, every field of every preview
        // line of every landed file is normalised, once for each contract it is matched against
        StringBuilder out = new StringBuilder(header.length());
        boolean inSpaces = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\uFEFF') continue;
            if (c == '\u00A0') c = ' ';
            if (isSpace(c)) {
                if (!inSpaces) out.append(' ');
                inSpaces = true;
            } else {
                out.append(c);
                inSpaces = false;
            }
        }
        return out.toString().trim().toLowerCase(Locale.ROOT);
    }

    /** Whitespace as in a regular expression's {@code \s}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
