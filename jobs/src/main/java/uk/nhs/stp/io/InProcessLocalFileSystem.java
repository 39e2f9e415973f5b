package uk.nhs.stp.io;

import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Hadoop's local file system ({@code file:}, checksummed as {@link LocalFileSystem} is) that sets
 * permissions in the process instead of starting a {@code chmod} process for each.
 *
 * <p>Without Hadoop's native library, which Spark's distribution and this application do not
 * ship, {@link RawLocalFileSystem#setPermission} runs {@code chmod} as a child process, and
 * {@code mkdirs} sets the permission of every folder it creates: every Parquet write creates its
 * output folder and the committer's {@code _temporary} folders, so a nightly run on a local
 * warehouse started 390 {@code chmod} processes, at about 13 ms each on this 2-core machine —
 * mostly on the driver's one thread, between the Spark jobs. Here the same mode bits are set with
 * {@link Files#setPosixFilePermissions} (one {@code chmod(2)} call): the result on disk is the
 * same. Where that cannot be done — a mode with the sticky bit, which the Java API cannot express,
 * a file system without POSIX permissions, or Hadoop's native library present — the inherited way
 * is used.
 *
 * <p>{@link uk.nhs.stp.spark.SparkSessions} registers it for the {@code file} scheme only
 * ({@code spark.hadoop.fs.file.impl}); warehouses on HDFS or object stores are not touched.
 */
public class InProcessLocalFileSystem extends LocalFileSystem {
    public InProcessLocalFileSystem() {
        super(new Raw());
    }

    /** The raw (unchecksummed) local file system beneath, with the in-process {@code setPermission}. */
    static final class Raw extends RawLocalFileSystem {
        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            if (NativeIO.isAvailable() || permission.getStickyBit()) {
                super.setPermission(p, permission);
                return;
            }
            try {
                Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
            } catch (UnsupportedOperationException notPosix) {
                super.setPermission(p, permission);
            }
        }
    }

    /** The read, write and execute bits of user, group and others, as {@code chmod} would set them. */
    static Set<PosixFilePermission> posix(FsPermission permission) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        add(out, permission.getUserAction(), PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE);
        add(out, permission.getGroupAction(), PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE);
        add(out, permission.getOtherAction(), PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        return out;
    }

    private static void add(Set<PosixFilePermission> out, FsAction action, PosixFilePermission read,
                            PosixFilePermission write, PosixFilePermission execute) {
        if (action.implies(FsAction.READ)) out.add(read);
        if (action.implies(FsAction.WRITE)) out.add(write);
        if (action.implies(FsAction.EXECUTE)) out.add(execute);
    }
}
