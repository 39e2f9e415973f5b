package uk.nhs.stp.trajectory;

import java.time.LocalDate;

/**
 * The finance trajectory of one area as of one month: the fields of a
 * {@code *_finance_trajectory} mart row after its area columns (see that contract for each
 * column's definition). Amounts £000, years as their start year (2020 = 2020/21).
 */
public record FinanceTrajectory(LocalDate asOfMonth, int asOfFyStartYear, Integer latestFyStartYear,
                                Double latestOutturn, Boolean isLatestOutturnForecast, Double runRateOutturn,
                                Double gapToPlanYtd, Integer windowFirstFyStartYear, int pointsUsed,
                                Double trendPerYear, Double trendStandardError, Double residualStandardError,
                                ProjectionStatus balanceStatus, Integer projectedBalanceFyStartYear,
                                Double controlTotal, ProjectionStatus controlTotalStatus,
                                Integer projectedControlTotalFyStartYear, Double requiredImprovementPerYear,
                                Boolean isOnTrack, Double trendAtTargetYear, Double predictionLower,
                                Double predictionUpper, Double doNothingAtTargetYear,
                                FinanceTrajectoryParameters parameters) {
}
