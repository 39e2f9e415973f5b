package uk.nhs.stp.ingest.reference;

import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.ReturnFormat;
import uk.nhs.stp.ingest.source.LocalSourceFile;
import uk.nhs.stp.ingest.source.SourceContent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test helpers: read a lookup through its format, and split its raw lines independently of the reader. */
final class LookupFiles {
    private LookupFiles() { }

    static SourceContent content(Path file) throws Exception {
        return SourceContent.open(new LocalSourceFile(file));
    }

    /** Reads {@code file} with {@code format} and checks the row accounting. */
    static FileParseResult read(ReturnFormat format, Path file) throws Exception {
        FileParse parse = new FileParse(format.contract());
        format.read(content(file), parse);
        FileParseResult result = parse.finish(format.singlePeriod());
        assertEquals(result.rowsRead(), result.rowsAccepted() + result.rowsRejected() + result.rowsControl(),
                "read = accepted + rejected + control for " + file.getFileName());
        return result;
    }

    /**
     * The data lines of a CSV split into fields by a plain character loop (double quotes group,
     * {@code ""} is a quote), BOM dropped, blank lines skipped; {@code skip} header lines first.
     */
    static List<List<String>> rawRecords(Path file, int skip) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<List<String>> out = new ArrayList<>();
        String[] lines = text.split("\r\n|\n");
        for (int i = skip; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            out.add(split(lines[i]));
        }
        return out;
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields;
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** The first few problems of a parse, for assertion messages (a whole file's would be unreadable). */
    static String first(FileParseResult result) {
        return result.problems().stream().limit(5).toList() + (result.problems().size() > 5
                ? " … and " + (result.problems().size() - 5) + " more" : "");
    }
}
