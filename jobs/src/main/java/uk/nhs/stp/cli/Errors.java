package uk.nhs.stp.cli;

/** Turns an exception into the one line a user sees. */
final class Errors {
    private Errors() { }

    static String describe(Throwable ex) {
        if (ex instanceof IllegalArgumentException || ex instanceof uk.nhs.stp.run.WarehouseLock.LockedException) {
            return ex.getMessage();
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String what = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "internal failure: " + what.lines().findFirst().orElse(what)
                + " (rerun with STP_DEBUG=1 for details; the run manifest records what was done)";
    }
}
