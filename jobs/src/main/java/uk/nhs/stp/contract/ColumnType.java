package uk.nhs.stp.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The column types a contract may declare, written in contracts as {@code string}, {@code int},
 * {@code long}, {@code decimal(p,s)}, {@code date}, {@code boolean}, {@code array<long>},
 * {@code array<string>}.
 */
public record ColumnType(Kind kind, int precision, int scale) {

    public enum Kind { STRING, INT, LONG, DECIMAL, DATE, BOOLEAN, ARRAY_LONG, ARRAY_STRING }

    public static ColumnType parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        switch (t) {
            case "string": return new ColumnType(Kind.STRING, 0, 0);
            case "int": return new ColumnType(Kind.INT, 0, 0);
            case "long": return new ColumnType(Kind.LONG, 0, 0);
            case "date": return new ColumnType(Kind.DATE, 0, 0);
            case "boolean": return new ColumnType(Kind.BOOLEAN, 0, 0);
            case "array<long>": return new ColumnType(Kind.ARRAY_LONG, 0, 0);
            case "array<string>": return new ColumnType(Kind.ARRAY_STRING, 0, 0);
            default:
                if (t.startsWith("decimal(") && t.endsWith(")")) {
                    String[] ps = t.substring(8, t.length() - 1).split(",");
                    return new ColumnType(Kind.DECIMAL, Integer.parseInt(ps[0]), Integer.parseInt(ps[1]));
                }
                throw new IllegalArgumentException("unknown column type '" + text + "'");
        }
    }

    /** True when {@code value} is an acceptable Java value for this type (null always is). */
    public boolean accepts(Object value) {
        if (value == null) return true;
        switch (kind) {
            case STRING: return value instanceof String;
            case INT: return value instanceof Integer;
            case LONG: return value instanceof Long;
            case DECIMAL: return value instanceof BigDecimal;
            case DATE: return value instanceof LocalDate;
            case BOOLEAN: return value instanceof Boolean;
            case ARRAY_LONG: return value instanceof long[];
            case ARRAY_STRING: return value instanceof List;
            default: return false;
        }
    }

    @Override
    public String toString() {
        switch (kind) {
            case DECIMAL: return "decimal(" + precision + "," + scale + ")";
            case ARRAY_LONG: return "array<long>";
            case ARRAY_STRING: return "array<string>";
            default: return kind.name().toLowerCase(Locale.ROOT);
        }
    }
}
