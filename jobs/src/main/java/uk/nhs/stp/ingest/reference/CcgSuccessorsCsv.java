package uk.nhs.stp.ingest.reference;

import uk.nhs.stp.ingest.read.Cells;
import uk.nhs.stp.ingest.read.CsvHeader;
import uk.nhs.stp.ingest.read.CsvReturnFormat;
import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.source.CsvReader;
import uk.nhs.stp.ingest.source.CsvRecord;
import uk.nhs.stp.ingest.source.FileRejectedException;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The CCG merger map to the CCGs of April 2020 ({@code ccg_successors.csv}: {@code old_ccg,ccg20cdh}).
 *
 * <p>Output: one {@code org_successors} row per old CCG, effective from {@link #CONFIGURATION}
 * (the file does not date the mergers). A CCG mapped to itself is rejected as
 * {@code self_successor}; one listed twice is rejected by the table's key.
 */
public final class CcgSuccessorsCsv extends CsvReturnFormat {
    private static final long serialVersionUID = 1L;
    static final String NAME = "ccg_successors_csv";
    /** The CCG configuration the file maps to. */
    static final LocalDate CONFIGURATION = LocalDate.of(2020, 4, 1);

    public CcgSuccessorsCsv() {
        super(NAME, false);
    }

    @Override
    protected void readRecords(CsvHeader header, CsvReader csv, FileParse parse)
            throws IOException, FileRejectedException {
        CsvRecord r;
        while ((r = parse.nextDataRecord(csv)) != null) {
            String old = header.get(r, "old_ccg");
            String successor = header.get(r, "ccg20cdh");
            if (Objects.equals(Cells.clean(old), Cells.clean(successor))) {
                parse.reject(r.line(), "ccg20cdh", successor, "self_successor",
                        "CCG " + Cells.clean(old) + " cannot be its own successor");
                continue;
            }
            parse.accept(parse.newRow(r.line())
                    .set("lookup", NAME)
                    .code("org_code", old)
                    .set("org_type", "ccg")
                    .code("successor_code", successor)
                    .set("effective_from", CONFIGURATION));
        }
    }
}
