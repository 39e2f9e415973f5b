package uk.nhs.stp.spc;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One month of a series given to {@link XmrChart}.
 *
 * @param month  first day of the month
 * @param value  the metric's value, null when the month has no data
 * @param target the standard valid that month, null where none applies
 */
public record SeriesPoint(LocalDate month, Double value, Double target) implements Serializable { }
