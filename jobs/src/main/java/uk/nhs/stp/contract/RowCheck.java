package uk.nhs.stp.contract;

/**
 * A rule across two columns of one row: {@code column} must not exceed {@code notGreaterThan}
 * (e.g. patients seen within the standard ≤ patients seen).
 */
public record RowCheck(String rule, String column, String notGreaterThan, String reason) {
}
