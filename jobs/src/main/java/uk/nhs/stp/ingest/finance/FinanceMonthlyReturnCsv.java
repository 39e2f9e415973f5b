package uk.nhs.stp.ingest.finance;

import uk.nhs.stp.ingest.read.Cells;
import uk.nhs.stp.ingest.read.CsvHeader;
import uk.nhs.stp.ingest.read.CsvReturnFormat;
import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.source.CsvReader;
import uk.nhs.stp.ingest.source.CsvRecord;
import uk.nhs.stp.ingest.source.FileRejectedException;

import java.io.IOException;

/**
 * The monthly finance return CSV, the project's own contract
 * ({@code data-schemas/inputs/finance_monthly_return_csv.json}, explained for submitters in
 * {@code docs/finance-monthly-return.md}).
 *
 * <p>Input: {@code Financial Year, Month, Org Code, Org Name, Org Type, Plan YTD (£000),
 * Actual YTD (£000), Forecast Outturn (£000), Control Total (£000), STF YTD (£000)}; amounts in
 * NHS finance notation ({@code (1,234)} = −1234). Output: table {@code finance_monthly}, one row
 * per organisation and financial month, {@code month} = the calendar month the year-to-date
 * figures are at (2017/18 M06 → 2017-09-01). One month per file.
 */
public final class FinanceMonthlyReturnCsv extends CsvReturnFormat {
    private static final long serialVersionUID = 1L;
    static final String CONTRACT = "finance_monthly_return_csv";

    public FinanceMonthlyReturnCsv() {
        super(CONTRACT, true);
    }

    @Override
    protected void readRecords(CsvHeader header, CsvReader csv, FileParse parse)
            throws IOException, FileRejectedException {
        CsvRecord r;
        while ((r = parse.nextDataRecord(csv)) != null) readRow(header, r, parse);
    }

    private static void readRow(CsvHeader header, CsvRecord r, FileParse parse) {
        String yearRaw = header.get(r, "Financial Year");
        Integer startYear = FinancialYear.parseStart(yearRaw);
        if (startYear == null) {
            parse.reject(r.line(), "Financial Year", yearRaw, "type", "Financial Year '" + Cells.clean(yearRaw)
                    + "' is not a financial year written YYYY/YY with YY the following year (e.g. 2017/18)");
            return;
        }
        String monthRaw = header.get(r, "Month");
        Integer fyMonth = FinancialYear.parseMonth(monthRaw);
        if (fyMonth == null) {
            parse.reject(r.line(), "Month", monthRaw, "type", "Month '" + Cells.clean(monthRaw)
                    + "' is not a financial month M01 (April) to M12 (March)");
            return;
        }
        OutputRow row = parse.newRow(r.line())
                .set("month", FinancialYear.calendarMonth(startYear, fyMonth))
                .set("financial_year", FinancialYear.label(startYear))
                .set("fy_month", FinancialYear.monthLabel(fyMonth))
                .code("org_code", header.get(r, "Org Code"))
                .text("org_name", header.get(r, "Org Name"))
                .text("org_type", header.get(r, "Org Type"));
        requiredAmount(row, "plan_ytd_gbp_k", header.get(r, "Plan YTD (£000)"));
        requiredAmount(row, "actual_ytd_gbp_k", header.get(r, "Actual YTD (£000)"));
        requiredAmount(row, "forecast_outturn_gbp_k", header.get(r, "Forecast Outturn (£000)"));
        row.decimal("control_total_gbp_k", header.get(r, "Control Total (£000)"), Cells.Blank.NULL);
        row.decimal("stf_ytd_gbp_k", header.get(r, "STF YTD (£000)"), Cells.Blank.NULL);
        parse.accept(row);
    }

    /**
     * A required amount. A suppression marker ({@code -}, {@code *}) would otherwise pass as a
     * flagged null; a finance position is never suppressed, so the submitter must write a number.
     */
    private static void requiredAmount(OutputRow row, String column, String raw) {
        row.decimal(column, raw, Cells.Blank.REQUIRED);
        if (row.get(column) == null && row.isFlagged(column)) {
            row.problem(column, raw, "required", column + ": '" + Cells.clean(raw)
                    + "' is not an amount; the figure is required (write 0 for nil)");
        }
    }
}
