package uk.nhs.stp.ingest.read;

import java.io.Serializable;

/**
 * Why a row was rejected.
 *
 * @param line     physical line (or sheet row) of the source
 * @param column   the column at fault (published header or conformed column), or null for the row
 * @param rawValue the value as published (the whole line when the column is null)
 * @param rule     the rule that failed, e.g. {@code type}, {@code non_negative}, {@code duplicate_key}
 * @param reason   one readable sentence
 */
public record RowProblem(long line, String column, String rawValue, String rule, String reason)
        implements Serializable {
}
