package uk.nhs.stp.io;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Listing every file under a folder, on any Hadoop file system, and the names readers skip. */
public final class FileTrees {
    private FileTrees() { }

    /**
     * Whether a file or folder name is one that Spark's and Hadoop's readers skip: a name starting
     * with {@code .} (checksums, hidden files) or {@code _} (markers, staging, folders set aside).
     */
    public static boolean hidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }

    /** Whether any part of a {@code /}-separated relative path is {@link #hidden}. */
    public static boolean hiddenPath(String relative) {
        for (String part : relative.split("/")) if (hidden(part)) return true;
        return false;
    }

    /**
     * Every file (not folder) under {@code root}, at any depth, in no particular order: path, size
     * and modification time are read from the listing; nothing is opened.
     *
     * <p>On the local file system the tree is walked with {@code listStatus}: Hadoop's recursive
     * {@code listFiles} builds a {@code LocatedFileStatus} per file, which reads the file's
     * permissions, and without Hadoop's native library that forks an {@code ls -ld} process per
     * file (about 4 ms each; a nightly run lists hundreds of files). Elsewhere (HDFS, object
     * stores) {@code listFiles} is used, which an object store answers with a flat listing.
     */
    public static List<FileStatus> files(FileSystem fs, Path root) throws IOException {
        List<FileStatus> out = new ArrayList<>();
        if ("file".equals(fs.getUri().getScheme())) {
            walk(fs, root, out);
        } else {
            RemoteIterator<? extends FileStatus> it = fs.listFiles(root, true);
            while (it.hasNext()) out.add(it.next());
        }
        return out;
    }

    private static void walk(FileSystem fs, Path folder, List<FileStatus> out) throws IOException {
        for (FileStatus st : fs.listStatus(folder)) {
            if (st.isDirectory()) walk(fs, st.getPath(), out);
            else out.add(st);
        }
    }
}
