package uk.nhs.stp.ingest;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves a table's staged partitions into the published table, one partition directory at a
 * time: the old directory is moved aside, the new one renamed in, the old one deleted. Staged
 * rows are under {@code __p=<value>/__f=<file id>}; for each value only the winning file's folder
 * is published, as {@code <partition column>=<value>}, so the partition column stays inside the
 * Parquet files as well as in the folder name.
 *
 * <p>A rename is atomic on HDFS and local file systems; on object stores each partition is
 * replaced as a whole but not atomically.
 */
final class PublishPartitions {
    private PublishPartitions() { }

    /**
     * Publishes every staged partition of one table from its winning file.
     *
     * @param winners partition value → id of the file to publish it from
     * @return the published partition values
     */
    static List<String> publish(FileSystem fs, Path staged, Path table, String partitionColumn,
                                Map<String, String> winners, Path trash) throws IOException {
        List<String> published = new ArrayList<>();
        if (!fs.exists(staged)) return published;
        fs.mkdirs(table);
        String prefix = ParseLandingFile.PARTITION + "=";
        for (FileStatus st : fs.listStatus(staged)) {
            String name = st.getPath().getName();
            if (!st.isDirectory() || !name.startsWith(prefix)) continue;
            String escaped = name.substring(prefix.length());
            String value = ExternalCatalogUtils.unescapePathName(escaped);
            String winner = winners.get(value);
            if (winner == null) continue;
            Path source = new Path(st.getPath(), ParseLandingFile.FILE + "=" + winner);
            if (!fs.exists(source)) continue;
            Path target = new Path(table, partitionColumn + "=" + escaped);
            if (fs.exists(target)) {
                Path aside = new Path(trash, partitionColumn + "=" + escaped);
                fs.mkdirs(aside.getParent());
                rename(fs, target, aside);
                rename(fs, source, target);
                fs.delete(aside, true);
            } else {
                rename(fs, source, target);
            }
            published.add(value);
        }
        return published;
    }

    private static void rename(FileSystem fs, Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) throw new IOException("could not move " + from + " to " + to);
    }
}
