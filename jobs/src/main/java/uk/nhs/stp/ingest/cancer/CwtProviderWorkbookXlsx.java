package uk.nhs.stp.ingest.cancer;

import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.contract.Headers;
import uk.nhs.stp.contract.InputContract;
import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.ReturnFormat;
import uk.nhs.stp.ingest.source.ContentKind;
import uk.nhs.stp.ingest.source.FileRejectedException;
import uk.nhs.stp.ingest.source.SourceContent;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The Cancer Waiting Times monthly provider workbook (XLSX), read in streaming mode.
 *
 * <p>Input: the data sheets of {@link CwtSheet} (the five headline sheets are required, the
 * breakdown sheets read when present), each with one or more stacked blocks of
 * {@code ODS CODE (1), ACCOUNTABLE PROVIDER, breakdown(s), TOTAL, WITHIN n DAYS, AFTER n DAYS, …}
 * ending with ALL ENGLISH PROVIDERS control rows. Output: {@code cancer_waiting_times}, one row per
 * provider, sheet, part and breakdowns of the month, lineage line = sheet row. Contract:
 * {@code data-schemas/inputs/cwt_provider_workbook_xlsx.json}.
 */
public final class CwtProviderWorkbookXlsx implements ReturnFormat {
    private static final long serialVersionUID = 1L;
    private static final String CONTRACT = "cwt_provider_workbook_xlsx";

    private transient InputContract contract;

    @Override
    public InputContract contract() {
        if (contract == null) contract = Contracts.input(CONTRACT);
        return contract;
    }

    /**
     * True for a workbook holding a Cancer Waiting Times sheet whose header names the accountable
     * provider; the commissioner workbook, with the same sheets, names the ICB instead.
     */
    @Override
    public boolean recognises(SourceContent content) {
        if (content.kind() != ContentKind.XLSX) return false;
        try (InputStream in = content.openBytes(); XlsxWorkbook book = XlsxWorkbook.open(in)) {
            for (String name : book.sheetNames()) {
                if (CwtSheet.named(name) != null) return namesProvider(book, name);
            }
            return false;
        } catch (IOException | FileRejectedException | RuntimeException e) {
            return false;
        }
    }

    private static boolean namesProvider(XlsxWorkbook book, String sheet) throws IOException, FileRejectedException {
        boolean[] found = new boolean[1];
        book.readSheet(sheet, (rowNumber, cells) -> {
            for (String c : cells) {
                if (c != null && Headers.normalise(c).equals(Headers.normalise(CwtSheetReader.PROVIDER))) {
                    found[0] = true;
                }
            }
            return !found[0] && rowNumber < 40;
        });
        return found[0];
    }

    @Override
    public boolean singlePeriod() { return true; }

    @Override
    public void read(SourceContent content, FileParse parse) throws IOException, FileRejectedException {
        try (InputStream in = content.openBytes(); XlsxWorkbook book = XlsxWorkbook.open(in)) {
            List<String> present = new ArrayList<>();
            for (String name : book.sheetNames()) {
                if (CwtSheet.named(name) != null) present.add(name);
            }
            requireSheets(present);
            ControlTotals totals = new ControlTotals();
            for (CwtSheet sheet : CwtSheet.values()) {
                String name = publishedName(present, sheet);
                if (name == null) {
                    parse.warning("optional_sheet_missing", "sheet '" + sheet.sheetName()
                            + "' is not in the workbook; its breakdowns are not loaded");
                    continue;
                }
                parse.startSection(name);
                CwtSheetReader reader = new CwtSheetReader(sheet, contract(), parse, totals);
                book.readSheet(name, reader);
                reader.finish();
            }
            totals.reconcile(parse);
        }
    }

    private static void requireSheets(List<String> present) throws FileRejectedException {
        List<String> missing = new ArrayList<>();
        for (CwtSheet sheet : CwtSheet.values()) {
            if (sheet.required() && publishedName(present, sheet) == null) missing.add("'" + sheet.sheetName() + "'");
        }
        if (!missing.isEmpty()) {
            throw new FileRejectedException("missing_sheet", "is a Cancer Waiting Times provider workbook without sheet(s) "
                    + String.join(", ", missing) + "; land the complete workbook as published");
        }
    }

    /** The workbook's own spelling of the sheet's name, or null when absent. */
    private static String publishedName(List<String> present, CwtSheet sheet) {
        for (String name : present) {
            if (CwtSheet.named(name) == sheet) return name;
        }
        return null;
    }
}
