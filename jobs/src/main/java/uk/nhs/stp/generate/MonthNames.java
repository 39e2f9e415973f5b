package uk.nhs.stp.generate;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** Month and financial-year texts as the returns print them. */
final class MonthNames {
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM-yy", Locale.ENGLISH);

    private MonthNames() { }

    /** {@code April}. */
    static String full(YearMonth m) {
        return m.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** {@code APRIL}. */
    static String upper(YearMonth m) {
        return full(m).toUpperCase(Locale.ROOT);
    }

    /** {@code Sep-25}. */
    static String shortYear(YearMonth m) {
        return m.format(SHORT);
    }

    /** First calendar year of the NHS financial year (April–March) holding {@code m}. */
    static int financialYearStart(YearMonth m) {
        return m.getMonthValue() >= 4 ? m.getYear() : m.getYear() - 1;
    }

    /** {@code 2017/18}. */
    static String financialYear(YearMonth m) {
        int start = financialYearStart(m);
        return start + "/" + String.format(Locale.ROOT, "%02d", (start + 1) % 100);
    }

    /** Month of the financial year, 1 = April … 12 = March. */
    static int financialMonth(YearMonth m) {
        return (m.getMonthValue() + 8) % 12 + 1;
    }
}
