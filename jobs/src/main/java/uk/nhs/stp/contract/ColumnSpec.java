package uk.nhs.stp.contract;

import java.util.List;

/**
 * One column of a table contract.
 *
 * @param name        snake_case column name, with its unit as a suffix where it has one
 * @param type        the column's type
 * @param nullable    false when every row must carry a value (Spark does not enforce this on
 *                    read; the validator does)
 * @param description what the column holds, for the data dictionary
 * @param unit        unit of measure ({@code count}, {@code gbp_k}, {@code pct}, …) or null
 * @param min         smallest allowed value for numeric columns, or null
 * @param allowed     the allowed values of a string column, or an empty list for any
 * @param pattern     a regular expression a string value must match, or null
 * @param aliases     published header names that map to this column (input contracts)
 * @param organisation true for an organisation code checked against the organisation lookups
 *                     (an unknown code is accepted and flagged {@code unknown_org})
 */
public record ColumnSpec(String name, ColumnType type, boolean nullable, String description,
                         String unit, Double min, List<String> allowed, String pattern,
                         List<String> aliases, boolean organisation) {
}
