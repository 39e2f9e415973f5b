package uk.nhs.stp.ingest;

import uk.nhs.stp.contract.ColumnSpec;
import uk.nhs.stp.contract.TableContract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Flags rows whose organisation codes (columns marked {@code "organisation": true} in the
 * contract) appear in no organisation lookup of the warehouse: the row is kept, with
 * {@code unknown_org:<column>:<code>} in its {@code data_flags}. With no lookup loaded nothing is
 * flagged (the manifest's {@code rows_unknown_org} is then absent).
 */
final class FlagUnknownOrganisations {
    private final int[] columns;
    private final String[] names;
    private final int flags;
    private final Set<String> known;

    FlagUnknownOrganisations(TableContract table, Set<String> known) {
        List<Integer> positions = new ArrayList<>();
        for (ColumnSpec c : table.columns()) {
            if (c.organisation()) positions.add(table.position(c.name()));
        }
        this.columns = positions.stream().mapToInt(Integer::intValue).toArray();
        this.names = positions.stream().map(i -> table.columns().get(i).name()).toArray(String[]::new);
        this.flags = table.position("data_flags");
        this.known = known;
    }

    /** Adds flags to a row's values in place; true when the row has an unknown organisation. */
    boolean flag(Object[] values) {
        if (known.isEmpty() || columns.length == 0) return false;
        List<String> added = null;
        for (int i = 0; i < columns.length; i++) {
            Object code = values[columns[i]];
            if (code != null && !known.contains(code.toString())) {
                if (added == null) added = new ArrayList<>(2);
                added.add("unknown_org:" + names[i] + ":" + code);
            }
        }
        if (added == null) return false;
        @SuppressWarnings("unchecked")
        List<String> existing = (List<String>) values[flags];
        List<String> all = new ArrayList<>(existing);
        all.addAll(added);
        values[flags] = List.copyOf(all);
        return true;
    }
}
