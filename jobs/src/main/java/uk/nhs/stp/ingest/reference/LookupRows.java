package uk.nhs.stp.ingest.reference;

import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.source.CsvReader;
import uk.nhs.stp.ingest.source.CsvRecord;
import uk.nhs.stp.ingest.source.FileRejectedException;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What every lookup row of {@code org_footprint_map} starts with. */
final class LookupRows {
    /** Weight of a mapping when the lookup does not split an organisation between footprints. */
    static final BigDecimal WHOLE = new BigDecimal("1.000000");

    private LookupRows() { }

    /** A row of {@code org_footprint_map} for the data row at {@code line}, tagged with its lookup. */
    static OutputRow newRow(FileParse parse, long line) {
        return parse.newRow(line)
                .set("lookup", parse.input().name())
                .set("weight", WHOLE);
    }

    /** Sets a lookup's own columns of the row made from one data record. */
    @FunctionalInterface
    interface Columns {
        void set(OutputRow row, CsvRecord record);
    }

    /**
     * Accepts one row per data record of a lookup valid for a fixed span: {@link #newRow}, the
     * lookup's own {@code columns}, then {@code valid_from} and {@code valid_to}.
     */
    static void acceptEach(CsvReader csv, FileParse parse, LocalDate validFrom, LocalDate validTo, Columns columns)
            throws IOException, FileRejectedException {
        CsvRecord r;
        while ((r = parse.nextDataRecord(csv)) != null) {
            OutputRow row = newRow(parse, r.line());
            columns.set(row, r);
            parse.accept(row
                    .set("valid_from", validFrom)
                    .set("valid_to", validTo));
        }
    }
}
