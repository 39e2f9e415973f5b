package uk.nhs.stp.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Loads the contracts in {@code data-schemas/} (shipped inside the application jar). One place
 * for every table's columns: readers, the validator, the data dictionary and tests use these.
 */
public final class Contracts {

    /** Columns every conformed table carries after its own: where each row came from. */
    public static final List<ColumnSpec> LINEAGE_COLUMNS = List.of(
            col("is_control_row", "boolean", false,
                    "True for a total row the publisher includes as a control (e.g. A&E 'TOTAL', RTT "
                            + "treatment function C_999, CWT 'ALL ENGLISH PROVIDERS'); exclude it when summing."),
            col("data_flags", "array<string>", false,
                    "Quality flags on the row, each 'flag:column[:detail]': suppressed, censored, "
                            + "not_available, unknown_org."),
            col("source_file", "string", false, "Path of the landing file the row was read from."),
            col("source_sha256", "string", false, "SHA-256 of the landing file's bytes."),
            col("source_line", "long", false,
                    "Line (1-based, physical) of the file where the row starts; for a workbook, the sheet row."),
            col("run_id", "string", false, "Id of the ingest run that wrote the row."));

    private static final String ROOT = "data-schemas";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, TableContract> TABLES = new ConcurrentHashMap<>();
    private static final Map<String, InputContract> INPUTS = new ConcurrentHashMap<>();

    private Contracts() { }

    private static ColumnSpec col(String name, String type, boolean nullable, String description) {
        return new ColumnSpec(name, ColumnType.parse(type), nullable, description, null, null,
                List.of(), null, List.of(), false);
    }

    /** A conformed table's contract, lineage columns included. */
    public static TableContract conformed(String table) {
        return TABLES.computeIfAbsent("conformed/" + table, Contracts::loadTable);
    }

    /** Any table contract by folder and name, e.g. {@code table("marts", "dim_month")}. */
    public static TableContract table(String folder, String name) {
        return TABLES.computeIfAbsent(folder + "/" + name, Contracts::loadTable);
    }

    public static InputContract input(String name) {
        return INPUTS.computeIfAbsent(name, n -> {
            JsonNode node = read("inputs/" + n + ".json");
            return new InputContract(text(node, "name"), text(node, "return"), text(node, "table"),
                    text(node, "description"), text(node, "publisher"), columns(node.get("columns")),
                    strings(node.get("notes")));
        });
    }

    /** Names (without {@code .json}) of the contracts in one folder, e.g. {@code conformed}. */
    public static List<String> list(String folder) {
        URL url = Contracts.class.getClassLoader().getResource(ROOT + "/" + folder);
        if (url == null) return List.of();
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return names(fs.getPath(ROOT + "/" + folder));
            }
            return names(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .forEach(n -> out.add(n.substring(0, n.length() - 5)));
        }
        Collections.sort(out);
        return out;
    }

    private static TableContract loadTable(String path) {
        JsonNode node = read(path + ".json");
        List<ColumnSpec> columns = columns(node.get("columns"));
        String kind = text(node, "kind");
        if ("conformed".equals(kind)) columns.addAll(LINEAGE_COLUMNS);
        List<RowCheck> checks = new ArrayList<>();
        if (node.has("checks")) {
            for (JsonNode c : node.get("checks")) {
                checks.add(new RowCheck(text(c, "rule"), text(c, "column"), text(c, "not_greater_than"),
                        text(c, "reason")));
            }
        }
        return new TableContract(text(node, "name"), kind, text(node, "description"), text(node, "grain"),
                columns, strings(node.get("keys")), text(node, "partition_column"), checks, readerFacts(path, node));
    }

    /** Build settings a mart may depend on: the keys of the manifest's {@code parameters}. */
    public static final List<String> BUILD_SETTINGS = List.of("footprint_vintage", "spc", "finance_trajectory",
            "standard_trajectory");

    /**
     * A mart must say how its rows belong to areas, give a worked example and say what it is built
     * from (conformed tables that exist, known settings); other tables need not.
     */
    private static TableContract.ReaderFacts readerFacts(String path, JsonNode node) {
        if (!"mart".equals(text(node, "kind"))) return TableContract.ReaderFacts.NONE;
        JsonNode example = node.get("example");
        JsonNode builtFrom = node.get("built_from");
        if (!node.hasNonNull("area_scope") || example == null || !example.hasNonNull("question") || !example.hasNonNull("sql")
                || builtFrom == null || !builtFrom.has("conformed") || !builtFrom.has("settings")) {
            throw new IllegalArgumentException("contract " + path
                    + ": a mart needs area_scope, example {question, sql} and built_from {conformed, settings}");
        }
        List<String> conformed = strings(builtFrom.get("conformed"));
        List<String> settings = strings(builtFrom.get("settings"));
        for (String t : conformed) {
            if (!list("conformed").contains(t)) {
                throw new IllegalArgumentException("contract " + path + ": built_from names no conformed table '" + t + "'");
            }
        }
        for (String setting : settings) {
            if (!BUILD_SETTINGS.contains(setting)) {
                throw new IllegalArgumentException("contract " + path + ": built_from names unknown setting '" + setting
                        + "' (known: " + String.join(", ", BUILD_SETTINGS) + ")");
            }
        }
        return new TableContract.ReaderFacts(text(node, "period_column"), AreaScope.parse(text(node, "area_scope")),
                new ExampleQuery(text(example, "question"), text(example, "sql")),
                new TableContract.BuiltFrom(conformed, settings));
    }

    private static List<ColumnSpec> columns(JsonNode array) {
        List<ColumnSpec> out = new ArrayList<>();
        if (array == null) return out;
        for (JsonNode c : array) {
            out.add(new ColumnSpec(text(c, "name"), ColumnType.parse(text(c, "type")),
                    !c.has("nullable") || c.get("nullable").asBoolean(),
                    text(c, "description"), text(c, "unit"),
                    c.hasNonNull("min") ? c.get("min").asDouble() : null,
                    strings(c.get("allowed")), text(c, "pattern"), strings(c.get("aliases")),
                    c.has("organisation") && c.get("organisation").asBoolean()));
        }
        return out;
    }

    private static JsonNode read(String relative) {
        String resource = ROOT + "/" + relative;
        try (InputStream in = Contracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no contract " + resource + " on the classpath");
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract " + resource, e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
