package uk.nhs.stp.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.spark.SparkSessions;
import uk.nhs.stp.testing.SharedSpark;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-process local file system against Hadoop's own, whose {@code setPermission} runs
 * {@code chmod}: every expected mode below is what Hadoop's file system left on disk.
 */
class InProcessLocalFileSystemTest {
    @TempDir
    java.nio.file.Path tmp;

    private static FileSystem hadoops() throws IOException {
        LocalFileSystem fs = new LocalFileSystem();
        fs.initialize(java.net.URI.create("file:///"), new Configuration());
        return fs;
    }

    private static FileSystem inProcess() throws IOException {
        InProcessLocalFileSystem fs = new InProcessLocalFileSystem();
        fs.initialize(java.net.URI.create("file:///"), new Configuration());
        return fs;
    }

    /** The mode bits on disk, sticky bit included ({@code stat -c %a}). */
    private static int mode(java.nio.file.Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode") & 07777;
    }

    @Test
    void setsTheModeChmodSets() throws IOException {
        try (FileSystem hadoops = hadoops(); FileSystem inProcess = inProcess()) {
            for (short octal : new short[] {0755, 0700, 0750, 0640, 0644, 0600, 0777, 0555, 0421}) {
                java.nio.file.Path byChmod = Files.createFile(tmp.resolve("chmod-" + Integer.toOctalString(octal)));
                java.nio.file.Path byJava = Files.createFile(tmp.resolve("java-" + Integer.toOctalString(octal)));
                hadoops.setPermission(new Path(byChmod.toUri()), new FsPermission(octal));
                inProcess.setPermission(new Path(byJava.toUri()), new FsPermission(octal));
                assertEquals(octal, mode(byChmod), "chmod " + Integer.toOctalString(octal));
                assertEquals(mode(byChmod), mode(byJava), "mode " + Integer.toOctalString(octal));
            }
        }
    }

    @Test
    void keepsTheStickyBitThroughHadoopsOwnWay() throws IOException {
        try (FileSystem hadoops = hadoops(); FileSystem inProcess = inProcess()) {
            java.nio.file.Path byChmod = Files.createDirectory(tmp.resolve("chmod"));
            java.nio.file.Path byJava = Files.createDirectory(tmp.resolve("java"));
            hadoops.setPermission(new Path(byChmod.toUri()), new FsPermission((short) 01777));
            inProcess.setPermission(new Path(byJava.toUri()), new FsPermission((short) 01777));
            assertEquals(01777, mode(byChmod));
            assertEquals(01777, mode(byJava));
        }
    }

    @Test
    void createsFoldersAndFilesWithTheModesHadoopGivesThem() throws IOException {
        try (FileSystem hadoops = hadoops(); FileSystem inProcess = inProcess()) {
            hadoops.mkdirs(new Path(tmp.resolve("chmod/a/b/_temporary/0").toUri()));
            inProcess.mkdirs(new Path(tmp.resolve("java/a/b/_temporary/0").toUri()));
            hadoops.create(new Path(tmp.resolve("chmod/a/b/part-0.parquet").toUri())).close();
            inProcess.create(new Path(tmp.resolve("java/a/b/part-0.parquet").toUri())).close();
            for (String relative : List.of("a", "a/b", "a/b/_temporary", "a/b/_temporary/0", "a/b/part-0.parquet",
                    "a/b/.part-0.parquet.crc")) {
                java.nio.file.Path byJava = tmp.resolve("java").resolve(relative);
                assertTrue(Files.exists(byJava), relative);
                assertEquals(mode(tmp.resolve("chmod").resolve(relative)), mode(byJava), relative);
            }
        }
    }

    @Test
    void theApplicationsSessionsUseItForLocalPaths() throws IOException {
        SparkSession spark = SharedSpark.session();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        assertEquals(InProcessLocalFileSystem.class.getName(), conf.get(SparkSessions.LOCAL_FILE_SYSTEM_KEY));
        try (FileSystem fs = FileSystem.newInstance(tmp.toUri(), conf)) {
            assertInstanceOf(InProcessLocalFileSystem.class, fs);
            // what Hadoop's callers cast the local file system to
            assertInstanceOf(LocalFileSystem.class, fs);
        }
    }
}
