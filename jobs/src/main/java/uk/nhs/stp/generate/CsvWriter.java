package uk.nhs.stp.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV the way NHS England publishes it: UTF-8, CRLF after every line (the last included),
 * a field quoted only when it holds a comma, a quote or a line break. Spaces are never trimmed or
 * quoted, so published quirks such as a trailing space survive as written.
 */
public final class CsvWriter {
    private static final String CRLF = "\r\n";

    private final Writer out;
    private final StringBuilder line = new StringBuilder(1024);
    private long dataRows;
    private boolean headerWritten;

    /** Writes to {@code out}, which the caller closes; {@code bom} starts the text with a byte-order mark. */
    CsvWriter(OutputStream out, boolean bom) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (bom) this.out.write('\uFEFF');
    }

    /** The header line; written once, before any row. */
    public void header(List<String> names) throws IOException {
        if (headerWritten || dataRows > 0) throw new IllegalStateException("header must be the first line");
        headerWritten = true;
        writeLine(names);
    }

    /** One data row. */
    public void row(List<String> cells) throws IOException {
        dataRows++;
        writeLine(cells);
    }

    /** One data row. */
    public void row(String... cells) throws IOException {
        row(List.of(cells));
    }

    /** Data rows written so far (header excluded, total rows included). */
    public long dataRows() { return dataRows; }

    void flush() throws IOException {
        out.flush();
    }

    private void writeLine(List<String> cells) throws IOException {
        line.setLength(0);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) line.append(',');
            appendField(cells.get(i));
        }
        line.append(CRLF);
        out.append(line);
    }

    private void appendField(String value) {
        if (value == null || value.isEmpty()) return;
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') line.append('"');
            line.append(c);
        }
        line.append('"');
    }
}
