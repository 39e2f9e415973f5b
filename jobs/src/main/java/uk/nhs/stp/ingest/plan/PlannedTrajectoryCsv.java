package uk.nhs.stp.ingest.plan;

import uk.nhs.stp.ingest.read.Cells;
import uk.nhs.stp.ingest.read.CsvHeader;
import uk.nhs.stp.ingest.read.CsvReturnFormat;
import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.source.CsvReader;
import uk.nhs.stp.ingest.source.CsvRecord;
import uk.nhs.stp.ingest.source.FileRejectedException;
import uk.nhs.stp.reference.Metrics;

import java.io.IOException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The planned trajectory return CSV, the project's own contract
 * ({@code data-schemas/inputs/planned_trajectory_csv.json}, explained for submitters in
 * {@code docs/planned-trajectory-return.md}).
 *
 * <p>Input: {@code area_code, metric_id, month, planned_value}. Output: table
 * {@code planned_trajectory}, one row per area, metric and month; {@code month} the first day of
 * the month. A row whose metric is neither in {@code reference/metrics.csv} nor
 * {@value #FINANCE_DO_NOTHING}, or whose month is not {@code YYYY-MM[-01]}, is rejected. A file
 * may cover many months.
 */
public final class PlannedTrajectoryCsv extends CsvReturnFormat {
    private static final long serialVersionUID = 1L;
    static final String CONTRACT = "planned_trajectory_csv";
    /** The metric of a plan's "do nothing" surplus/(deficit) of a footprint and financial year, £000. */
    public static final String FINANCE_DO_NOTHING = "finance_do_nothing_gbp_k";
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})(-01)?");

    public PlannedTrajectoryCsv() {
        super(CONTRACT, false);
    }

    @Override
    protected void readRecords(CsvHeader header, CsvReader csv, FileParse parse)
            throws IOException, FileRejectedException {
        CsvRecord r;
        while ((r = parse.nextDataRecord(csv)) != null) readRow(header, r, parse);
    }

    private static void readRow(CsvHeader header, CsvRecord r, FileParse parse) {
        String monthRaw = Cells.clean(header.get(r, "month"));
        LocalDate month = month(monthRaw);
        if (month == null) {
            parse.reject(r.line(), "month", monthRaw, "type", "month '" + monthRaw
                    + "' is not a month written YYYY-MM or YYYY-MM-01 (e.g. 2018-03)");
            return;
        }
        String metric = Cells.clean(header.get(r, "metric_id"));
        if (metric == null || !(metric.equals(FINANCE_DO_NOTHING) || Metrics.byId(metric).isPresent())) {
            parse.reject(r.line(), "metric_id", metric, "allowed", "metric_id '" + metric
                    + "' is neither a metric of reference/metrics.csv nor " + FINANCE_DO_NOTHING);
            return;
        }
        OutputRow row = parse.newRow(r.line())
                .set("month", month)
                .code("area_code", header.get(r, "area_code"))
                .set("metric_id", metric)
                .decimal("planned_value", header.get(r, "planned_value"), Cells.Blank.REQUIRED);
        parse.accept(row);
    }

    /** The first day of a {@code YYYY-MM} or {@code YYYY-MM-01} month, or null. */
    static LocalDate month(String text) {
        if (text == null) return null;
        Matcher m = MONTH.matcher(text);
        if (!m.matches()) return null;
        int monthOfYear = Integer.parseInt(m.group(2));
        return monthOfYear >= 1 && monthOfYear <= 12 ? LocalDate.of(Integer.parseInt(m.group(1)), monthOfYear, 1) : null;
    }
}
