package uk.nhs.stp.cli;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Conversions of option values shared by the commands' option groups. */
final class OptionValues {
    private OptionValues() { }

    /**
     * The first day of a month given as {@code YYYY-MM}.
     *
     * @param option the option's name, for the message
     * @throws IllegalArgumentException naming the option and the accepted form
     */
    static LocalDate month(String option, String value) {
        try {
            return YearMonth.parse(value.trim()).atDay(1);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": '" + value + "' is not a month YYYY-MM");
        }
    }
}
