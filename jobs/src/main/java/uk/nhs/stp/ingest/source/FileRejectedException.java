package uk.nhs.stp.ingest.source;

/**
 * The file as a whole cannot be ingested (not a return, required columns missing, empty,
 * truncated, binary, wrong encoding, …). The message is one line a user can act on; it does not
 * repeat the file name, which the caller prefixes.
 */
public class FileRejectedException extends Exception {
    private final String rule;

    public FileRejectedException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** Short machine-readable reason, e.g. {@code not_a_return}, {@code missing_columns}. */
    public String rule() { return rule; }
}
