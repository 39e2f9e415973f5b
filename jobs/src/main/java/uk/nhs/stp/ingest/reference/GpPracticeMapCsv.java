package uk.nhs.stp.ingest.reference;

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
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The GP practice mapping file of "Patients registered at a GP practice" (NHS Digital):
 * practice → PCN → CCG → STP/ICS → region, with ONS and ODS codes side by side.
 *
 * <p>Input: a header row of 16 columns (see the input contract), one line per practice. Output:
 * one {@code org_footprint_map} row per CCG — org_code its ODS code, org_ons_code its E38 code,
 * footprint_code the ONS E54 code, footprint_ods_code the ODS Q code, footprint_type
 * {@code ics}, region the E40 code and name, valid from the extract date, open-ended. Every
 * practice line is accounted for by its CCG's row: accepted with it, or rejected with it. A line
 * that puts its CCG in another footprint or region than the CCG's first line did is rejected as
 * {@code inconsistent_mapping} (a CCG lies wholly in one footprint).
 */
public final class GpPracticeMapCsv extends CsvReturnFormat {
    private static final long serialVersionUID = 1L;
    static final String NAME = "gp_practice_map_csv";
    private static final DateTimeFormatter EXTRACT_DATE = DateTimeFormatter.ofPattern("ddMMMyyyy", Locale.ENGLISH);

    public GpPracticeMapCsv() {
        super(NAME, false);
    }

    /** A CCG's row while its practices are read: the first line's values and the lines that agree. */
    private static final class CcgRow {
        final OutputRow row;
        final String placement;
        final List<Long> otherLines = new ArrayList<>();

        CcgRow(OutputRow row, String placement) {
            this.row = row;
            this.placement = placement;
        }
    }

    @Override
    protected void readRecords(CsvHeader header, CsvReader csv, FileParse parse)
            throws IOException, FileRejectedException {
        Map<String, CcgRow> byCcg = new LinkedHashMap<>();
        CsvRecord r;
        while ((r = parse.nextDataRecord(csv)) != null) {
            String ccg = Cells.clean(header.get(r, "CCG_CODE"));
            if (ccg == null || ccg.isEmpty()) {
                parse.reject(r.line(), "CCG_CODE", header.get(r, "CCG_CODE"), "required",
                        "the practice has no CCG code, so it maps to no footprint");
                continue;
            }
            String placement = placement(header, r);
            CcgRow known = byCcg.get(ccg);
            if (known == null) {
                byCcg.put(ccg, new CcgRow(row(header, r, parse), placement));
            } else if (!known.placement.equals(placement)) {
                parse.reject(r.line(), "ONS_STP_CODE", header.get(r, "ONS_STP_CODE"), "inconsistent_mapping",
                        "practice " + Cells.clean(header.get(r, "PRACTICE_CODE")) + " puts CCG " + ccg + " in " + placement
                                + " but line " + known.row.line() + " put it in " + known.placement);
            } else {
                known.otherLines.add(r.line());
            }
        }
        for (CcgRow c : byCcg.values()) {
            parse.accept(c.row, c.otherLines.stream().mapToLong(Long::longValue).toArray());
        }
    }

    /** Where a practice line puts its CCG: footprint, region and extract date must agree within a CCG. */
    private static String placement(CsvHeader header, CsvRecord r) {
        return String.join(" / ", Objects.toString(Cells.clean(header.get(r, "ONS_STP_CODE")), ""),
                Objects.toString(Cells.clean(header.get(r, "STP_CODE")), ""),
                Objects.toString(Cells.clean(header.get(r, "ONS_COMM_REGION_CODE")), ""),
                Objects.toString(Cells.clean(header.get(r, "EXTRACT_DATE")), ""));
    }

    private static OutputRow row(CsvHeader header, CsvRecord r, FileParse parse) {
        OutputRow row = LookupRows.newRow(parse, r.line())
                .code("org_code", header.get(r, "CCG_CODE"))
                .code("org_ons_code", header.get(r, "ONS_CCG_CODE"))
                .text("org_name", header.get(r, "CCG_NAME"))
                .set("org_type", "ccg")
                .code("footprint_code", header.get(r, "ONS_STP_CODE"))
                .code("footprint_ods_code", header.get(r, "STP_CODE"))
                .text("footprint_name", header.get(r, "STP_NAME"))
                .set("footprint_type", "ics")
                .code("region_code", header.get(r, "ONS_COMM_REGION_CODE"))
                .text("region_name", header.get(r, "COMM_REGION_NAME"))
                .set("valid_to", null);
        String raw = header.get(r, "EXTRACT_DATE");
        try {
            row.set("valid_from", LocalDate.parse(Objects.toString(Cells.clean(raw), ""), EXTRACT_DATE));
        } catch (DateTimeParseException e) {
            row.problem("EXTRACT_DATE", raw, "date", "the extract date is not a date like 01Jan2022");
        }
        return row;
    }
}
