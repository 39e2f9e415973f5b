package uk.nhs.stp.ingest.reference;

import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.contract.InputContract;
import uk.nhs.stp.ingest.read.CsvHeader;
import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.ReturnFormat;
import uk.nhs.stp.ingest.source.ContentKind;
import uk.nhs.stp.ingest.source.CsvReader;
import uk.nhs.stp.ingest.source.CsvRecord;
import uk.nhs.stp.ingest.source.FileRejectedException;
import uk.nhs.stp.ingest.source.SourceContent;

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
public final class TrustStpLookupCsv implements ReturnFormat {
    private static final long serialVersionUID = 1L;
    static final String NAME = "trust_stp_lookup_csv";
    static final LocalDate VALID_FROM = LocalDate.of(2017, 4, 1);
    static final LocalDate VALID_TO = LocalDate.of(2018, 3, 31);

    @Override
    public InputContract contract() {
        return Contracts.input(NAME);
    }

    @Override
    public boolean recognises(SourceContent content) {
        return content.kind() == ContentKind.TEXT && CsvHeader.recognised(content.previewLines(), contract());
    }

    @Override
    public boolean singlePeriod() {
        return false;
    }

    @Override
    public void read(SourceContent content, FileParse parse) throws IOException, FileRejectedException {
        try (CsvReader csv = content.openCsv()) {
            CsvHeader header = CsvHeader.read(csv, contract(), 20);
            parse.expectWidth(header.width());
            CsvRecord r;
            while ((r = parse.nextDataRecord(csv)) != null) {
                parse.accept(LookupRows.newRow(parse, r.line())
                        .code("org_code", header.get(r, "code"))
                        .text("org_name", header.get(r, "Trust"))
                        .set("org_type", "trust")
                        .code("footprint_code", header.get(r, "STP_code"))
                        .text("footprint_name", header.get(r, "STP"))
                        .set("footprint_type", "stp")
                        .text("region_name", header.get(r, "NHS England Region"))
                        .set("valid_from", VALID_FROM)
                        .set("valid_to", VALID_TO));
            }
        }
    }
}
