package uk.nhs.stp.ingest;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a table's staged partitions into the published table, one partition directory at a
 * time: the old directory is moved aside, the new one renamed in, the old one deleted. Staged
 * directories are named {@code __p=<value>}; published ones {@code <partition column>=<value>},
 * so the partition column stays inside the Parquet files as well as in the folder name.
 *
 * <p>A rename is atomic on HDFS and local file systems; on object stores each partition is
 * replaced as a whole but not atomically (the nightly publish covers that).
 */
final class PublishPartitions {
    static final String STAGED_PREFIX = "__p=";

    private PublishPartitions() { }

    /** Publishes every staged partition of one table; returns the published partition values. */
    static List<String> publish(FileSystem fs, Path staged, Path table, String partitionColumn, Path trash)
            throws IOException {
        List<String> published = new ArrayList<>();
        if (!fs.exists(staged)) return published;
        fs.mkdirs(table);
        for (FileStatus st : fs.listStatus(staged)) {
            String name = st.getPath().getName();
            if (!st.isDirectory() || !name.startsWith(STAGED_PREFIX)) continue;
            String value = name.substring(STAGED_PREFIX.length());
            Path target = new Path(table, partitionColumn + "=" + value);
            if (fs.exists(target)) {
                Path aside = new Path(trash, table.getName() + "/" + partitionColumn + "=" + value);
                fs.mkdirs(aside.getParent());
                rename(fs, target, aside);
                rename(fs, st.getPath(), target);
                fs.delete(aside, true);
            } else {
                rename(fs, st.getPath(), target);
            }
            published.add(value);
        }
        return published;
    }

    private static void rename(FileSystem fs, Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) throw new IOException("could not move " + from + " to " + to);
    }
}
