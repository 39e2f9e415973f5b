package uk.nhs.stp.ingest.read;

import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.contract.InputContract;
import uk.nhs.stp.ingest.source.ContentKind;
import uk.nhs.stp.ingest.source.CsvReader;
import uk.nhs.stp.ingest.source.FileRejectedException;
import uk.nhs.stp.ingest.source.SourceContent;

import java.io.IOException;

/**
 * A return published as a CSV with a header row: recognised by that header in the first lines of
 * text, read by finding the header (below at most {@link #MAX_PREAMBLE_LINES} lines of titles or
 * notes), expecting every data row to be as wide as it, and handing each data record to
 * {@link #readRecords}, the one thing a subclass writes.
 *
 * <p>Holds only the input contract's name and the single-period flag, so it stays serializable
 * for Spark executors; the contract itself is looked up (and cached) by {@link Contracts}.
 */
public abstract class CsvReturnFormat implements ReturnFormat {
    private static final long serialVersionUID = 1L;

    /**
     * Records searched for the header: a publisher may put title or note lines above it (some
     * years of a return do). A file whose header is not among them is rejected.
     */
    protected static final int MAX_PREAMBLE_LINES = 20;

    private final String inputContractName;
    private final boolean singlePeriod;

    /**
     * @param inputContractName name of the input contract ({@code data-schemas/inputs/<name>.json})
     * @param singlePeriod      true when a file of this shape publishes exactly one month
     */
    protected CsvReturnFormat(String inputContractName, boolean singlePeriod) {
        this.inputContractName = inputContractName;
        this.singlePeriod = singlePeriod;
    }

    @Override
    public final InputContract contract() {
        return Contracts.input(inputContractName);
    }

    @Override
    public final boolean singlePeriod() {
        return singlePeriod;
    }

    /** Text whose preview holds a line naming enough of the contract's required columns. */
    @Override
    public boolean recognises(SourceContent content) {
        return content.kind() == ContentKind.TEXT && CsvHeader.recognised(content.previewLines(), contract());
    }

    @Override
    public final void read(SourceContent content, FileParse parse) throws IOException, FileRejectedException {
        try (CsvReader csv = content.openCsv()) {
            CsvHeader header = CsvHeader.read(csv, contract(), MAX_PREAMBLE_LINES);
            parse.expectWidth(header.width());
            readRecords(header, csv, parse);
        }
    }

    /**
     * Reads the data rows below the header. Called once per file with {@code csv} positioned just
     * after the header and {@code parse} already expecting rows as wide as the header; the reader
     * is closed afterwards.
     *
     * <p>The implementation takes records only through {@code parse.nextDataRecord(csv)} (which
     * skips blank lines, rejects rows of the wrong width and counts the rest as read) until it
     * returns null, and hands every record it returns to {@code parse}: accepted
     * ({@link FileParse#accept}), kept as a control row ({@link FileParse#control}) or rejected
     * ({@link FileParse#reject}); a record left unhandled is rejected as {@code unclassified} when
     * the file is finished. Problems with the file as a whole are thrown as a
     * {@link FileRejectedException}.
     */
    protected abstract void readRecords(CsvHeader header, CsvReader csv, FileParse parse)
            throws IOException, FileRejectedException;
}
