package uk.nhs.stp.reference;

import java.time.LocalDate;

/**
 * One organisation or footprint merged into another: a row of {@code reference/footprint_successors.csv}
 * or {@code reference/trust_successors.csv} (contracts in {@code data-schemas/reference/}).
 *
 * @param fromCode      code of the footprint or trust that ceased
 * @param toCode        code of the one that took over its activity
 * @param effectiveFrom first day the successor applies
 * @param note          what changed, or null
 */
public record Successor(String fromCode, String toCode, LocalDate effectiveFrom, String note) { }
