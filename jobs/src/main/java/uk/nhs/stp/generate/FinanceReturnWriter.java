package uk.nhs.stp.generate;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * Writes the monthly finance return (this project's own contract): one row per trust
 * ({@code Provider}) and CCG, year-to-date figures in £000 at one month of the NHS financial year.
 *
 * <p>A trust's full-year surplus/(deficit) starts from its real 2017/18 accounts figure; a trust in
 * deficit closes part of the gap every year (and was further from balance in earlier years). A CCG's
 * under/(over)spend is a small share of an allocation sized by its population. Plans are a little
 * more optimistic than what happens. Year-to-date figures accumulate monthly amounts, weighted
 * towards winter, from April and start again each April; the forecast outturn extrapolates the
 * variance against plan. Some trusts and many CCGs have no control total: those cells, and the STF
 * income that depends on a control total, are blank.
 *
 * <p>Amounts are written as finance teams write them: a deficit in brackets with thousands
 * separators ({@code (1,234)}, quoted because of the comma), a surplus as a plain number.
 */
final class FinanceReturnWriter {
    static final String KIND = "finance";
    static final List<String> HEADER = List.of("Financial Year", "Month", "Org Code", "Org Name", "Org Type",
            "Plan YTD (£000)", "Actual YTD (£000)", "Forecast Outturn (£000)", "Control Total (£000)",
            "STF YTD (£000)");
    /** The year the trusts' real accounts figures are for (2017/18). */
    private static final int BASE_YEAR = 2017;
    /** Average CCG allocation per registered person, £000, in 2018/19. */
    private static final double ALLOCATION_PER_HEAD_GBP_K = 1.35;

    /** One organisation's plan and outcome for a financial year, £000. */
    private record Year(double income, double plan, double actual, Double controlTotal, double stfAnnual) { }

    private final OrgUniverse orgs;
    private final long seed;

    FinanceReturnWriter(OrgUniverse orgs, long seed) {
        this.orgs = orgs;
        this.seed = seed;
    }

    /** {@code finance/finance-monthly-return-2017-18-M06.csv}. */
    static String path(YearMonth m) {
        return "finance/finance-monthly-return-" + MonthNames.financialYear(m).replace('/', '-')
                + String.format(Locale.ROOT, "-M%02d.csv", MonthNames.financialMonth(m));
    }

    void write(OutputTree out, YearMonth month) throws IOException {
        String fy = MonthNames.financialYear(month);
        String fm = String.format(Locale.ROOT, "M%02d", MonthNames.financialMonth(month));
        out.csv(path(month), KIND, false, csv -> {
            csv.header(HEADER);
            for (Provider p : orgs.providers()) {
                csv.row(row(fy, fm, p.code(), p.name(), "Provider", providerYear(p, month), month));
            }
            for (Ccg c : orgs.ccgs()) {
                csv.row(row(fy, fm, c.code(), c.name().toUpperCase(Locale.ROOT), "CCG", ccgYear(c, month), month));
            }
        });
    }

    private Year providerYear(Provider p, YearMonth month) {
        int years = MonthNames.financialYearStart(month) - BASE_YEAR;
        Rng trait = Rng.of(seed, "finance-trait", null, p.code());
        Rng year = Rng.of(seed, "finance-year", YearMonth.of(MonthNames.financialYearStart(month), 4), p.code());
        double income = p.incomeGbpK() * Math.pow(1.03, years);
        double base = p.positionGbpK();
        double closeRate = trait.between(0.05, 0.25);
        double expected = base < 0
                ? base * Math.pow(1 - closeRate, Math.max(-5, Math.min(15, years)))
                : base * (1 + 0.02 * years);
        double plan = expected + trait.between(0, 0.01) * income;
        double actual = expected + year.normal(0.004 * income);
        boolean accepted = trait.chance(0.85);
        Double controlTotal = accepted ? Math.round(plan / 100) * 100.0 : null;
        double stf = accepted ? trait.between(0.01, 0.02) * income : 0;
        return new Year(income, plan, actual, controlTotal, stf);
    }

    private Year ccgYear(Ccg c, YearMonth month) {
        int years = MonthNames.financialYearStart(month) - BASE_YEAR - 1;
        Rng trait = Rng.of(seed, "finance-trait", null, c.code());
        Rng year = Rng.of(seed, "finance-year", YearMonth.of(MonthNames.financialYearStart(month), 4), c.code());
        double allocation = c.population() * ALLOCATION_PER_HEAD_GBP_K * Math.pow(1.03, years);
        double share = trait.chance(0.2)
                ? -trait.between(0.005, 0.03) * Math.pow(0.85, Math.max(-5, Math.min(15, years)))
                : trait.between(0.001, 0.006);
        double plan = allocation * (Math.max(share, 0) + trait.between(0, 0.004));
        double actual = allocation * (share + year.normal(0.001));
        Double controlTotal = trait.chance(0.5) ? Math.round(plan / 100) * 100.0 : null;
        return new Year(allocation, plan, actual, controlTotal, 0);
    }

    private List<String> row(String fy, String fm, String code, String name, String type, Year y, YearMonth month) {
        int m = MonthNames.financialMonth(month);
        YearMonth april = month.minusMonths(m - 1L);
        double planYtd = y.plan() * phase(april, m);
        double actualYtd = 0;
        for (int k = 1; k <= m; k++) {
            YearMonth at = april.plusMonths(k - 1L);
            double share = phase(april, k) - phase(april, k - 1);
            actualYtd += y.actual() * share + Rng.of(seed, KIND, at, code).normal(0.003 * y.income() / 12);
        }
        double forecast = y.plan() + (actualYtd - planYtd) * Math.sqrt(12.0 / m);
        String stf = "";
        if (y.controlTotal() != null && y.stfAnnual() > 0) {
            double earned = actualYtd >= planYtd ? 1 : 0.7;
            stf = amount(Math.round(y.stfAnnual() * m / 12 * earned));
        }
        return List.of(fy, fm, code, name, type, amount(Math.round(planYtd)), amount(actualYtd),
                amount(Math.round(forecast)), y.controlTotal() == null ? "" : amount(y.controlTotal()), stf);
    }

    /** Share of the year's result falling in the first {@code months} months: winter months weigh more. */
    private static double phase(YearMonth april, int months) {
        double done = 0;
        double all = 0;
        for (int k = 0; k < 12; k++) {
            double w = 1 + 0.25 * Season.winterPressure(april.plusMonths(k));
            all += w;
            if (k < months) done += w;
        }
        return done / all;
    }

    /** £000 to one decimal place: {@code 1200}, {@code 2345.5}, a deficit as {@code (1,234)}. */
    static String amount(double gbpK) {
        BigDecimal v = BigDecimal.valueOf(gbpK).setScale(1, RoundingMode.HALF_UP);
        if (v.signum() == 0) return "0";
        if (v.signum() > 0) return v.stripTrailingZeros().toPlainString();
        DecimalFormat grouped = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return "(" + grouped.format(v.negate()) + ")";
    }
}
