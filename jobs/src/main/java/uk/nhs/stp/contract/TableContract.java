package uk.nhs.stp.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract of one table: a conformed table, a reference table or a mart. Loaded from
 * {@code data-schemas/<kind>/<name>.json}; see {@code data-schemas/README.md} for the format.
 *
 * <p>For conformed tables the lineage columns ({@link Contracts#LINEAGE_COLUMNS}) are appended
 * by the loader, so every contract lists exactly the columns of the Parquet files.
 */
public final class TableContract {
    private final String name;
    private final String kind;
    private final String description;
    private final String grain;
    private final List<ColumnSpec> columns;
    private final List<String> keys;
    private final String partitionColumn;
    private final List<RowCheck> checks;
    private final ReaderFacts reader;
    private final Map<String, Integer> index = new LinkedHashMap<>();

    /**
     * What a reader of a published mart is told beyond its columns; null parts for tables that are
     * not marts.
     *
     * @param periodColumn the column saying which month (or year) a row is about, whose latest value
     *                     {@code stp tables} shows; null for a table without one
     * @param areaScope    how the rows belong to areas, for area extracts
     * @param example      a worked example query
     * @param builtFrom    what the mart's rows depend on
     */
    public record ReaderFacts(String periodColumn, AreaScope areaScope, ExampleQuery example, BuiltFrom builtFrom) {
        public static final ReaderFacts NONE = new ReaderFacts(null, null, null, null);
    }

    /**
     * Everything a mart's rows depend on besides the code: the conformed tables it reads (directly,
     * through the derived layer or through other marts) and the build settings it uses (keys of the
     * manifest's {@code parameters}). A nightly run that changed none of them keeps the mart as
     * published instead of rebuilding it.
     */
    public record BuiltFrom(List<String> conformed, List<String> settings) {
        public BuiltFrom {
            conformed = List.copyOf(conformed);
            settings = List.copyOf(settings);
        }
    }

    public TableContract(String name, String kind, String description, String grain,
                         List<ColumnSpec> columns, List<String> keys, String partitionColumn,
                         List<RowCheck> checks) {
        this(name, kind, description, grain, columns, keys, partitionColumn, checks, ReaderFacts.NONE);
    }

    public TableContract(String name, String kind, String description, String grain,
                         List<ColumnSpec> columns, List<String> keys, String partitionColumn,
                         List<RowCheck> checks, ReaderFacts reader) {
        this.name = name;
        this.kind = kind;
        this.description = description;
        this.grain = grain;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        this.keys = List.copyOf(keys);
        this.partitionColumn = partitionColumn;
        this.checks = List.copyOf(checks);
        this.reader = reader;
        for (int i = 0; i < columns.size(); i++) {
            if (index.put(columns.get(i).name(), i) != null) {
                throw new IllegalArgumentException("contract " + name + ": column '"
                        + columns.get(i).name() + "' declared twice");
            }
        }
        for (String key : keys) position(key);
        if (partitionColumn != null) position(partitionColumn);
        for (RowCheck c : checks) { position(c.column()); position(c.notGreaterThan()); }
        if (reader.periodColumn() != null) position(reader.periodColumn());
        if (reader.areaScope() != null) reader.areaScope().columns().forEach(this::position);
    }

    public String name() { return name; }
    public String kind() { return kind; }
    public String description() { return description; }
    public String grain() { return grain; }
    public List<ColumnSpec> columns() { return columns; }
    public List<String> keys() { return keys; }
    /** The column the table is partitioned by on disk (kept inside the files too), or null. */
    public String partitionColumn() { return partitionColumn; }
    public List<RowCheck> checks() { return checks; }
    /** The month (or year) column of a mart, or null. */
    public String periodColumn() { return reader.periodColumn(); }
    /** How a mart's rows belong to areas; null for tables that are not marts. */
    public AreaScope areaScope() { return reader.areaScope(); }
    /** A mart's worked example query; null for tables that are not marts. */
    public ExampleQuery example() { return reader.example(); }
    /** What a mart's rows depend on; null for tables that are not marts. */
    public BuiltFrom builtFrom() { return reader.builtFrom(); }
    public int width() { return columns.size(); }

    public boolean has(String column) { return index.containsKey(column); }

    /** Position of a column; an unknown name is a programming error and fails loudly. */
    public int position(String column) {
        Integer i = index.get(column);
        if (i == null) {
            throw new IllegalArgumentException("table " + name + " has no column '" + column + "'");
        }
        return i;
    }

    public ColumnSpec column(String column) { return columns.get(position(column)); }

    /**
     * A short fingerprint of the columns (name, type, nullability, in order): it changes exactly
     * when a reader would see a different schema. Recorded with every published mart.
     */
    public String schemaVersion() {
        StringBuilder ddl = new StringBuilder();
        for (ColumnSpec c : columns) ddl.append(c.name()).append(':').append(c.type()).append(':').append(c.nullable()).append(';');
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(ddl.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
