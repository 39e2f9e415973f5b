package uk.nhs.stp.reference;

import java.time.LocalDate;

/**
 * One footprint merged into another (a row of {@code reference/footprint_successors.csv}, contract
 * {@code data-schemas/reference/footprint_successors.json}).
 *
 * @param fromCode      E54 code of the footprint that ceased
 * @param toCode        E54 code of the footprint that took over its organisations
 * @param effectiveFrom first day the successor applies
 * @param note          what changed, or null
 */
public record FootprintSuccessor(String fromCode, String toCode, LocalDate effectiveFrom, String note) { }
