package uk.nhs.stp.trajectory;

import java.time.LocalDate;

/**
 * The access-standard trajectory of one area and metric as of one month: the fields of a
 * {@code *_target_trajectory} mart row after its area and metric columns (see that contract).
 * Values are in the metric's unit.
 */
public record TargetTrajectory(LocalDate asOfMonth, Double value, Double rollingValue, int rollingMonthsWithData,
                               Double standard, Integer windowPoints, Double trendPerMonth,
                               Double trendStandardError, ProjectionStatus status, LocalDate projectedMonth,
                               LocalDate targetMonth, Double requiredImprovementPerMonth, Boolean isOnTrack,
                               Double trendAtTargetMonth, Double predictionLower, Double predictionUpper,
                               Double plannedValue, Double varianceToPlan, String varianceRating,
                               Boolean isPlanMet, TargetTrajectoryParameters parameters) {
}
