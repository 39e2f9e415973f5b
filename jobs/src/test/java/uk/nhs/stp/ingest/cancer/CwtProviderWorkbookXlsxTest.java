package uk.nhs.stp.ingest.cancer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.read.ReturnFormats;
import uk.nhs.stp.ingest.read.RowProblem;
import uk.nhs.stp.ingest.source.FileRejectedException;
import uk.nhs.stp.ingest.source.SourceContent;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CwtProviderWorkbookXlsxTest {
    private final CwtProviderWorkbookXlsx format = new CwtProviderWorkbookXlsx();

    @ParameterizedTest
    @CsvSource({
            CwtFiles.OCT_2023_WORKBOOK + ", 2023-10-01, Oct-23",
            CwtFiles.SEP_2025_WORKBOOK + ", 2025-09-01, Sep-25"})
    void realWorkbookIsReadWhole(String file, LocalDate month, String label) throws Exception {
        SourceContent content = CwtFiles.real(file);
        assertTrue(format.recognises(content), "provider workbook recognised");
        assertEquals(CwtProviderWorkbookXlsx.class, ReturnFormats.detect(content).getClass(), "detected format");

        FileParseResult result = CwtFiles.readReal(format, file);

        assertEquals(List.of(), result.problems(), "no rejects in a published workbook");
        assertEquals(List.of(), result.warnings(), "every block reconciles to ALL ENGLISH PROVIDERS, all sheets present");
        assertEquals(0, result.rowsRejected(), "rejected");
        assertEquals(result.rowsRead(), result.rowsAccepted() + result.rowsControl(), "read = accepted + control");
        assertEquals(result.rowsRead(), result.rows().size(), "rows of every sheet counted apart");
        assertEquals(List.of(month), result.periods(), "one month");
        for (OutputRow r : result.rows()) {
            assertEquals(label, r.get("period_label"), "period label on line " + r.line());
            assertEquals(r.isControl(), r.get("org_code") == null, "only control rows lack an ODS code, line " + r.line());
        }
        assertTrue(result.rowsRead() > 17_000, "all ten data sheets read: " + result.rowsRead());
    }

    @Test
    void september2025RowsAndNationalTotalsMatchTheFlattenedSheets() throws Exception {
        FileParseResult result = CwtFiles.readReal(format, CwtFiles.SEP_2025_WORKBOOK);
        Map<String, Integer> linesPerSheet = new TreeMap<>();
        Map<List<Object>, BigDecimal[]> national = new HashMap<>();
        for (String[] f : CwtFiles.longCsvLines()) {
            linesPerSheet.merge(f[1], 1, Integer::sum);
            if (f[3].isEmpty()) {
                national.put(List.of(f[1], f[2], f[5], f[6]), new BigDecimal[] {new BigDecimal(f[7]), new BigDecimal(f[8])});
            }
        }
        Map<String, Integer> rowsPerSheet = new TreeMap<>();
        Map<List<Object>, BigDecimal[]> sums = new HashMap<>();
        for (OutputRow r : result.rows()) {
            String sheet = (String) r.get("sheet");
            if (linesPerSheet.containsKey(sheet)) rowsPerSheet.merge(sheet, 1, Integer::sum);
            if (r.isControl()) continue;
            BigDecimal[] s = sums.computeIfAbsent(CwtFiles.block(r), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(CwtFiles.count(r, "total_count"));
            s[1] = s[1].add(CwtFiles.count(r, "within_standard_count"));
        }
        assertEquals(linesPerSheet, rowsPerSheet, "rows (providers + control) per sheet as in the flattened CSV");
        assertEquals(25, national.size(), "ALL ENGLISH PROVIDERS lines in the flattened CSV");
        BigDecimal[] fds = national.get(List.of("28-DAY FDS (ALL ROUTES)", "", "ALL ROUTES", ""));
        assertEquals(0, new BigDecimal("295202").compareTo(fds[0]), "28-day FDS national total as published");
        assertEquals(0, new BigDecimal("217972").compareTo(fds[1]), "28-day FDS national within as published");
        for (Map.Entry<List<Object>, BigDecimal[]> e : national.entrySet()) {
            BigDecimal[] s = sums.get(e.getKey());
            assertNotNull(s, "accepted rows for " + e.getKey());
            assertEquals(0, e.getValue()[0].compareTo(s[0]), "national total of " + e.getKey() + ": " + s[0]);
            assertEquals(0, e.getValue()[1].compareTo(s[1]), "national within of " + e.getKey() + ": " + s[1]);
        }
    }

    @Test
    void fractionalSharesAreKept() throws Exception {
        FileParseResult result = CwtFiles.readReal(format, CwtFiles.SEP_2025_WORKBOOK);
        OutputRow ashford = result.rows().stream()
                .filter(r -> "RTK".equals(r.get("org_code")) && "PART A: ALL ROUTES".equals(r.get("part"))
                        && "62-DAY (ALL CANCER)".equals(r.get("sheet")))
                .findFirst().orElseThrow();
        // as published on row 12 of 62-DAY (ALL CANCER): 203.5 treated, 179 within, 24.5 after
        assertEquals(new BigDecimal("203.5"), ashford.get("total_count"), "total");
        assertEquals(new BigDecimal("179.0"), ashford.get("within_standard_count"), "within");
        assertEquals(new BigDecimal("24.5"), ashford.get("after_standard_count"), "after");
        assertEquals("62d_combined", ashford.get("standard"), "standard");
        assertEquals(12L, ashford.line(), "lineage is the sheet row");
    }

    @Test
    void commissionerWorkbookIsNotAProviderWorkbook() throws Exception {
        SourceContent content = CwtFiles.real(CwtFiles.OCT_2023_COMMISSIONER);
        assertFalse(format.recognises(content), "commissioner workbook (ICB column) is not the provider shape");
        FileRejectedException e = assertThrows(FileRejectedException.class, () -> ReturnFormats.detect(content));
        assertEquals("not_a_return", e.rule(), e.getMessage());
    }

    @Test
    void syntheticWorkbookCountsEachSheetsRowsApart(@TempDir Path dir) throws Exception {
        SourceContent content = CwtFiles.content(SyntheticCwtWorkbook.headlineSheets().write(dir, "cwt.xlsx"));
        assertTrue(format.recognises(content), "recognised");

        FileParseResult result = CwtFiles.read(format, content);

        assertEquals(List.of(), result.problems(), "problems");
        assertEquals(6 * 3, result.rowsRead(), "6 blocks of 2 providers + 1 control, rows 10-13 in several sheets");
        assertEquals(6 * 2, result.rowsAccepted(), "accepted");
        assertEquals(6, result.rowsControl(), "control");
        assertEquals(5, result.warnings().size(), "one warning per breakdown sheet absent: " + result.warnings());
        assertTrue(result.warnings().stream().allMatch(w -> w.startsWith("optional_sheet_missing")), "warnings");
        OutputRow usc = result.rows().stream()
                .filter(r -> "2ww_usc".equals(r.get("standard")) && "RBS".equals(r.get("org_code")))
                .findFirst().orElseThrow();
        assertEquals(new BigDecimal("0.5"), usc.get("after_standard_count"), "after = total - within, not the 28-day band");
        assertEquals(new BigDecimal("4.0"), usc.get("within_standard_count"), "within 14 days, not the later band");
        assertNull(usc.get("breakdown_2"), "single-breakdown sheet");
        assertEquals(2L, result.rows().stream()
                .filter(r -> "PART B: FIRST TREATMENTS".equals(r.get("part")) && !r.isControl()).count(),
                "second stacked block keeps its part");
    }

    @Test
    void badCellIsRejectedNamingSheetHeaderAndText(@TempDir Path dir) throws Exception {
        SyntheticCwtWorkbook w = SyntheticCwtWorkbook.headlineSheets()
                .text("USC referral to FOA", 10, 4, "x")
                .text("UBS referral to FHA", 11, 5, "*");
        FileParseResult result = CwtFiles.read(format, CwtFiles.content(w.write(dir, "cwt.xlsx")));

        assertEquals(1, result.rowsRejected(), "rejected: " + result.problems());
        RowProblem p = result.problems().get(0);
        assertEquals(10L, p.line(), "sheet row");
        assertEquals("TOTAL", p.column(), "published header");
        assertEquals("x", p.rawValue(), "cell text");
        assertEquals("type", p.rule(), "rule");
        assertTrue(p.reason().startsWith("sheet 'USC referral to FOA'"), p.reason());
        OutputRow suppressed = result.rows().stream()
                .filter(r -> "2ww_breast_symptomatic".equals(r.get("standard")) && "RBS".equals(r.get("org_code")))
                .findFirst().orElseThrow();
        assertNull(suppressed.get("within_standard_count"), "suppressed within is null");
        assertTrue(suppressed.isFlagged("within_standard_count"), "and flagged");
        assertEquals(result.rowsRead(), result.rowsAccepted() + result.rowsRejected() + result.rowsControl(), "counts");
        assertEquals(2, result.warnings().stream().filter(m -> m.startsWith("control_total_mismatch")).count(),
                "USC and UBS totals no longer reconcile: " + result.warnings());
    }

    @Test
    void missingHeadlineSheetRejectsTheWorkbook(@TempDir Path dir) throws Exception {
        SyntheticCwtWorkbook w = new SyntheticCwtWorkbook().sheet("28-DAY FDS (ALL ROUTES)", "REFERRAL ROUTE", null, "28");
        SourceContent content = CwtFiles.content(w.write(dir, "cwt.xlsx"));
        assertTrue(format.recognises(content), "a provider sheet is there, so it is this shape");

        FileRejectedException e = assertThrows(FileRejectedException.class, () -> CwtFiles.read(format, content));

        assertEquals("missing_sheet", e.rule(), e.getMessage());
        assertTrue(e.getMessage().contains("'31-DAY (ALL CANCER)'") && e.getMessage().contains("'UBS referral to FHA'"),
                e.getMessage());
    }
}
