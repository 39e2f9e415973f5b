package uk.nhs.stp.ingest.finance;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NHS financial year, April to March, written {@code YYYY/YY} (2017/18 = April 2017 to
 * March 2018), and its months {@code M01} (April) … {@code M12} (March).
 */
public final class FinancialYear {
    private static final Pattern LABEL = Pattern.compile("(\\d{4})/(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("[Mm](\\d{1,2})");
    private static final int FIRST_CALENDAR_MONTH = 4;

    private FinancialYear() { }

    /** The label of the financial year starting in April of {@code startYear}: 2015 → {@code 2015/16}. */
    public static String label(int startYear) {
        return String.format("%04d/%02d", startYear, (startYear + 1) % 100);
    }

    /**
     * The calendar year a {@code YYYY/YY} label starts in, or null when the text is not such a
     * label or its second part is not the following year ({@code 2017/19}).
     */
    public static Integer parseStart(String text) {
        if (text == null) return null;
        Matcher m = LABEL.matcher(text.trim());
        if (!m.matches()) return null;
        int start = Integer.parseInt(m.group(1));
        return Integer.parseInt(m.group(2)) == (start + 1) % 100 ? start : null;
    }

    /** The month number 1–12 of {@code M01}…{@code M12} (case-insensitive, {@code M6} allowed), or null. */
    public static Integer parseMonth(String text) {
        if (text == null) return null;
        Matcher m = MONTH.matcher(text.trim());
        if (!m.matches()) return null;
        int month = Integer.parseInt(m.group(1));
        return month >= 1 && month <= 12 ? month : null;
    }

    /** The canonical {@code Mnn} form of a month number. */
    public static String monthLabel(int fyMonth) {
        return String.format("M%02d", fyMonth);
    }

    /** First day of the calendar month of financial month {@code fyMonth}: 2017, 6 → 2017-09-01. */
    public static LocalDate calendarMonth(int startYear, int fyMonth) {
        return LocalDate.of(startYear, FIRST_CALENDAR_MONTH, 1).plusMonths(fyMonth - 1L);
    }

    /** First day of the financial year: 2015 → 2015-04-01. */
    public static LocalDate start(int startYear) {
        return calendarMonth(startYear, 1);
    }
}
