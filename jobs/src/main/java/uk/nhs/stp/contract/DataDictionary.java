package uk.nhs.stp.contract;

import java.util.List;

/**
 * The data dictionary, rendered as Markdown from the contracts in {@code data-schemas/}: every
 * conformed, reference, mart and run table with its grain, keys and columns, and every published input
 * shape with its headers. {@code docs/data-dictionary.md} is this rendering (a test keeps it so).
 */
public final class DataDictionary {
    private static final List<String> TABLE_FOLDERS = List.of("conformed", "reference", "marts", "runs");

    private DataDictionary() { }

    public static String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Data dictionary\n\n")
                .append("Generated from `data-schemas/` by `stp dictionary`; do not edit by hand. Every mart comes with a ")
                .append("worked example for `stp query --warehouse DIR --sql \"…\"` (a test runs each one).\n\n");
        for (String folder : TABLE_FOLDERS) {
            md.append("## ").append(folder).append(" tables\n\n");
            for (String name : Contracts.list(folder)) table(md, Contracts.table(folder, name));
        }
        md.append("## Published input shapes\n\n");
        for (String name : Contracts.list("inputs")) input(md, Contracts.input(name));
        return md.toString();
    }

    private static void table(StringBuilder md, TableContract t) {
        md.append("### `").append(t.name()).append("`\n\n").append(t.description()).append("\n\n")
                .append("- Grain: ").append(t.grain()).append('\n');
        if (!t.keys().isEmpty()) md.append("- Keys: `").append(String.join("`, `", t.keys())).append("`\n");
        if (t.partitionColumn() != null) md.append("- Partitioned by: `").append(t.partitionColumn()).append("`\n");
        if (t.periodColumn() != null) md.append("- Period column: `").append(t.periodColumn()).append("`\n");
        if (t.areaScope() != null) md.append("- Area extracts: ").append(areaScope(t.areaScope())).append('\n');
        if (t.builtFrom() != null) {
            if (t.builtFrom().conformed().isEmpty()) {
                md.append("- Built from: the application's reference data only (rebuilt by every build)\n");
            } else {
                md.append("- Built from: `").append(String.join("`, `", t.builtFrom().conformed())).append('`');
                if (!t.builtFrom().settings().isEmpty()) {
                    md.append("; settings `").append(String.join("`, `", t.builtFrom().settings())).append('`');
                }
                md.append(" (a nightly run that changed none of these keeps the published rows)\n");
            }
        }
        for (RowCheck c : t.checks()) {
            md.append("- Check `").append(c.rule()).append("`: `").append(c.column()).append("` ≤ `")
                    .append(c.notGreaterThan()).append("`\n");
        }
        md.append("\n| column | type | required | unit | description |\n|---|---|---|---|---|\n");
        for (ColumnSpec c : t.columns()) {
            md.append("| `").append(c.name()).append("` | ").append(c.type()).append(" | ")
                    .append(c.nullable() ? "" : "yes").append(" | ").append(c.unit() == null ? "" : c.unit())
                    .append(" | ").append(cell(c.description())).append(allowed(c)).append(" |\n");
        }
        md.append('\n');
        if (t.example() != null) {
            md.append("Example — ").append(t.example().question()).append("\n\n```sql\n")
                    .append(t.example().sql().strip()).append("\n```\n\n");
        }
    }

    private static String areaScope(AreaScope scope) {
        switch (scope) {
            case AREA: return "rows of the area named by `area_level` and `area_code`, and England's "
                    + "([rule](regional-extracts.md))";
            case FOOTPRINT: return "rows of the footprints in `footprint_code` ([rule](regional-extracts.md))";
            default: return "national, included whole ([rule](regional-extracts.md))";
        }
    }

    private static void input(StringBuilder md, InputContract in) {
        md.append("### `").append(in.name()).append("` → `").append(in.table()).append("`\n\n")
                .append(in.description()).append(". ").append(in.publisher() == null ? "" : in.publisher())
                .append("\n\n| published header | also accepted as | required |\n|---|---|---|\n");
        for (ColumnSpec c : in.columns()) {
            md.append("| ").append(cell(c.name())).append(" | ").append(cell(String.join("; ", c.aliases())))
                    .append(" | ").append(c.nullable() ? "" : "yes").append(" |\n");
        }
        md.append('\n');
    }

    private static String allowed(ColumnSpec c) {
        return c.allowed().isEmpty() ? "" : " Allowed: " + String.join(", ", c.allowed()) + ".";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
