package uk.nhs.stp.ingest.rtt;

import org.junit.jupiter.api.Test;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.read.ReturnFormats;
import uk.nhs.stp.ingest.source.LocalSourceFile;
import uk.nhs.stp.ingest.source.SourceContent;
import uk.nhs.stp.testing.RealData;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The April 2026 RTT full extract as published (zipped) and its three-provider subset. The
 * national Part_2 figures are recomputed here from the raw lines, independently of the reader.
 */
class RttFullExtractCsvRealTest {
    private static final String ZIP = "rtt_full_extract/20260430-RTT-April-2026-full-extract.csv.zip";
    private static final String SUBSET = "derived/20260430-RTT-April-2026-full-extract.SUBSET-RJ1-RGT-RCF.csv";

    @Test
    void readsTheWholePublishedZip() throws Exception {
        Path zip = RealData.file(ZIP);
        long start = System.nanoTime();
        FileParseResult result = RttFiles.read(zip);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("RTT full extract (" + zip.getFileName() + ", " + result.rowsRead() + " rows) read in "
                + millis + " ms");
        RawFigures raw;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry csv = z.stream().filter(e -> !e.getName().startsWith("__MACOSX/") && e.getName().endsWith(".csv"))
                    .findFirst().orElseThrow();
            raw = RawFigures.of(z.getInputStream(csv));
        }
        assertRealFile(result, raw, 180_781);
    }

    @Test
    void readsTheSubset() throws Exception {
        Path subset = RealData.file(SUBSET);
        FileParseResult result = RttFiles.read(subset);
        RawFigures raw;
        try (InputStream in = Files.newInputStream(subset)) {
            raw = RawFigures.of(in);
        }
        assertRealFile(result, raw, 6_980);
    }

    @Test
    void theRegistryDetectsTheZip() throws Exception {
        SourceContent content = SourceContent.open(new LocalSourceFile(RealData.file(ZIP)));
        assertInstanceOf(RttFullExtractCsv.class, ReturnFormats.detect(content), "format detected for the RTT zip");
    }

    private static void assertRealFile(FileParseResult result, RawFigures raw, long rows) {
        assertEquals(rows, raw.rows, "data rows counted from the raw lines");
        assertEquals(rows, result.rowsRead(), "rows read");
        assertEquals(0, result.rowsRejected(), () -> "rejects: " + result.problems().subList(0,
                Math.min(5, result.problems().size())));
        assertEquals(result.rowsRead(), result.rowsAccepted() + result.rowsControl(), "read = accepted + control");
        assertEquals(raw.totalRows, result.rowsControl(), "one control row per C_999 line");
        assertEquals(List.of(), result.warnings(), "C_999 rows reconcile");
        assertEquals(List.of(LocalDate.of(2026, 4, 1)), result.periods(), "one period");

        long all = 0, within = 0, over = 0, controlAll = 0, controlWithin = 0, controlOver = 0;
        for (OutputRow row : result.rows()) {
            if (!"Part_2".equals(row.get("rtt_part_type"))) continue;
            assertEquals(104, row.get("open_band_from_weeks"), "open band of a 2026 file");
            assertEquals(105, ((long[]) row.get("weeks_band_counts")).length, "bands of a 2026 file");
            long a = (Long) row.get("total_all_count");
            long w = (Long) row.get("within_18_weeks_count");
            long o = (Long) row.get("over_52_weeks_count");
            if (row.isControl()) {
                controlAll += a; controlWithin += w; controlOver += o;
            } else {
                all += a; within += w; over += o;
            }
        }
        assertEquals(raw.all, all, "Part_2 incomplete pathways, accepted rows");
        assertEquals(raw.within18, within, "Part_2 within 18 weeks, accepted rows");
        assertEquals(raw.over52, over, "Part_2 over 52 weeks, accepted rows");
        assertEquals(raw.all, controlAll, "Part_2 incomplete pathways, C_999 rows");
        assertEquals(raw.within18, controlWithin, "Part_2 within 18 weeks, C_999 rows");
        assertEquals(raw.over52, controlOver, "Part_2 over 52 weeks, C_999 rows");
        System.out.printf("Part_2 incomplete pathways %,d; within 18 weeks %,d (%.1f%%); over 52 weeks %,d%n",
                raw.all, raw.within18, 100.0 * raw.within18 / raw.all, raw.over52);
    }

    /** Part_2 figures summed straight from the CSV text, C_999 lines left out. */
    private static final class RawFigures {
        long rows;
        long totalRows;
        long all;
        long within18;
        long over52;

        static RawFigures of(InputStream in) throws IOException {
            RawFigures f = new RawFigures();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = split(r.readLine());
            int part = header.indexOf("RTT Part Type");
            int tfc = header.indexOf("Treatment Function Code");
            int first = header.indexOf("Gt 00 To 01 Weeks SUM 1");
            int from52 = header.indexOf("Gt 52 To 53 Weeks SUM 1");
            int total = header.indexOf("Total");
            int totalAll = header.indexOf("Total All");
            assertTrue(part >= 0 && tfc >= 0 && first >= 0 && from52 > first && total > from52 && totalAll > total,
                    "raw header columns found: " + header);
            String line;
            long controlAll = 0;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty()) continue;
                f.rows++;
                List<String> cells = split(line);
                assertEquals(header.size(), cells.size(), "fields on raw line " + (f.rows + 1));
                boolean isTotal = cells.get(tfc).equals("C_999");
                if (isTotal) f.totalRows++;
                if (!cells.get(part).equals("Part_2")) continue;
                if (isTotal) {
                    controlAll += number(cells.get(totalAll));
                    continue;
                }
                f.all += number(cells.get(totalAll));
                for (int i = first; i < first + 18; i++) f.within18 += number(cells.get(i));
                for (int i = from52; i < total; i++) f.over52 += number(cells.get(i));
            }
            assertEquals(f.all, controlAll, "raw Part_2 Total All: C_999 lines equal the sum of the others");
            return f;
        }

        private static long number(String cell) {
            return cell.isEmpty() ? 0 : Long.parseLong(cell);
        }

        /** Comma split that honours double quotes (provider names such as "NUFFIELD HEALTH, BRENTWOOD HOSPITAL"). */
        private static List<String> split(String line) {
            List<String> out = new ArrayList<>(128);
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = !quoted;
                    }
                } else if (c == ',' && !quoted) {
                    out.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            out.add(cell.toString());
            return out;
        }
    }
}
