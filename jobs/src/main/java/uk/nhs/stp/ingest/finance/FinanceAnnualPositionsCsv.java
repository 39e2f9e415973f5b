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
import java.util.regex.Pattern;

/**
 * The annual NHS trust financial positions CSV ({@code data-schemas/inputs/finance_annual_positions_csv.json}).
 *
 * <p>Input: {@code ORG_CODE, YEAR, FINANCIAL_POSITION, OP_INCOME, OP_COST}, £000, {@code YEAR} =
 * the year the financial year starts; a few cells in Excel scientific notation (read, flagged).
 * Output: table {@code finance_annual_positions}, one row per trust and financial year,
 * {@code month} = 1 April of the financial year (YEAR 2015 → 2015-04-01), amounts as published
 * (operating cost stays negative). A file covers many years.
 */
public final class FinanceAnnualPositionsCsv extends CsvReturnFormat {
    private static final long serialVersionUID = 1L;
    static final String CONTRACT = "finance_annual_positions_csv";
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    public FinanceAnnualPositionsCsv() {
        super(CONTRACT, false);
    }

    @Override
    protected void readRecords(CsvHeader header, CsvReader csv, FileParse parse)
            throws IOException, FileRejectedException {
        CsvRecord r;
        while ((r = parse.nextDataRecord(csv)) != null) readRow(header, r, parse);
    }

    private static void readRow(CsvHeader header, CsvRecord r, FileParse parse) {
        String yearRaw = Cells.clean(header.get(r, "YEAR"));
        if (yearRaw == null || !YEAR.matcher(yearRaw).matches()) {
            parse.reject(r.line(), "YEAR", yearRaw, "type", "YEAR '" + yearRaw
                    + "' is not the four-digit year the financial year starts in (2015 = 2015/16)");
            return;
        }
        int startYear = Integer.parseInt(yearRaw);
        OutputRow row = parse.newRow(r.line())
                .set("month", FinancialYear.start(startYear))
                .set("financial_year", FinancialYear.label(startYear))
                .code("org_code", header.get(r, "ORG_CODE"))
                .decimal("financial_position_gbp_k", header.get(r, "FINANCIAL_POSITION"), Cells.Blank.REQUIRED)
                .decimal("operating_income_gbp_k", header.get(r, "OP_INCOME"), Cells.Blank.REQUIRED)
                .decimal("operating_cost_gbp_k", header.get(r, "OP_COST"), Cells.Blank.REQUIRED);
        parse.accept(row);
    }
}
