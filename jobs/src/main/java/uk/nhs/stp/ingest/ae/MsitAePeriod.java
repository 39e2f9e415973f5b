package uk.nhs.stp.ingest.ae;

import uk.nhs.stp.ingest.read.Cells;

import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Period} cell of the monthly A&E return: the collection name and the month, e.g.
 * {@code MSitAE-APRIL-2025}. Month names are upper case in every file seen; any case and an
 * abbreviation of at least three letters ({@code SEPT}, {@code JUN}) are accepted too.
 */
final class MsitAePeriod {
    private static final Pattern PERIOD = Pattern.compile("(?i)MSitAE\\s*-\\s*([A-Z]{3,9})\\s*-\\s*(\\d{4})");

    private MsitAePeriod() { }

    /** The first day of the month named, or null when the cell is not a period of this return. */
    static LocalDate parse(String raw) {
        String s = Cells.clean(raw);
        if (s == null) return null;
        Matcher m = PERIOD.matcher(s);
        if (!m.matches()) return null;
        Month month = month(m.group(1).toUpperCase(Locale.ROOT));
        return month == null ? null : LocalDate.of(Integer.parseInt(m.group(2)), month, 1);
    }

    private static Month month(String name) {
        for (Month mo : Month.values()) {
            if (mo.name().startsWith(name)) return mo;
        }
        return null;
    }
}
