package uk.nhs.stp.ingest.rtt;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The RTT {@code Period} text, {@code RTT-April-2026}, read as the first day of its month. Full
 * and three-letter English month names are read, in any case, separated by hyphens or spaces.
 */
final class RttPeriod {
    private static final Map<String, Month> MONTHS = new HashMap<>();

    static {
        for (Month m : Month.values()) {
            MONTHS.put(m.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT), m);
            MONTHS.put(m.getDisplayName(TextStyle.SHORT, Locale.UK).toLowerCase(Locale.ROOT).substring(0, 3), m);
        }
    }

    private RttPeriod() { }

    /** First day of the month named by {@code label}, or null when it is not an RTT period. */
    static LocalDate month(String label) {
        if (label == null) return null;
        String[] parts = label.trim().toLowerCase(Locale.ROOT).split("[-\\s]+");
        int i = parts.length > 0 && parts[0].equals("rtt") ? 1 : 0;
        if (parts.length - i != 2) return null;
        Month month = MONTHS.get(parts[i]);
        String year = parts[i + 1];
        if (month == null || year.length() != 4 || !year.chars().allMatch(Character::isDigit)) return null;
        return LocalDate.of(Integer.parseInt(year), month, 1);
    }
}
