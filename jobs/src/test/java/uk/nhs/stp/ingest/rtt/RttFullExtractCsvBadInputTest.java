package uk.nhs.stp.ingest.rtt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.read.RowProblem;
import uk.nhs.stp.ingest.source.FileRejectedException;
import uk.nhs.stp.ingest.source.LocalSourceFile;
import uk.nhs.stp.ingest.source.SourceContent;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small synthetic RTT extracts: older shapes, bad cells, bad headers, totals that do not add up. */
class RttFullExtractCsvBadInputTest {
    private static final String APRIL = "RTT-April-2026";

    @TempDir
    Path dir;

    @Test
    void readsAnOlderFileEndingAtFiftyTwoWeeksWithATitleAbove() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("Referral to Treatment Waiting Times Statistics,,,");
        lines.add("");
        lines.add(RttFiles.header(52));
        lines.add(RttFiles.line("RTT-March-2017", "RJ1", "08A", "Part_2", "C_100", RttFiles.incomplete(53, 3, 7)));
        lines.add(RttFiles.line("RTT-March-2017", "RJ1", "08A", "Part_2", "C_110", RttFiles.incomplete(53, 52, 2)));
        lines.add(RttFiles.line("RTT-March-2017", "RJ1", "08A", "Part_2", "C_999", total(53, 3, 7, 52, 2)));
        FileParseResult result = RttFiles.read(write("old.csv", lines));

        assertCounts(result, 3, 2, 0, 1);
        assertEquals(List.of(), result.warnings(), "C_999 reconciles");
        assertEquals(List.of(LocalDate.of(2017, 3, 1)), result.periods(), "period from RTT-March-2017");
        OutputRow longWait = rowOn(result, 5);
        assertEquals(52, longWait.get("open_band_from_weeks"), "open band of an older file");
        assertEquals(53, ((long[]) longWait.get("weeks_band_counts")).length, "52 bounded bands + the open one");
        assertEquals(2L, longWait.get("over_52_weeks_count"), "Gt 52 Weeks is the 52+ band");
        assertEquals(0L, longWait.get("within_18_weeks_count"), "nothing within 18 weeks");
        assertNull(longWait.get("total_count"), "Total is blank for incomplete pathways");
        OutputRow shortWait = rowOn(result, 4);
        assertEquals(7L, shortWait.get("within_18_weeks_count"), "band 3-4 weeks is within 18");
        assertEquals("RTT-March-2017", shortWait.get("period_label"), "period label as published");
        assertEquals("PROVIDER RJ1, TRUST", shortWait.get("provider_org_name"), "quoted name with a comma");
    }

    @Test
    void readsCompletedPathwaysAndNewPeriods() throws Exception {
        List<String> completed = RttFiles.incomplete(105, 20, 4);
        completed.set(105, "4");
        completed.set(106, "");
        List<String> newPeriods = new ArrayList<>(Collections.nCopies(107, ""));
        newPeriods.add("9");
        FileParseResult result = RttFiles.read(write("parts.csv", List.of(RttFiles.header(104),
                RttFiles.line(APRIL, "RCF", "02N", "Part_1A", "C_100", completed),
                RttFiles.line(APRIL, "RCF", "02N", "Part_3", "C_100", newPeriods))));

        assertCounts(result, 2, 2, 0, 0);
        OutputRow admitted = rowOn(result, 2);
        assertEquals(4L, admitted.get("total_count"), "Total of completed pathways");
        assertEquals(0L, admitted.get("unknown_clock_start_count"), "blank unknown clock start is zero for Part_1A");
        assertEquals(0L, admitted.get("within_18_weeks_count"), "the wait is in band 20-21");
        OutputRow started = rowOn(result, 3);
        assertEquals(9L, started.get("total_all_count"), "new periods in Total All");
        assertNull(started.get("within_18_weeks_count"), "no waits for Part_3");
        assertNull(started.get("over_52_weeks_count"), "no waits for Part_3");
        assertNull(started.get("weeks_band_counts"), "Part_3 publishes no bands: null, not a row of zeros");
        assertTrue(result.warnings().get(0).contains("no C_999 row"), "groups without a total are reported: "
                + result.warnings());
    }

    @Test
    void rejectsANegativeBand() throws Exception {
        List<String> cells = RttFiles.incomplete(105, 10, 5);
        cells.set(11, "-1");
        FileParseResult result = RttFiles.read(write("negative.csv", List.of(RttFiles.header(104),
                RttFiles.line(APRIL, "RGT", "06H", "Part_2", "C_100", cells),
                RttFiles.line(APRIL, "RGT", "06H", "Part_2", "C_110", RttFiles.incomplete(105, 1, 1)))));

        assertCounts(result, 2, 1, 1, 0);
        RowProblem p = onlyProblem(result);
        assertEquals("non_negative", p.rule(), "rule: " + p);
        assertEquals(2, p.line(), "line of the negative band");
    }

    @Test
    void rejectsTextInABandNamingTheBand() throws Exception {
        List<String> cells = RttFiles.incomplete(105, 10, 5);
        cells.set(7, "seven");
        FileParseResult result = RttFiles.read(write("text.csv", List.of(RttFiles.header(104),
                RttFiles.line(APRIL, "RGT", "06H", "Part_2", "C_100", cells))));

        assertCounts(result, 1, 0, 1, 0);
        RowProblem p = onlyProblem(result);
        assertEquals("type", p.rule(), "rule: " + p);
        assertEquals("Gt 07 To 08 Weeks SUM 1", p.column(), "the band's header is the column");
        assertEquals("seven", p.rawValue(), "raw value");
    }

    @Test
    void rejectsAnUnreadablePeriod() throws Exception {
        FileParseResult result = RttFiles.read(write("period.csv", List.of(RttFiles.header(104),
                RttFiles.line("RTT-Aprol-2026", "RGT", "06H", "Part_2", "C_100", RttFiles.incomplete(105, 1, 1)))));

        assertCounts(result, 1, 0, 1, 0);
        RowProblem p = onlyProblem(result);
        assertEquals("type", p.rule(), "rule: " + p);
        assertEquals("Period", p.column(), "column");
    }

    @Test
    void rejectsEveryRowSharingAKey() throws Exception {
        String row = RttFiles.line(APRIL, "RGT", "06H", "Part_2", "C_100", RttFiles.incomplete(105, 1, 1));
        FileParseResult result = RttFiles.read(write("duplicate.csv", List.of(RttFiles.header(104), row, row,
                RttFiles.line(APRIL, "RGT", "06H", "Part_2", "C_110", RttFiles.incomplete(105, 2, 1)))));

        assertCounts(result, 3, 1, 2, 0);
        assertTrue(result.problems().stream().allMatch(p -> p.rule().equals("duplicate_key")),
                "duplicate_key rejects: " + result.problems());
    }

    @Test
    void warnsOnceWhenC999DoesNotMatch() throws Exception {
        FileParseResult result = RttFiles.read(write("mismatch.csv", List.of(RttFiles.header(104),
                RttFiles.line(APRIL, "RGT", "06H", "Part_2", "C_100", RttFiles.incomplete(105, 1, 3)),
                RttFiles.line(APRIL, "RGT", "06H", "Part_2", "C_999", RttFiles.incomplete(105, 1, 4)),
                RttFiles.line(APRIL, "RGT", "06H", "Part_2A", "C_100", RttFiles.incomplete(105, 1, 3)),
                RttFiles.line(APRIL, "RGT", "06H", "Part_2A", "C_999", total(105, 1, 2, 2, 1)))));

        assertCounts(result, 4, 2, 0, 2);
        assertEquals(1, result.warnings().size(), "one warning per file: " + result.warnings());
        String warning = result.warnings().get(0);
        assertTrue(warning.startsWith("control_total_mismatch: 2 of 2 "), warning);
        assertTrue(warning.contains("RGT x 06H x Part_2 (C_999 line 3): Total All 4 but the other rows sum to 3"), warning);
        assertTrue(warning.contains("RGT x 06H x Part_2A (C_999 line 5): Gt 01 To 02 Weeks SUM 1 2 but the other rows sum to 3"),
                warning);
    }

    @Test
    void rejectsBandsWithAGap() throws Exception {
        String header = RttFiles.header(104).replace(",Gt 05 To 06 Weeks SUM 1", "");
        FileRejectedException e = assertThrows(FileRejectedException.class,
                () -> RttFiles.read(write("gap.csv", List.of(header))));
        assertEquals("bad_bands", e.rule(), e.getMessage());
        assertTrue(e.getMessage().contains("expected 'Gt 05 To 06 Weeks SUM 1' at column 19"), e.getMessage());
    }

    @Test
    void rejectsBandsWithoutTheOpenBand() throws Exception {
        String header = RttFiles.header(104).replace(",Gt 104 Weeks SUM 1", "");
        FileRejectedException e = assertThrows(FileRejectedException.class,
                () -> RttFiles.read(write("no-open-band.csv", List.of(header))));
        assertEquals("bad_bands", e.rule(), e.getMessage());
    }

    @Test
    void rejectsAHeaderWithoutBands() throws Exception {
        FileRejectedException e = assertThrows(FileRejectedException.class, () -> RttFiles.read(write("no-bands.csv",
                List.of(RttFiles.DESCRIPTIVE + ",Total,Patients with unknown clock start date,Total All"))));
        assertEquals("missing_columns", e.rule(), e.getMessage());
    }

    @Test
    void rejectsAZipHoldingOnlyMacOsEntries() throws Exception {
        Path zip = dir.resolve("macos-only.csv.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("__MACOSX/._20260430-RTT-April-2026-full-extract.csv"));
            out.write(new byte[] {0, 5, 22, 7});
            out.closeEntry();
        }
        FileRejectedException e = assertThrows(FileRejectedException.class,
                () -> SourceContent.open(new LocalSourceFile(zip)));
        assertEquals("zip_without_csv", e.rule(), e.getMessage());
    }

    private static List<String> total(int bandCount, int at1, long v1, int at2, long v2) {
        List<String> cells = RttFiles.incomplete(bandCount, at1, v1);
        cells.set(at2, Long.toString(v2));
        cells.set(bandCount + 2, Long.toString(v1 + v2));
        return cells;
    }

    private Path write(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static void assertCounts(FileParseResult r, long read, long accepted, long rejected, long control) {
        assertEquals(Arrays.asList(read, accepted, rejected, control),
                Arrays.asList(r.rowsRead(), r.rowsAccepted(), r.rowsRejected(), r.rowsControl()),
                "read, accepted, rejected, control; problems " + r.problems());
    }

    private static RowProblem onlyProblem(FileParseResult r) {
        assertEquals(1, r.problems().size(), "problems: " + r.problems());
        return r.problems().get(0);
    }

    private static OutputRow rowOn(FileParseResult r, long line) {
        return r.rows().stream().filter(x -> x.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no row from line " + line));
    }
}
