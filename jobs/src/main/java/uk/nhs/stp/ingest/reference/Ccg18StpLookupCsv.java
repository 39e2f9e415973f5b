package uk.nhs.stp.ingest.reference;

import uk.nhs.stp.ingest.read.CsvHeader;
import uk.nhs.stp.ingest.read.CsvReturnFormat;
import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.source.CsvReader;
import uk.nhs.stp.ingest.source.FileRejectedException;

import java.io.IOException;
import java.time.LocalDate;

/**
 * The CCG → STP → NHS England region lookup of 2018/19 ({@code ccg18_to_stp18_to_nhser18}).
 *
 * <p>Input: header {@code ccg18cd,ccg18cdh,ccg18nm,stp18cd,stp18nm,nhser18cd,nhser18nm}, one row
 * per CCG. Output: one {@code org_footprint_map} row per CCG — org_code its ODS code, org_ons_code
 * its E38 code, footprint_type {@code stp}, the region's E40 code and name, valid 2018-04-01 to
 * 2019-03-31 (from the 42-footprint configuration to the CCG mergers of April 2019).
 */
public final class Ccg18StpLookupCsv extends CsvReturnFormat {
    private static final long serialVersionUID = 1L;
    static final String NAME = "ccg18_stp_lookup_csv";
    static final LocalDate VALID_FROM = LocalDate.of(2018, 4, 1);
    static final LocalDate VALID_TO = LocalDate.of(2019, 3, 31);

    public Ccg18StpLookupCsv() {
        super(NAME, false);
    }

    @Override
    protected void readRecords(CsvHeader header, CsvReader csv, FileParse parse)
            throws IOException, FileRejectedException {
        LookupRows.acceptEach(csv, parse, VALID_FROM, VALID_TO, (row, r) -> row
                .code("org_code", header.get(r, "ccg18cdh"))
                .code("org_ons_code", header.get(r, "ccg18cd"))
                .text("org_name", header.get(r, "ccg18nm"))
                .set("org_type", "ccg")
                .code("footprint_code", header.get(r, "stp18cd"))
                .text("footprint_name", header.get(r, "stp18nm"))
                .set("footprint_type", "stp")
                .code("region_code", header.get(r, "nhser18cd"))
                .text("region_name", header.get(r, "nhser18nm")));
    }
}
