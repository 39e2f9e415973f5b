package uk.nhs.stp.ingest.reference;

import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.OutputRow;

import java.math.BigDecimal;

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
}
