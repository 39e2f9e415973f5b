package uk.nhs.stp.ingest.cancer;

import uk.nhs.stp.contract.ColumnSpec;
import uk.nhs.stp.contract.Headers;
import uk.nhs.stp.contract.InputContract;
import uk.nhs.stp.ingest.read.Cells;
import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.source.FileRejectedException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the rows of one provider workbook sheet, as {@link XlsxWorkbook} streams them, into
 * {@code cancer_waiting_times} rows.
 *
 * <p>Phase 1, above the first header: the period text ({@code Sep-25}) is taken from column A.
 * Phase 2, a header row (it names the contract's required columns, {@code ODS CODE (1)} first)
 * opens a block and fixes its columns. Phase 3, every non-blank row after it is a data row of the
 * block, until a label row (text in column A only, such as {@code PART B: FIRST TREATMENTS},
 * which names the next block's part) or the end of the sheet.
 */
final class CwtSheetReader implements XlsxWorkbook.RowHandler {
    static final String ODS_CODE = "ODS CODE (1)";
    static final String PROVIDER = "ACCOUNTABLE PROVIDER";
    private static final String BREAKDOWN_1 = "REFERRAL ROUTE";
    private static final String BREAKDOWN_2 = "CANCER TYPE";
    private static final String TOTAL = "TOTAL";
    private static final String WITHIN = "WITHIN STANDARD";
    private static final String AFTER = "AFTER STANDARD";
    private static final double HEADER_SHARE = 0.6;

    private final CwtSheet sheet;
    private final InputContract contract;
    private final FileParse parse;
    private final ControlTotals totals;
    /** Contract columns by normalised header and alias, so each cell is normalised once. */
    private final Map<String, ColumnSpec> byHeader;
    private LocalDate month;
    private String periodLabel;
    private String part;
    /** Columns of the current block by contract column name; null outside a block. */
    private Map<String, Integer> block;
    private String[] headers;
    private int blocks;

    CwtSheetReader(CwtSheet sheet, InputContract contract, FileParse parse, ControlTotals totals) {
        this.sheet = sheet;
        this.contract = contract;
        this.parse = parse;
        this.totals = totals;
        this.byHeader = contract.columnsByHeader();
    }

    @Override
    public boolean row(long rowNumber, String[] cells) throws FileRejectedException {
        if (isBlank(cells, 0)) return true;
        String label = Cells.clean(cells[0]);
        if (label != null && !label.isEmpty() && isBlank(cells, 1)) {
            if (blocks == 0 && month == null && CwtPeriod.month(label) != null) {
                month = CwtPeriod.month(label);
                periodLabel = label;
            }
            if (Headers.normalise(label).startsWith("part ")) part = label;
            block = null;
            return true;
        }
        Map<String, Integer> header = header(cells);
        if (header != null) {
            openBlock(rowNumber, cells, header);
        } else if (block != null) {
            readDataRow(rowNumber, cells);
        }
        return true;
    }

    /** Fails the file when the sheet held no block at all. */
    void finish() throws FileRejectedException {
        if (blocks == 0) {
            throw new FileRejectedException("missing_columns", "sheet '" + sheet.sheetName()
                    + "' has no header row naming " + ODS_CODE + ", " + PROVIDER + ", " + TOTAL + " and "
                    + sheet.standard().withinHeader() + "; is it a Cancer Waiting Times provider workbook?");
        }
    }

    /**
     * The header's columns by contract column name when {@code cells} is a header row, else null.
     * Within and after count only under the sheet's own time limit: the same words recur in the
     * distribution bands further right.
     */
    private Map<String, Integer> header(String[] cells) {
        if (!namesTotal(cells)) return null;
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == null) continue;
            String published = Headers.normalise(cells[i]);
            ColumnSpec spec = byHeader.get(published);
            if (spec == null) continue;
            if (spec.name().equals(WITHIN) && !published.equals(Headers.normalise(sheet.standard().withinHeader()))) continue;
            if (spec.name().equals(AFTER) && !published.equals(Headers.normalise(sheet.standard().afterHeader()))) continue;
            columns.putIfAbsent(spec.name(), i);
        }
        int required = 0;
        int found = 0;
        for (ColumnSpec c : contract.columns()) {
            if (c.nullable()) continue;
            required++;
            if (columns.containsKey(c.name())) found++;
        }
        return found >= HEADER_SHARE * required ? columns : null;
    }

    private void openBlock(long rowNumber, String[] cells, Map<String, Integer> columns) throws FileRejectedException {
        List<String> missing = new ArrayList<>();
        for (ColumnSpec c : contract.columns()) {
            if (!c.nullable() && !columns.containsKey(c.name())) {
                missing.add(c.name().equals(WITHIN) ? sheet.standard().withinHeader() : c.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new FileRejectedException("missing_columns", "looks like " + contract.description() + " but sheet '"
                    + sheet.sheetName() + "' lacks required column(s) " + String.join(", ", missing)
                    + " (header on row " + rowNumber + ")");
        }
        if (month == null) {
            throw new FileRejectedException("missing_period", "sheet '" + sheet.sheetName()
                    + "' names no period (like 'Sep-25') in column A above its header on row " + rowNumber);
        }
        block = columns;
        headers = cells;
        blocks++;
    }

    private void readDataRow(long rowNumber, String[] cells) {
        parse.read(rowNumber);
        String odsCode = cell(cells, ODS_CODE);
        String orgName = cell(cells, PROVIDER);
        OutputRow row = parse.newRow(rowNumber)
                .set("month", month)
                .set("period_label", periodLabel)
                .set("standard", sheet.standard().id())
                .set("sheet", sheet.sheetName())
                .text("part", part)
                .code("org_code", odsCode)
                .text("org_name", orgName)
                .text("breakdown_1", cell(cells, BREAKDOWN_1))
                .text("breakdown_2", cell(cells, BREAKDOWN_2));
        CwtRows.setCounts(row, new CwtRows.Counts(
                headerOf(TOTAL), cell(cells, TOTAL),
                headerOf(WITHIN), cell(cells, WITHIN),
                block.containsKey(AFTER) ? headerOf(AFTER) : null, cell(cells, AFTER)));
        CwtRows.hand(row, CwtRows.isControl(odsCode, orgName), parse, totals);
    }

    private String cell(String[] cells, String column) {
        Integer i = block.get(column);
        return i == null || i >= cells.length ? null : cells[i];
    }

    /** The header as published in this block, for rejects. */
    private String headerOf(String column) {
        return Cells.clean(headers[block.get(column)]);
    }

    /** A cheap first test for a header row (every header has TOTAL, no data row does), sparing the rest. */
    private static boolean namesTotal(String[] cells) {
        for (String c : cells) {
            if (c != null && Cells.clean(c).equalsIgnoreCase(TOTAL)) return true;
        }
        return false;
    }

    private static boolean isBlank(String[] cells, int from) {
        for (int i = from; i < cells.length; i++) {
            String c = Cells.clean(cells[i]);
            if (c != null && !c.isEmpty()) return false;
        }
        return true;
    }
}
