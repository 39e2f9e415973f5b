package uk.nhs.stp.ingest.finance;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FinancialYearTest {

    @Test
    void monthsRunFromAprilToMarchOfTheNextYear() {
        assertEquals(LocalDate.of(2017, 4, 1), FinancialYear.calendarMonth(2017, 1), "M01 = April");
        assertEquals(LocalDate.of(2017, 9, 1), FinancialYear.calendarMonth(2017, 6), "M06 = September");
        assertEquals(LocalDate.of(2017, 12, 1), FinancialYear.calendarMonth(2017, 9), "M09 = December");
        assertEquals(LocalDate.of(2018, 1, 1), FinancialYear.calendarMonth(2017, 10), "M10 = January of the next year");
        assertEquals(LocalDate.of(2018, 3, 1), FinancialYear.calendarMonth(2017, 12), "M12 = March of the next year");
    }

    @Test
    void labelsAndParsesTheYear() {
        assertEquals("2015/16", FinancialYear.label(2015), "label");
        assertEquals("1999/00", FinancialYear.label(1999), "century wraps");
        assertEquals(2017, FinancialYear.parseStart(" 2017/18 "), "parsed");
        assertEquals(1999, FinancialYear.parseStart("1999/00"), "century wraps");
        assertNull(FinancialYear.parseStart("2017/19"), "second part must be the next year");
        assertNull(FinancialYear.parseStart("2017-18"), "written with a slash");
        assertNull(FinancialYear.parseStart("201718"), "not a label");
    }

    @Test
    void parsesMonths() {
        assertEquals(6, FinancialYear.parseMonth("M06"), "M06");
        assertEquals(6, FinancialYear.parseMonth("m6"), "lower case, one digit");
        assertEquals("M06", FinancialYear.monthLabel(6), "canonical form");
        assertNull(FinancialYear.parseMonth("M13"), "M13");
        assertNull(FinancialYear.parseMonth("M00"), "M00");
        assertNull(FinancialYear.parseMonth("September"), "a month name");
    }
}
