package uk.nhs.stp.ingest.ae;

import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.read.ReturnFormat;
import uk.nhs.stp.ingest.read.RowProblem;
import uk.nhs.stp.ingest.source.LocalSourceFile;
import uk.nhs.stp.ingest.source.SourceContent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test-side plumbing for the A&E readers: parse a file, split raw lines, write synthetic files. */
final class AeFiles {
    private AeFiles() { }

    static SourceContent open(Path file) throws Exception {
        return SourceContent.open(new LocalSourceFile(file));
    }

    /** Reads a whole file with {@code format} and finishes it, checking the accounting invariant. */
    static FileParseResult parse(ReturnFormat format, Path file) throws Exception {
        FileParse parse = new FileParse(format.contract());
        format.read(open(file), parse);
        FileParseResult result = parse.finish(format.singlePeriod());
        assertEquals(result.rowsRead(), result.rowsAccepted() + result.rowsRejected() + result.rowsControl(),
                "read = accepted + rejected + control for " + file.getFileName());
        return result;
    }

    static List<OutputRow> dataRows(FileParseResult result) {
        return result.rows().stream().filter(r -> !r.isControl()).toList();
    }

    /** Sum of a count column over the accepted (non-control) rows, nulls counting nothing. */
    static long sum(FileParseResult result, String column) {
        long s = 0;
        for (OutputRow r : dataRows(result)) {
            Object v = r.get(column);
            if (v != null) s += (Long) v;
        }
        return s;
    }

    static RowProblem onlyProblem(FileParseResult result) {
        assertEquals(1, result.problems().size(), "problems: " + result.problems());
        return result.problems().get(0);
    }

    /** Splits one CSV line on commas outside double quotes (no escaped quotes in these files). */
    static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else field.append(c);
        }
        out.add(field.toString());
        return out.toArray(new String[0]);
    }

    /** Writes {@code lines} joined with CRLF, as NHS England publishes, and returns the path. */
    static Path write(Path dir, String name, String... lines) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return p;
    }
}
