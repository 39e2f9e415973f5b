package uk.nhs.stp.run;

import java.io.PrintStream;

/**
 * Named points in a run where a test can stop it for real. With {@code STP_PAUSE_AT=<name>} in
 * the environment, a run reaching that point prints {@code stp: paused at <name>} on standard
 * error and waits forever, so the test can kill the process there with SIGKILL. Without the
 * variable every point is a no-op. The points are listed in {@code docs/operations.md}.
 */
public final class Failpoints {
    /** Environment variable naming the point to pause at. */
    public static final String ENV = "STP_PAUSE_AT";

    private Failpoints() { }

    public static void reach(String name) {
        if (!name.equals(System.getenv(ENV))) return;
        PrintStream err = System.err;
        err.println("stp: paused at " + name + " (" + ENV + ")");
        err.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
