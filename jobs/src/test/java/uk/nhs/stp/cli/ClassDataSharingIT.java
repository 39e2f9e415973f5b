package uk.nhs.stp.cli;

import uk.nhs.stp.testing.TestFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code scripts/stp} and {@link ClassDataSharing} together, as a user runs them: a command that runs
 * no Spark job records nothing; the first that does records the archive; the next start maps Spark's
 * classes from it; {@code STP_CDS=off} does not. An integration test (failsafe, verify phase): it
 * needs the packaged jar, since the JDK archives classes from jars only.
 */
class ClassDataSharingIT {
    private static final String SPARK_SESSION = "org.apache.spark.sql.SparkSession ";
    private static final String FROM_ARCHIVE = "source: shared objects file (top)";

    private final Path root = Path.of(System.getProperty("stp.repoRoot", "..")).toAbsolutePath().normalize();
    private final Path work = root.resolve("jobs/target/cds-it");
    private final Path archives = work.resolve("cds");

    @Test
    void theFirstRunWithSparkJobsRecordsTheArchiveAndTheNextStartMapsIt() throws Exception {
        TestFiles.deleteTree(work);
        Path generated = work.resolve("generated");
        Path landing = work.resolve("landing");
        Path warehouse = work.resolve("warehouse");

        Run generate = stp(Map.of(), "generate", "--out", generated.toString(), "--from", "2018-04", "--months", "1");
        assertEquals(0, generate.exitCode(), generate.toString());
        assertEquals(List.of(), archiveFiles(), "generate runs no Spark job: nothing recorded");
        // the two lookups are enough Spark work, and quick to ingest
        Files.createDirectories(landing);
        Files.move(generated.resolve("lookups"), landing.resolve("lookups"));

        Run first = stp(Map.of(), "ingest", "--landing", landing.toString(), "--warehouse", warehouse.toString());
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.err().contains("stp: recorded the classes this run loaded"), first.toString());
        List<Path> recorded = archiveFiles();
        assertEquals(1, recorded.size(), "one archive and no partial file: " + recorded);
        assertTrue(recorded.get(0).getFileName().toString().matches("stp-[0-9a-f]{16}\\.jsa"), recorded.toString());
        assertFalse(first.out().contains("Dynamic dump"), "the JVM's own note is not on standard output: " + first.out());

        Path loaded = work.resolve("class-load.log");
        Run second = stp(Map.of("STP_JAVA_OPTS", "-Xlog:class+load=info:file=" + loaded),
                "ingest", "--landing", landing.toString(), "--warehouse", warehouse.toString());
        assertEquals(0, second.exitCode(), second.toString());
        assertTrue(second.out().contains("0 ingested"), "the same landing folder again: nothing new\n" + second);
        assertFalse(second.err().contains("recorded"), second.toString());
        assertEquals(recorded, archiveFiles());
        String sessionLoad = sparkSessionLoad(loaded);
        assertTrue(sessionLoad.endsWith(FROM_ARCHIVE), "SparkSession mapped from the archive: " + sessionLoad);

        Run off = stp(Map.of("STP_CDS", "off", "STP_JAVA_OPTS", "-Xlog:class+load=info:file=" + loaded),
                "ingest", "--landing", landing.toString(), "--warehouse", warehouse.toString());
        assertEquals(0, off.exitCode(), off.toString());
        sessionLoad = sparkSessionLoad(loaded);
        assertTrue(sessionLoad.contains("source: jar:") || sessionLoad.contains("source: file:"),
                "with STP_CDS=off SparkSession comes from its jar: " + sessionLoad);
    }

    private record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Run stp(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("scripts/stp").toString()));
        command.addAll(List.of(args));
        Files.createDirectories(work);
        Path out = Files.createTempFile(work, "stdout", ".txt");
        Path err = Files.createTempFile(work, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("STP_CDS_DIR", archives.toString());
        pb.environment().remove("STP_CDS");
        pb.environment().remove("STP_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("scripts/stp " + String.join(" ", args) + " still running after 5 minutes");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private List<Path> archiveFiles() throws IOException {
        if (!Files.isDirectory(archives)) return List.of();
        try (Stream<Path> files = Files.list(archives)) {
            return files.sorted().toList();
        }
    }

    /** The JVM's line for loading SparkSession, from a {@code -Xlog:class+load} file. */
    private static String sparkSessionLoad(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(SPARK_SESSION)).findFirst()
                    .orElseThrow(() -> new AssertionError("SparkSession not loaded? " + log)).strip();
        }
    }
}
