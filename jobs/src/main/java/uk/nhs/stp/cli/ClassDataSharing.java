package uk.nhs.stp.cli;

import com.sun.management.HotSpotDiagnosticMXBean;

import javax.management.JMException;
import javax.management.ObjectName;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Records the classes a run has loaded in a class-data-sharing archive (the JDK's dynamic CDS
 * archive) that later starts map into memory instead of reading, parsing and verifying the same
 * classes from the jars again: on this 2-core machine about 1 s off every start of {@code scripts/stp}
 * (a nightly run with nothing new 3.9 → 3.0 s) and 2.6 s off {@code stp query} and {@code stp tables}
 * (docs/benchmarks.md).
 *
 * <p>{@code scripts/stp} asks for it when the archive for its JDK, application jar and class path
 * does not exist yet: it starts the JVM with {@code -XX:+RecordDynamicDumpInfo} and the archive's
 * path in the system property {@value #ARCHIVE_PROPERTY}. The first command that ran Spark jobs and
 * succeeded then writes it, to a file of its own and then moved into place in one step, so that a
 * start sees no archive or a complete one (the JVM does not survive mapping a truncated archive).
 * Failing to write it changes nothing but the speed of later starts: it is said in one line and the
 * command's exit code stands. Under {@code spark-submit} nothing asks for it and nothing happens.
 */
final class ClassDataSharing {
    /** System property naming the archive to write; set by {@code scripts/stp}. */
    static final String ARCHIVE_PROPERTY = "stp.cds.archive";
    /** What a file being written by process N is called, after the archive's own name. */
    private static final String PARTIAL = ".partial-";

    private ClassDataSharing() { }

    /** Writes the archive when {@code scripts/stp} asked for one and it does not exist yet. */
    static void recordIfAsked(PrintWriter err) {
        String asked = System.getProperty(ARCHIVE_PROPERTY);
        if (asked == null || asked.isBlank()) return;
        Path archive = Path.of(asked).toAbsolutePath();
        if (Files.exists(archive)) return;   // another run wrote it meanwhile
        long t0 = System.nanoTime();
        try {
            record(archive);
            err.printf("stp: recorded the classes this run loaded, so that later starts are faster (once per build, %.1f s): %s%n",
                    (System.nanoTime() - t0) / 1e9, archive);
        } catch (IOException | JMException | RuntimeException e) {
            err.println("stp: could not record the classes this run loaded ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""))
                    + "); later starts work as before, only without the speed-up; STP_CDS=off stops the attempts");
        }
        err.flush();
    }

    /** Writes the JVM's dynamic archive of the classes loaded so far to {@code archive}, in one step. */
    static void record(Path archive) throws IOException, JMException {
        Path folder = archive.getParent();
        Files.createDirectories(folder);
        removeAbandoned(folder, archive.getFileName().toString());
        // without it the JDK refuses, and says why only on the process's standard output
        if (!"true".equals(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("RecordDynamicDumpInfo").getValue())) {
            throw new IOException("the JVM was not started with -XX:+RecordDynamicDumpInfo");
        }
        Path partial = folder.resolve(archive.getFileName() + PARTIAL + ProcessHandle.current().pid());
        PrintStream stdout = System.out;
        try {
            // the JDK notes the dump on System.out, which carries query results and extracts
            System.setOut(System.err);
            Object said = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmCds",
                    new Object[] {new String[] {"dynamic_dump", partial.toString()}},
                    new String[] {String[].class.getName()});
            // the diagnostic command reports a refusal as text, not as an exception
            if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
                throw new IOException("the JVM wrote no archive: " + String.valueOf(said).strip());
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            System.setOut(stdout);
            Files.deleteIfExists(partial);
        }
    }

    /** Deletes files left by runs that were killed while writing the archive (their process has gone). */
    private static void removeAbandoned(Path folder, String archiveName) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, archiveName + PARTIAL + "*")) {
            for (Path f : files) {
                String pid = f.getFileName().toString().substring(archiveName.length() + PARTIAL.length());
                boolean running;
                try {
                    running = ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                } catch (NumberFormatException e) {
                    running = false;
                }
                if (!running) Files.deleteIfExists(f);
            }
        }
    }
}
