package uk.nhs.stp.ingest.cancer;

import uk.nhs.stp.ingest.read.Cells;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The month a Cancer Waiting Times period text names: {@code Sep-25}, {@code September 2025},
 * {@code SEPTEMBER-2025}, {@code 2025-09}, {@code 2025-09-01} or {@code 01/09/2025}, all giving
 * 2025-09-01. Month names are matched on their first three English letters, so {@code Sept}
 * works too (the UK locale's own abbreviation changed between Java versions).
 */
final class CwtPeriod {
    private static final List<String> MONTHS = List.of(
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final Pattern NAMED = Pattern.compile("([A-Za-z]{3,9})[-\\s]+(\\d{2}|\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})(?:-(\\d{1,2}))?");
    private static final Pattern UK = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    private CwtPeriod() { }

    /** First day of the month the text names, or null when it names none. */
    static LocalDate month(String text) {
        String s = Cells.clean(text);
        if (s == null || s.isEmpty()) return null;
        try {
            Matcher m = NAMED.matcher(s);
            if (m.matches()) {
                int month = MONTHS.indexOf(m.group(1).substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
                if (month == 0) return null;
                int year = Integer.parseInt(m.group(2));
                return LocalDate.of(year < 100 ? 2000 + year : year, month, 1);
            }
            m = ISO.matcher(s);
            if (m.matches()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
                return d.withDayOfMonth(1);
            }
            m = UK.matcher(s);
            if (m.matches()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
                return d.withDayOfMonth(1);
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }
}
