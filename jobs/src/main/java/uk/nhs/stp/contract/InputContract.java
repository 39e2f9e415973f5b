package uk.nhs.stp.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The column whose header or alias equals {@code header} as {@link Headers#normalise} compares
     * them, or null; to match a whole header row, take {@link #columnsByHeader} once.
     */
    public ColumnSpec columnForHeader(String header) {
        return columnsByHeader().get(Headers.normalise(header));
    }

    /**
     * Every header and alias ({@link Headers#normalise}d) with its column; a header two columns
     * share belongs to the first of them.
     */
    public Map<String, ColumnSpec> columnsByHeader() {
        Map<String, ColumnSpec> out = new HashMap<>();
        for (ColumnSpec c : columns) {
            out.putIfAbsent(Headers.normalise(c.name()), c);
            for (String a : c.aliases()) out.putIfAbsent(Headers.normalise(a), c);
        }
        return out;
    }
}
