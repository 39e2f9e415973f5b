package uk.nhs.stp.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a value of a query or extract is written as text, in one place: ISO dates and timestamps,
 * decimals without exponent, lists joined with {@value #LIST_SEPARATOR}, null as null (the caller
 * decides how an empty cell looks).
 */
public final class CellText {
    /** Separates the items of a list column in CSV and table output. */
    public static final String LIST_SEPARATOR = ";";

    private CellText() { }

    public static String of(Object value) {
        if (value == null) return null;
        if (value instanceof BigDecimal) return ((BigDecimal) value).toPlainString();
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : Double.toString(d);
        }
        if (value instanceof scala.collection.Seq) {
            return of(scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<?>) value));
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().map(CellText::of).map(s -> s == null ? "" : s)
                    .collect(Collectors.joining(LIST_SEPARATOR));
        }
        // LocalDate, Instant, LocalDateTime: toString is ISO-8601
        return value.toString();
    }
}
