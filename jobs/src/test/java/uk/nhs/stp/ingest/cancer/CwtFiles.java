package uk.nhs.stp.ingest.cancer;

import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.read.ReturnFormat;
import uk.nhs.stp.ingest.source.FileRejectedException;
import uk.nhs.stp.ingest.source.LocalSourceFile;
import uk.nhs.stp.ingest.source.SourceContent;
import uk.nhs.stp.testing.RealData;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Test helpers: the real Cancer Waiting Times files, reading a file with a format, and a hand CSV split. */
final class CwtFiles {
    static final String SEP_2025_WORKBOOK = "cwt_provider_workbooks/SEPTEMBER-2025-CWT-CRS-PROVIDER-WORKBOOK-FINAL.xlsx";
    static final String OCT_2023_WORKBOOK = "cwt_provider_workbooks/OCTOBER-2023-CWT-CRS-PROVIDER-WORKBOOK-FINAL.xlsx";
    static final String OCT_2023_COMMISSIONER =
            "cwt_provider_workbooks/OCTOBER-2023-CWT-CRS-COMMISSIONER-WORKBOOK-FINAL.xlsx";
    static final String SEP_2025_LONG = "derived/SEPTEMBER-2025-CWT-CRS-PROVIDER-headline-standards.DERIVED.csv";

    /** Results of reading the real files, shared by the tests: each real file is read once per format. */
    private static final Map<String, FileParseResult> REAL_RESULTS = new ConcurrentHashMap<>();

    private CwtFiles() { }

    /** The result of reading a real file with a format, read on first use. */
    static FileParseResult readReal(ReturnFormat format, String relative) throws IOException, FileRejectedException {
        String key = format.getClass().getName() + " " + relative;
        FileParseResult done = REAL_RESULTS.get(key);
        if (done == null) {
            done = read(format, real(relative));
            REAL_RESULTS.put(key, done);
        }
        return done;
    }

    static SourceContent content(Path path) throws IOException, FileRejectedException {
        return SourceContent.open(new LocalSourceFile(path));
    }

    static SourceContent real(String relative) throws IOException, FileRejectedException {
        return content(RealData.file(relative));
    }

    static FileParseResult read(ReturnFormat format, SourceContent content) throws IOException, FileRejectedException {
        FileParse parse = new FileParse(format.contract());
        format.read(content, parse);
        return parse.finish(format.singlePeriod());
    }

    /** A CSV line split by hand: commas outside double quotes separate fields, quotes are removed. */
    static String[] split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else field.append(c);
        }
        fields.add(field.toString());
        return fields.toArray(new String[0]);
    }

    /** The data lines of the real long CSV (header dropped), split by hand. */
    static List<String[]> longCsvLines() throws IOException {
        List<String> lines = Files.readAllLines(RealData.file(SEP_2025_LONG), StandardCharsets.UTF_8);
        List<String[]> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) if (!l.isBlank()) out.add(split(l));
        return out;
    }

    /** Null for an empty field, as the conformed table stores it. */
    static String orNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** A conformed row's block: sheet, part and breakdowns. */
    static List<Object> block(OutputRow r) {
        return List.of(Objects.toString(r.get("sheet"), ""), Objects.toString(r.get("part"), ""),
                Objects.toString(r.get("breakdown_1"), ""), Objects.toString(r.get("breakdown_2"), ""));
    }

    static BigDecimal count(OutputRow r, String column) {
        return (BigDecimal) r.get(column);
    }
}
