package uk.nhs.stp.ingest;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;

import uk.nhs.stp.run.Failpoints;

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
                // a run stopped here leaves the partition in the trash: restoreInterrupted puts it back
                Failpoints.reach("ingest.partition-aside");
                rename(fs, source, target);
                fs.delete(aside, true);
            } else {
                rename(fs, source, target);
            }
            published.add(value);
        }
        return published;
    }

    /**
     * After a run was stopped: every partition it had moved aside and not replaced is moved back,
     * so the table is as before that run. Staged rows of the run are left for the caller to delete.
     *
     * @param runStaging the stopped run's {@code _staging/<run>} folder
     * @return the partitions restored, as {@code <table>/<column>=<value>}
     */
    static List<String> restoreInterrupted(FileSystem fs, Path runStaging, java.util.function.Function<String, Path> table)
            throws IOException {
        List<String> restored = new ArrayList<>();
        if (!fs.exists(runStaging)) return restored;
        for (FileStatus t : fs.listStatus(runStaging)) {
            Path trash = new Path(t.getPath(), "trash");
            if (!t.isDirectory() || !fs.exists(trash)) continue;
            for (FileStatus aside : fs.listStatus(trash)) {
                Path target = new Path(table.apply(t.getPath().getName()), aside.getPath().getName());
                if (fs.exists(target)) continue;
                rename(fs, aside.getPath(), target);
                restored.add(t.getPath().getName() + "/" + aside.getPath().getName());
            }
        }
        return restored;
    }

    private static void rename(FileSystem fs, Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) throw new IOException("could not move " + from + " to " + to);
    }
}
