package uk.nhs.stp.contract;

import java.util.List;
import java.util.Locale;

/**
 * How a mart's rows belong to an area, declared by each mart contract ({@code "area_scope"}). An
 * area extract ({@code stp export --region | --footprint}) keeps exactly the rows this says are the
 * area's; the rule itself is written once, in {@code docs/regional-extracts.md}.
 */
public enum AreaScope {
    /**
     * Each row names its area in {@code area_level} and {@code area_code}: England, a region, a
     * footprint, or a provider or other organisation (which belongs to the footprint
     * {@code dim_organisation} maps it to).
     */
    AREA("area_level", "area_code"),
    /** Each row belongs to the footprint in {@code footprint_code} (null: to none). */
    FOOTPRINT("footprint_code"),
    /** No row belongs to an area: national reference or data-quality rows, the same for every area. */
    NATIONAL();

    private final List<String> columns;

    AreaScope(String... columns) {
        this.columns = List.of(columns);
    }

    /** The columns a table with this scope must have. */
    public List<String> columns() { return columns; }

    /** The name contracts use: {@code area}, {@code footprint} or {@code national}. */
    public String contractName() { return name().toLowerCase(Locale.ROOT); }

    public static AreaScope parse(String text) {
        for (AreaScope s : values()) if (s.contractName().equals(text)) return s;
        throw new IllegalArgumentException("unknown area_scope '" + text + "': use area, footprint or national");
    }
}
