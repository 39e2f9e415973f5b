package uk.nhs.stp.cli;

import picocli.CommandLine.Option;
import uk.nhs.stp.trajectory.FinanceTrajectoryParameters;
import uk.nhs.stp.trajectory.TargetTrajectoryParameters;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trajectory options of {@code stp marts}; each default is the parameters records'
 * ({@link FinanceTrajectoryParameters#DEFAULTS}, {@link TargetTrajectoryParameters#DEFAULTS}), and the
 * settings without an option keep theirs.
 */
public final class TrajectoryOptions {
    private static final Pattern FINANCIAL_YEAR = Pattern.compile("(\\d{4})/(\\d{2})");

    @Option(names = "--finance-window-years", paramLabel = "YEARS",
            defaultValue = "" + FinanceTrajectoryParameters.WINDOW_YEARS_DEFAULT,
            description = "Financial years of outturns the finance trend is fitted on (at least the minimum "
                    + "points). Default: ${DEFAULT-VALUE}.")
    int financeWindowYears;

    @Option(names = "--finance-min-points", paramLabel = "POINTS",
            defaultValue = "" + FinanceTrajectoryParameters.MIN_POINTS_DEFAULT,
            description = "Fewest outturns in the window for a finance trend (3 or more). Default: ${DEFAULT-VALUE}.")
    int financeMinPoints;

    @Option(names = "--finance-target-year", paramLabel = "YYYY/YY",
            description = "Financial year balance should be reached by, e.g. 2020/21. Default: "
                    + FinanceTrajectoryParameters.TARGET_FY_START_YEAR_DEFAULT + "/"
                    + (FinanceTrajectoryParameters.TARGET_FY_START_YEAR_DEFAULT + 1) % 100 + ".")
    String financeTargetYear;

    @Option(names = "--standard-window-months", paramLabel = "MONTHS",
            defaultValue = "" + TargetTrajectoryParameters.WINDOW_MONTHS_DEFAULT,
            description = "Months of rolling 12-month values the access-standard trend is fitted on (at least the "
                    + "minimum points). Default: ${DEFAULT-VALUE}.")
    int standardWindowMonths;

    @Option(names = "--standard-min-points", paramLabel = "POINTS",
            defaultValue = "" + TargetTrajectoryParameters.MIN_POINTS_DEFAULT,
            description = "Fewest rolling values in the window for an access-standard trend (3 or more). "
                    + "Default: ${DEFAULT-VALUE}.")
    int standardMinPoints;

    @Option(names = "--standard-target-month", paramLabel = "YYYY-MM",
            description = "Month every access standard should be met by. Default: March at the end of the "
                    + "financial year after each as-of month's.")
    String standardTargetMonth;

    /**
     * The finance trajectory parameters the options give.
     *
     * @throws IllegalArgumentException with a message naming the accepted values
     */
    FinanceTrajectoryParameters financeParameters() {
        FinanceTrajectoryParameters d = FinanceTrajectoryParameters.DEFAULTS;
        int target = financeTargetYear == null ? d.targetFyStartYear() : financialYearStart(financeTargetYear);
        return new FinanceTrajectoryParameters(financeWindowYears, financeMinPoints, target, d.predictionLevel(),
                d.horizonYears());
    }

    /**
     * The access-standard trajectory parameters the options give.
     *
     * @throws IllegalArgumentException with a message naming the accepted values
     */
    TargetTrajectoryParameters standardParameters() {
        TargetTrajectoryParameters d = TargetTrajectoryParameters.DEFAULTS;
        LocalDate target = standardTargetMonth == null ? d.targetMonth()
                : OptionValues.month("--standard-target-month", standardTargetMonth);
        return new TargetTrajectoryParameters(standardWindowMonths, standardMinPoints, target, d.predictionLevel(),
                d.horizonMonths());
    }

    /** The year a financial year {@code YYYY/YY} of two consecutive years starts. */
    private static int financialYearStart(String value) {
        Matcher m = FINANCIAL_YEAR.matcher(value.trim());
        if (m.matches()) {
            int start = Integer.parseInt(m.group(1));
            if (Integer.parseInt(m.group(2)) == (start + 1) % 100) return start;
        }
        throw new IllegalArgumentException("--finance-target-year: '" + value
                + "' is not a financial year YYYY/YY of two consecutive years, e.g. 2020/21");
    }
}
