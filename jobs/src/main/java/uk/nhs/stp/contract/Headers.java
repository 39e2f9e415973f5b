package uk.nhs.stp.contract;

import java.util.Locale;
import java.util.regex.Pattern;

/** Header comparison as publishers vary it: case, surrounding and repeated spaces, NBSP, BOM. */
public final class Headers {
    // compiled once: headers are compared for every column of every file read
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Headers() { }

    public static String normalise(String header) {
        if (header == null) return "";
        String s = header.replace('\u00A0', ' ').replace("\uFEFF", "");
        return SPACES.matcher(s.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
