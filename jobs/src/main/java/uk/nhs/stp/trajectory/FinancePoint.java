package uk.nhs.stp.trajectory;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One month's financial position of an area, £000, positive = surplus. Annual accounts are one
 * point per year at M12 (month = March of the year's end) with no plan, forecast or control total.
 *
 * @param month           the month the figures are at
 * @param fyStartYear     the calendar year its financial year starts (2017 = 2017/18)
 * @param fyMonth         1 = April … 12 = March
 * @param actualYtd       surplus/(deficit) year to date
 * @param planYtd         planned surplus/(deficit) year to date, or null
 * @param forecastOutturn forecast surplus/(deficit) for the whole year, or null
 * @param controlTotal    the year's control total, or null when there is none
 */
public record FinancePoint(LocalDate month, int fyStartYear, int fyMonth, double actualYtd, Double planYtd,
                           Double forecastOutturn, Double controlTotal) implements Serializable {
    /** The year-end point of one year of annual accounts. */
    public static FinancePoint annual(int fyStartYear, double position) {
        return new FinancePoint(LocalDate.of(fyStartYear + 1, 3, 1), fyStartYear, 12, position, null, null, null);
    }
}
