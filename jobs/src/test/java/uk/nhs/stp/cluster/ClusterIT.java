package uk.nhs.stp.cluster;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application jar on a real Spark standalone cluster: runs {@code scripts/cluster-test.sh} (a
 * master and two workers on 127.0.0.1 from the project's own Spark jars, {@code stp nightly} submitted
 * to them, one worker killed while it runs tasks, every mart compared row by row with a
 * {@code local[*]} run) and passes when the script does. An integration test: the failsafe plugin runs
 * it in the verify phase, after package has built the jar the script submits; {@code -DskipITs} skips it.
 */
class ClusterIT {
    /** Above the script's own limits, so that its message, not this one, says what hung. */
    private static final long TIMEOUT_MINUTES = 45;

    @Test
    void nightlyOnAStandaloneClusterSurvivesALostWorkerAndMatchesLocal() throws Exception {
        Path root = Path.of(System.getProperty("stp.repoRoot", "..")).toAbsolutePath().normalize();
        Path work = root.resolve("jobs/target/cluster-test");
        Path output = root.resolve("jobs/target/cluster-test.log");
        Process script = new ProcessBuilder("bash", root.resolve("scripts/cluster-test.sh").toString(),
                "--no-build", "--work-dir", work.toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = script.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            script.destroy();   // the script's TERM trap stops the cluster it started
            script.waitFor(30, TimeUnit.SECONDS);
        }
        String printed = Files.readString(output);
        System.out.println(printed);
        assertTrue(finished, "scripts/cluster-test.sh still running after " + TIMEOUT_MINUTES + " minutes:\n" + printed);
        assertEquals(0, script.exitValue(), "scripts/cluster-test.sh failed:\n" + printed);
        assertTrue(printed.contains("== cluster test: passed") && printed.contains(" 0 different"),
                "the script exited 0 without its summary of identical marts:\n" + printed);
    }
}
