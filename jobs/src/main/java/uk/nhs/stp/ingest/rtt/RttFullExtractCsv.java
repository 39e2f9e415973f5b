package uk.nhs.stp.ingest.rtt;

import uk.nhs.stp.ingest.read.CsvHeader;
import uk.nhs.stp.ingest.read.CsvReturnFormat;
import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.source.CsvReader;
import uk.nhs.stp.ingest.source.CsvRecord;
import uk.nhs.stp.ingest.source.FileRejectedException;

import java.io.IOException;

/**
 * The NHS England RTT waiting times full CSV extract, one month per file (about 80 MB and
 * 180,000 rows, published zipped).
 *
 * <p>Input ({@code data-schemas/inputs/rtt_full_extract_csv.json}): 13 descriptive columns,
 * the weekly bands {@code Gt 00 To 01 Weeks SUM 1} … {@code Gt N Weeks SUM 1} (any N, found by
 * pattern), then {@code Total}, {@code Patients with unknown clock start date}, {@code Total All}.
 * Output: {@code rtt_pathways}, one row per month × provider × commissioner × RTT part ×
 * treatment function, bands as an array whose last element is the open-ended band.
 *
 * <ul>
 *   <li>Phase 1, header: lines above it are skipped; the bands must run from 0 weeks without a
 *       gap, else the file is rejected.</li>
 *   <li>Phase 2, rows: each record is accepted, rejected, or — treatment function C_999, the
 *       publisher's total of the other treatment functions — kept as a control row.</li>
 *   <li>Phase 3, reconciliation: each C_999 row must equal the sum of the accepted rows of its
 *       provider × commissioner × part in Total All and every band; any that do not make one
 *       {@code control_total_mismatch} warning for the file.</li>
 * </ul>
 */
public final class RttFullExtractCsv extends CsvReturnFormat {
    private static final long serialVersionUID = 1L;

    /** Name of the input contract. */
    public static final String CONTRACT = "rtt_full_extract_csv";
    /** Treatment function code of the publisher's total row. */
    public static final String TOTAL_TREATMENT_FUNCTION = "C_999";

    public RttFullExtractCsv() {
        super(CONTRACT, true);
    }

    @Override
    protected void readRecords(CsvHeader header, CsvReader csv, FileParse parse)
            throws IOException, FileRejectedException {
        RttBandColumns bands = RttBandColumns.find(header.names());
        RttRowBuilder builder = new RttRowBuilder(header, bands);
        RttTotalReconciliation totals = new RttTotalReconciliation(bands);
        CsvRecord r;
        while ((r = parse.nextDataRecord(csv)) != null) {
            OutputRow row = builder.build(r, parse);
            boolean control = TOTAL_TREATMENT_FUNCTION.equals(row.get("treatment_function_code"));
            if (control) parse.control(row);
            else parse.accept(row);
            if (!row.hasProblems()) add(totals, row, control);
        }
        String mismatch = totals.mismatchSummary();
        if (mismatch != null) parse.warning("control_total_mismatch", mismatch);
    }

    private static void add(RttTotalReconciliation totals, OutputRow row, boolean control) {
        String provider = (String) row.get("provider_org_code");
        String commissioner = (String) row.get("commissioner_org_code");
        String part = (String) row.get("rtt_part_type");
        long[] published = (long[]) row.get("weeks_band_counts");
        long[] bands = published == null ? new long[0] : published;
        Long totalAll = (Long) row.get("total_all_count");
        long all = totalAll == null ? 0 : totalAll;
        if (control) totals.addControl(row.line(), provider, commissioner, part, bands, all);
        else totals.addRow(provider, commissioner, part, bands, all);
    }
}
