package uk.nhs.stp.cli;

/** The documented exit codes of every {@code stp} command (README, "Exit codes"). */
public final class ExitCodes {
    /** Success; row-level rejects are allowed and reported. */
    public static final int OK = 0;
    /** Usage error: unknown option, missing argument, a folder that does not exist. */
    public static final int USAGE = 2;
    /** One or more files were rejected as a whole; every other file was still ingested. */
    public static final int FILES_REJECTED = 3;
    /** Internal failure: a bug or an environment problem; the message says which. */
    public static final int INTERNAL = 4;
    /** Another run holds the warehouse lock (the message names it). */
    public static final int LOCKED = 5;

    private ExitCodes() { }
}
