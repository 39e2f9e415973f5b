package uk.nhs.stp.contract;

import java.util.Locale;

/** Header comparison as publishers vary it: case, surrounding and repeated spaces, NBSP, BOM. */
public final class Headers {
    private Headers() { }

    public static String normalise(String header) {
        if (header == null) return "";
        String s = header.replace('\u00A0', ' ').replace("\uFEFF", "");
        return s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
