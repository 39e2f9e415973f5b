package uk.nhs.stp.ingest.reference;

import uk.nhs.stp.ingest.read.CsvHeader;
import uk.nhs.stp.ingest.read.CsvReturnFormat;
import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.source.CsvReader;
import uk.nhs.stp.ingest.source.FileRejectedException;

import java.io.IOException;
import java.time.LocalDate;

/**
 * The trust → STP lookup of 2017/18 ({@code Trust-STP-lookup.csv}).
 *
 * <p>Input: header {@code NHS England Region,Trust,code,STP,STP_code}, one row per trust.
 * Output: one {@code org_footprint_map} row per trust — org_type {@code trust}, footprint_type
 * {@code stp}, the region by name only, valid 2017-04-01 to 2018-03-31 (the 44-footprint year;
 * see the input contract's notes).
 */
public final class TrustStpLookupCsv extends CsvReturnFormat {
    private static final long serialVersionUID = 1L;
    static final String NAME = "trust_stp_lookup_csv";
    static final LocalDate VALID_FROM = LocalDate.of(2017, 4, 1);
    static final LocalDate VALID_TO = LocalDate.of(2018, 3, 31);

    public TrustStpLookupCsv() {
        super(NAME, false);
    }

    @Override
    protected void readRecords(CsvHeader header, CsvReader csv, FileParse parse)
            throws IOException, FileRejectedException {
        LookupRows.acceptEach(csv, parse, VALID_FROM, VALID_TO, (row, r) -> row
                .code("org_code", header.get(r, "code"))
                .text("org_name", header.get(r, "Trust"))
                .set("org_type", "trust")
                .code("footprint_code", header.get(r, "STP_code"))
                .text("footprint_name", header.get(r, "STP"))
                .set("footprint_type", "stp")
                .text("region_name", header.get(r, "NHS England Region")));
    }
}
