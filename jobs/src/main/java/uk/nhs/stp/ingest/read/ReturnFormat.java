package uk.nhs.stp.ingest.read;

import uk.nhs.stp.contract.InputContract;
import uk.nhs.stp.ingest.source.FileRejectedException;
import uk.nhs.stp.ingest.source.SourceContent;

import java.io.IOException;
import java.io.Serializable;

/**
 * One published shape of a return (e.g. the 2020s A&E monthly provider CSV). Stateless and
 * serializable: Spark ships the registered formats to the executors that read the files.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>{@link #recognises} looks only at the content's kind and preview (the first lines of text,
 *       BOM removed) — never the file name — and is cheap.</li>
 *   <li>{@link #read} hands every data row to the {@link FileParse}: accepted, rejected or
 *       control. Problems with the file as a whole are a {@link FileRejectedException} whose
 *       message is one line a user can act on.</li>
 * </ul>
 */
public interface ReturnFormat extends Serializable {

    /** The input contract of this shape; names the conformed table it lands in. */
    InputContract contract();

    /** True when this content is this shape. */
    boolean recognises(SourceContent content);

    /** True when a file of this shape publishes exactly one month. */
    boolean singlePeriod();

    /** Reads the whole file into {@code parse}. */
    void read(SourceContent content, FileParse parse) throws IOException, FileRejectedException;
}
