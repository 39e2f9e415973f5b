package uk.nhs.stp.contract;

import java.util.List;

/**
 * The contract of one published input shape (a return as NHS England publishes it): how it is
 * recognised, which conformed table it lands in, and its published columns with their header
 * aliases. Loaded from {@code data-schemas/inputs/<name>.json}.
 *
 * @param name          identifier of the shape, e.g. {@code ae_monthly_provider_csv}
 * @param returnName    the return it belongs to, e.g. {@code ae} (the manifest's detected return)
 * @param table         conformed table the rows land in
 * @param description   what the publication is
 * @param publisher     who publishes it and where
 * @param columns       the published columns: {@code name} is the canonical header, aliases the
 *                      other spellings seen over the years, {@code type} the parsed type
 * @param notes         quirks a reader must tolerate
 */
public record InputContract(String name, String returnName, String table, String description,
                            String publisher, List<ColumnSpec> columns, List<String> notes) {

    /** The column whose header or alias equals {@code header} (case-insensitive, trimmed), or null. */
    public ColumnSpec columnForHeader(String header) {
        String h = Headers.normalise(header);
        for (ColumnSpec c : columns) {
            if (Headers.normalise(c.name()).equals(h)) return c;
            for (String a : c.aliases()) {
                if (Headers.normalise(a).equals(h)) return c;
            }
        }
        return null;
    }
}
