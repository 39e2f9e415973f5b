package uk.nhs.stp.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The failure side of {@link ClassDataSharing} in this JVM, which was not started with
 * {@code -XX:+RecordDynamicDumpInfo} (so the JDK refuses the dump); recording through
 * {@code scripts/stp} is {@code ClassDataSharingIT}.
 */
class ClassDataSharingTest {
    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        System.clearProperty(ClassDataSharing.ARCHIVE_PROPERTY);
    }

    @Test
    void nothingHappensWhenNotAsked() {
        StringWriter said = new StringWriter();
        ClassDataSharing.recordIfAsked(new PrintWriter(said));
        assertEquals("", said.toString());
    }

    @Test
    void aRefusedDumpIsOneLineLeavesNoFileAndRemovesOnlyFilesOfProcessesThatHaveGone() throws Exception {
        Path archive = dir.resolve("cds").resolve("stp-test.jsa");
        Files.createDirectories(archive.getParent());
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path abandoned = archive.resolveSibling("stp-test.jsa.partial-" + gone.pid());
        Path beingWritten = archive.resolveSibling("stp-test.jsa.partial-" + ProcessHandle.current().parent().orElseThrow().pid());
        Path otherArchive = archive.resolveSibling("stp-other.jsa.partial-" + gone.pid());
        for (Path p : new Path[] {abandoned, beingWritten, otherArchive}) Files.writeString(p, "half an archive");
        System.setProperty(ClassDataSharing.ARCHIVE_PROPERTY, archive.toString());

        StringWriter said = new StringWriter();
        ClassDataSharing.recordIfAsked(new PrintWriter(said));

        String line = said.toString();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("stp: could not record the classes this run loaded "
                + "(the JVM was not started with -XX:+RecordDynamicDumpInfo); "), line);
        assertFalse(Files.exists(archive));
        assertFalse(Files.exists(archive.resolveSibling("stp-test.jsa.partial-" + ProcessHandle.current().pid())));
        assertFalse(Files.exists(abandoned), "the file of a process that has gone is removed");
        assertTrue(Files.exists(beingWritten), "the file of a running process is left to it");
        assertTrue(Files.exists(otherArchive), "another archive's files are not this run's business");
    }

    @Test
    void anArchiveThatExistsIsNotWrittenAgain() throws Exception {
        Path archive = dir.resolve("stp-test.jsa");
        Files.writeString(archive, "an archive another run wrote");
        System.setProperty(ClassDataSharing.ARCHIVE_PROPERTY, archive.toString());
        StringWriter said = new StringWriter();
        ClassDataSharing.recordIfAsked(new PrintWriter(said));
        assertEquals("", said.toString());
        assertEquals("an archive another run wrote", Files.readString(archive));
    }
}
