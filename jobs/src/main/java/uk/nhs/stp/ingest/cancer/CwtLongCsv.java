package uk.nhs.stp.ingest.cancer;

import uk.nhs.stp.ingest.read.Cells;
import uk.nhs.stp.ingest.read.CsvHeader;
import uk.nhs.stp.ingest.read.CsvReturnFormat;
import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.source.CsvReader;
import uk.nhs.stp.ingest.source.CsvRecord;
import uk.nhs.stp.ingest.source.FileRejectedException;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Cancer Waiting Times in long form: one CSV row per period, provider, sheet/standard, part and
 * breakdowns with total, within and after counts (the provider workbook flattened, or a long
 * extract). Output: {@code cancer_waiting_times}, the same rows the workbook reader gives for the
 * sheets the file holds. A file may hold several months. Contract:
 * {@code data-schemas/inputs/cwt_long_csv.json}.
 */
public final class CwtLongCsv extends CsvReturnFormat {
    private static final long serialVersionUID = 1L;
    private static final String CONTRACT = "cwt_long_csv";

    public CwtLongCsv() {
        super(CONTRACT, false);
    }

    @Override
    protected void readRecords(CsvHeader header, CsvReader csv, FileParse parse)
            throws IOException, FileRejectedException {
        if (header.index("sheet") < 0 && header.index("standard") < 0) {
            throw new FileRejectedException("missing_columns", "looks like " + contract().description()
                    + " but has neither a sheet nor a standard column, so the standard of its rows is unknown"
                    + " (header on line " + header.line() + ")");
        }
        ControlTotals totals = new ControlTotals();
        CsvRecord r;
        while ((r = parse.nextDataRecord(csv)) != null) {
            readRecord(r, header, parse, totals);
        }
        totals.reconcile(parse);
    }

    private void readRecord(CsvRecord r, CsvHeader header, FileParse parse, ControlTotals totals) {
        String period = header.get(r, "period");
        String sheet = header.get(r, "sheet");
        String odsCode = header.get(r, "ods_code");
        String orgName = header.get(r, "accountable_provider");
        OutputRow row = parse.newRow(r.line())
                .text("period_label", period)
                .text("sheet", sheet)
                .text("part", header.get(r, "part"))
                .code("org_code", odsCode)
                .text("org_name", orgName)
                .text("breakdown_1", header.get(r, "breakdown_1"))
                .text("breakdown_2", header.get(r, "breakdown_2"));
        LocalDate month = CwtPeriod.month(period);
        if (month == null) {
            row.problem(headerName(header, "period"), Cells.clean(period), "type", "'" + Cells.clean(period)
                    + "' is not a month (expected e.g. Sep-25 or 2025-09-01)");
        } else {
            row.set("month", month);
        }
        setStandard(row, header, r, sheet);
        boolean hasAfter = header.index("after_standard") >= 0;
        CwtRows.setCounts(row, new CwtRows.Counts(
                headerName(header, "total"), header.get(r, "total"),
                headerName(header, "within_standard"), header.get(r, "within_standard"),
                hasAfter ? headerName(header, "after_standard") : null, header.get(r, "after_standard")));
        CwtRows.hand(row, CwtRows.isControl(odsCode, orgName), parse, totals);
    }

    /** The standard from the STANDARD column when given, else from the sheet the row was flattened from. */
    private static void setStandard(OutputRow row, CsvHeader header, CsvRecord r, String sheet) {
        String standard = Cells.clean(header.get(r, "standard"));
        if (standard != null && !standard.isEmpty()) {
            row.set("standard", CwtStandard.idForLabel(standard));
            return;
        }
        CwtSheet known = CwtSheet.named(sheet);
        if (known != null) {
            row.set("standard", known.standard().id());
        } else {
            row.problem(headerName(header, "sheet"), Cells.clean(sheet), "unknown_sheet", "sheet '" + Cells.clean(sheet)
                    + "' is not a Cancer Waiting Times provider workbook sheet and the row names no standard");
        }
    }

    private static String headerName(CsvHeader header, String column) {
        int i = header.index(column);
        return i < 0 ? column : header.name(i);
    }
}
