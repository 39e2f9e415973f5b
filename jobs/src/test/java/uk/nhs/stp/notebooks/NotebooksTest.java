package uk.nhs.stp.notebooks;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.testing.PublishedDemoWarehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every notebook in {@code notebooks/} runs headless without an error against the shared published
 * warehouse ({@code scripts/notebooks.sh}, which installs Python's packages when it can). The notebooks
 * call {@code stp query}, run here from the test classpath, so the build needs no packaged jar.
 * Outside CI the test is skipped when the script finds no Python to run them; under {@code CI=true}
 * the script fails instead.
 */
class NotebooksTest {
    private static final long TIMEOUT_MINUTES = 20;

    @Test
    void everyNotebookRunsWithoutError() throws IOException, InterruptedException {
        String warehouse = PublishedDemoWarehouse.path();
        Path log = Files.createTempFile("notebooks", ".log");
        ProcessBuilder script = new ProcessBuilder("bash", Path.of("..", "scripts", "notebooks.sh").toString(),
                "--warehouse", warehouse).redirectErrorStream(true).redirectOutput(log.toFile());
        script.environment().put("STP_COMMAND", stpFromTestClasspath());
        Process process = script.start();
        boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) process.destroyForcibly();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertTrue(finished, "notebooks still running after " + TIMEOUT_MINUTES + " minutes:\n" + output);
        Assumptions.assumeFalse(output.contains("notebooks: skipped"), output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains(" 0 failed"), output);
    }

    /** {@code java <the JVM options stp needs> -cp <this test run's classpath> uk.nhs.stp.cli.StpCommand}. */
    private static String stpFromTestClasspath() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String options = Files.readString(Path.of("target", "classes", "stp-jvm-options.txt")).strip();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(" ", java, options, "-Duser.timezone=UTC", "-Xmx1g", "-cp", quote(classpath),
                "uk.nhs.stp.cli.StpCommand");
    }

    private static String quote(String classpath) {
        if (classpath.contains("'")) throw new IllegalStateException("classpath with a quote: " + classpath);
        return "'" + classpath + "'";
    }
}
