package uk.nhs.stp.ingest.reference;

import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.contract.InputContract;
import uk.nhs.stp.ingest.read.Cells;
import uk.nhs.stp.ingest.read.CsvHeader;
import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.read.ReturnFormat;
import uk.nhs.stp.ingest.source.ContentKind;
import uk.nhs.stp.ingest.source.CsvReader;
import uk.nhs.stp.ingest.source.CsvRecord;
import uk.nhs.stp.ingest.source.FileRejectedException;
import uk.nhs.stp.ingest.source.SourceContent;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The ODS NHS trusts extract ({@code etr.csv}): trust → STP/ICS as at the extract date.
 *
 * <p>Input: no header, 27 positional fields (see the input contract), one row per trust.
 * Output: one {@code org_footprint_map} row per English trust — footprint the ODS code of field 4,
 * footprint_type {@code ics}, region the ODS Y code of field 3, valid from the later of the open
 * date and {@link #FOOTPRINTS_FROM} to the close date (null while open). Welsh trusts and trusts
 * closed before {@link #FOOTPRINTS_FROM} are rejected as {@code out_of_scope}.
 */
public final class OdsTrustExtractCsv implements ReturnFormat {
    private static final long serialVersionUID = 1L;
    static final String NAME = "ods_trust_extract_csv";
    /**
     * First day of the footprints the extract names: the STP boundaries of April 2020. The extract
     * says where each trust sits now, not where it sat before.
     */
    static final LocalDate FOOTPRINTS_FROM = LocalDate.of(2020, 4, 1);
    static final int WIDTH = 27;

    private static final int ORG_CODE = 0;
    private static final int NAME_FIELD = 1;
    private static final int NATIONAL_GROUPING = 2;
    private static final int HEALTH_GEOGRAPHY = 3;
    private static final int OPEN_DATE = 10;
    private static final int CLOSE_DATE = 11;
    private static final String WALES = "W00";
    private static final Pattern GROUPING = Pattern.compile("^(Y5[6-9]|Y6[0-3]|W00)$");
    private static final Pattern YYYYMMDD = Pattern.compile("^\\d{8}$");

    @Override
    public InputContract contract() {
        return Contracts.input(NAME);
    }

    /**
     * Recognised by shape, there being no header: every non-blank preview line has 27 fields, a
     * national grouping in field 3 and an eight-digit open date in field 11.
     */
    @Override
    public boolean recognises(SourceContent content) {
        if (content.kind() != ContentKind.TEXT) return false;
        int lines = 0;
        for (String line : content.previewLines()) {
            if (line.isBlank()) continue;
            String[] f = CsvHeader.split(line);
            if (f.length != WIDTH || !GROUPING.matcher(f[NATIONAL_GROUPING]).matches()
                    || !YYYYMMDD.matcher(f[OPEN_DATE]).matches()) {
                return false;
            }
            lines++;
        }
        return lines > 0;
    }

    @Override
    public boolean singlePeriod() {
        return false;
    }

    @Override
    public void read(SourceContent content, FileParse parse) throws IOException, FileRejectedException {
        try (CsvReader csv = content.openCsv()) {
            // no header: every record is a trust
            parse.expectWidth(WIDTH);
            CsvRecord r;
            while ((r = parse.nextDataRecord(csv)) != null) readTrust(r, parse);
        }
    }

    private static void readTrust(CsvRecord r, FileParse parse) {
        String grouping = Cells.clean(r.field(NATIONAL_GROUPING));
        if (WALES.equals(grouping)) {
            parse.reject(r.line(), "National Grouping", grouping, "out_of_scope",
                    "Welsh trust: no English footprint");
            return;
        }
        OutputRow row = LookupRows.newRow(parse, r.line())
                .code("org_code", r.field(ORG_CODE))
                .text("org_name", r.field(NAME_FIELD))
                .set("org_type", "trust")
                .code("footprint_code", r.field(HEALTH_GEOGRAPHY))
                .set("footprint_type", "ics")
                .code("region_code", grouping);
        LocalDate open = date(row, "Open Date", r.field(OPEN_DATE), true);
        LocalDate close = date(row, "Close Date", r.field(CLOSE_DATE), false);
        if (close != null && close.isBefore(FOOTPRINTS_FROM)) {
            parse.reject(r.line(), "Close Date", r.field(CLOSE_DATE), "out_of_scope",
                    "trust closed on " + close + ", before the footprints of " + FOOTPRINTS_FROM + " this extract names");
            return;
        }
        if (open != null && close != null && close.isBefore(open)) {
            row.problem("Close Date", r.field(CLOSE_DATE), "date_order",
                    "close date " + close + " is before the open date " + open);
        }
        if (open != null) row.set("valid_from", open.isAfter(FOOTPRINTS_FROM) ? open : FOOTPRINTS_FROM);
        row.set("valid_to", close);
        parse.accept(row);
    }

    /** A YYYYMMDD date field; blank is null (a problem when required), anything else unreadable a problem. */
    private static LocalDate date(OutputRow row, String column, String raw, boolean required) {
        String s = Cells.clean(raw);
        if (s == null || s.isEmpty()) {
            if (required) row.problem(column, "", "required", column + " is required but the cell is blank");
            return null;
        }
        try {
            return LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            row.problem(column, s, "type", column + " '" + s + "' is not a date written YYYYMMDD");
            return null;
        }
    }
}
