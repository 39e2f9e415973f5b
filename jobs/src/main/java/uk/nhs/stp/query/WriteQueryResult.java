package uk.nhs.stp.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Writes a query's rows as a table, CSV or JSON. Rows stream to the driver a partition at a time
 * ({@code toLocalIterator}), so a large result is never held whole; only the table format, which
 * must measure its columns, keeps its (bounded) rows.
 */
public final class WriteQueryResult {
    /** Rows the table format shows; CSV and JSON write every row. */
    public static final int TABLE_ROWS_DEFAULT = 1000;

    private WriteQueryResult() { }

    /** Writes the rows; returns how many the result has (for the table format: how many were shown). */
    public static long write(Dataset<Row> result, ResultFormat format, Writer out) throws IOException {
        StructField[] fields = result.schema().fields();
        Iterator<Row> rows = result.toLocalIterator();
        switch (format) {
            case CSV: return csv(fields, rows, out);
            case JSON: return json(fields, rows, out);
            default: return table(fields, rows, out);
        }
    }

    private static long csv(StructField[] fields, Iterator<Row> rows, Writer out) throws IOException {
        List<String> header = new ArrayList<>();
        for (StructField f : fields) header.add(f.name());
        csvLine(header, out);
        long n = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            List<String> cells = new ArrayList<>(fields.length);
            for (int i = 0; i < fields.length; i++) cells.add(CellText.of(row.get(i)));
            csvLine(cells, out);
            n++;
        }
        return n;
    }

    private static void csvLine(List<String> cells, Writer out) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.write(',');
            String c = cells.get(i);
            if (c == null) continue;
            boolean quote = c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0;
            out.write(quote ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        out.write("\r\n");
    }

    private static long json(StructField[] fields, Iterator<Row> rows, Writer out) throws IOException {
        JsonFactory factory = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        out.write('[');
        long n = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            out.write(n == 0 ? "\n" : ",\n");
            try (JsonGenerator json = factory.createGenerator(out)) {
                json.writeStartObject();
                for (int i = 0; i < fields.length; i++) {
                    json.writeFieldName(fields[i].name());
                    jsonValue(row.get(i), json);
                }
                json.writeEndObject();
            }
            n++;
        }
        out.write(n == 0 ? "]\n" : "\n]\n");
        return n;
    }

    private static void jsonValue(Object v, JsonGenerator json) throws IOException {
        if (v == null) json.writeNull();
        else if (v instanceof BigDecimal) json.writeNumber((BigDecimal) v);
        else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) json.writeNumber(d); else json.writeNull();
        } else if (v instanceof Number) json.writeNumber(((Number) v).longValue());
        else if (v instanceof Boolean) json.writeBoolean((Boolean) v);
        else if (v instanceof scala.collection.Seq) {
            json.writeStartArray();
            for (Object item : scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<?>) v)) jsonValue(item, json);
            json.writeEndArray();
        } else json.writeString(CellText.of(v));
    }

    private static long table(StructField[] fields, Iterator<Row> rows, Writer out) throws IOException {
        List<String[]> shown = new ArrayList<>();
        int[] width = new int[fields.length];
        String[] header = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            header[i] = fields[i].name();
            width[i] = header[i].length();
        }
        while (rows.hasNext() && shown.size() <= TABLE_ROWS_DEFAULT) {
            Row row = rows.next();
            String[] cells = new String[fields.length];
            for (int i = 0; i < fields.length; i++) {
                String c = CellText.of(row.get(i));
                cells[i] = c == null ? "" : c.replace('\n', ' ');
                width[i] = Math.max(width[i], cells[i].length());
            }
            shown.add(cells);
        }
        boolean more = shown.size() > TABLE_ROWS_DEFAULT;
        if (more) shown.remove(shown.size() - 1);
        tableLine(header, width, fields, out, false);
        String[] rule = new String[fields.length];
        for (int i = 0; i < fields.length; i++) rule[i] = "-".repeat(width[i]);
        tableLine(rule, width, fields, out, false);
        for (String[] cells : shown) tableLine(cells, width, fields, out, true);
        out.write(more ? String.format("(first %,d rows shown; --format csv --out FILE writes them all)%n", TABLE_ROWS_DEFAULT)
                : String.format("(%,d row%s)%n", shown.size(), shown.size() == 1 ? "" : "s"));
        return shown.size();
    }

    private static void tableLine(String[] cells, int[] width, StructField[] fields, Writer out, boolean alignNumbers)
            throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) line.append("  ");
            boolean right = alignNumbers && fields[i].dataType() instanceof NumericType;
            String pad = " ".repeat(width[i] - cells[i].length());
            line.append(right ? pad + cells[i] : cells[i] + (i == cells.length - 1 ? "" : pad));
        }
        out.write(line.toString().stripTrailing());
        out.write(System.lineSeparator());
    }
}
