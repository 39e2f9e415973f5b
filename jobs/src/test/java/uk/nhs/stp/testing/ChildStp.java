package uk.nhs.stp.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code stp} in a child JVM on the test class path: a real, separate process that a test can
 * kill with SIGKILL ({@link Process#destroyForcibly()} on Unix) at a named point of its run
 * ({@code STP_PAUSE_AT}, see {@code uk.nhs.stp.run.Failpoints}).
 */
public final class ChildStp implements AutoCloseable {
    /** Generous: a child's run includes a JVM and Spark start and, for late points, a whole marts build. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private final Process process;
    private final Path out;
    private final Path err;

    private ChildStp(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts {@code stp args…}; with {@code pauseAt} non-null the run stops there and waits.
     *
     * @param logs folder for the child's standard output and error
     */
    public static ChildStp start(Path logs, String name, String pauseAt, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // the module openings Spark needs on Java 17+, and the time zone; not the test JVM's heap or agents
            if (a.startsWith("--add-opens") || a.startsWith("--add-exports") || a.startsWith("-Duser.timezone")) cmd.add(a);
        }
        cmd.add("-Xmx1g");
        cmd.add("-XX:+UseParallelGC");
        // C1 only: a child runs for tens of seconds on tiny data, where C2's compiling costs more CPU than it
        // gives back (NightlyCrashTest alone, alternating: 195.6, 219.5 s against 234.8, 225.0 s)
        cmd.add("-XX:TieredStopAtLevel=1");
        // its own temporary folder under the test's: a killed child cannot remove Spark's local folders or
        // the native libraries it unpacked (lz4, snappy), and they must not pile up in the machine's /tmp
        Files.createDirectories(logs);
        Path tmp = Files.createDirectories(logs.resolve(name + ".tmp"));
        cmd.add("-Djava.io.tmpdir=" + tmp.toAbsolutePath());
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add("uk.nhs.stp.cli.StpCommand");
        cmd.addAll(List.of(args));
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("STP_PAUSE_AT");
        if (pauseAt != null) pb.environment().put("STP_PAUSE_AT", pauseAt);
        return new ChildStp(pb.start(), out, err);
    }

    /**
     * Waits until the child has paused at its point; fails if it exits first or takes too long.
     */
    public void awaitPause(String point) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String marker = "paused at " + point;
        while (System.nanoTime() < deadline) {
            if (stderr().contains(marker)) return;
            if (!process.isAlive()) {
                throw new AssertionError("stp exited with " + process.exitValue() + " before reaching " + point
                        + "\nstdout:\n" + tail(stdout()) + "\nstderr:\n" + tail(stderr()));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("stp did not reach " + point + " within " + START_TIMEOUT + "\n" + tail(stdout()));
    }

    /** SIGKILL: the process gets no chance to clean up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("child did not die");
    }

    /** Waits for the exit code. */
    public int exitCode() throws InterruptedException {
        if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child did not finish in time");
        }
        return process.exitValue();
    }

    public boolean isAlive() { return process.isAlive(); }

    public long pid() { return process.pid(); }

    public String stdout() throws IOException { return Files.readString(out, StandardCharsets.UTF_8); }

    public String stderr() throws IOException { return Files.readString(err, StandardCharsets.UTF_8); }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
