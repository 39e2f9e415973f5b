package uk.nhs.stp.publish;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.run.Failpoints;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Publishes a complete version of the marts in one step, and keeps the last few.
 *
 * <p>A version's marts are written first, under {@code _versions/<run>/}, where no reader looks.
 * Publishing is then one atomic operation: a new entry {@code _published/<run>.json}, written
 * under a temporary name and renamed to its final, new name (atomic on HDFS and local file
 * systems). Readers that resolve marts through {@link PublishedMarts} see the previous version
 * until that rename and the new one after it, never a mix. On a local file system the stable
 * folder {@code marts/} is then re-pointed: it is a symbolic link to the current version's folder,
 * replaced by a rename, so a BI tool pointed at {@code marts/<table>} also sees one version or the
 * other. Version folders stay immutable until retention removes them, so a reader still busy with
 * the previous version can finish.
 */
public final class Publisher {
    /** Published versions kept by default (today's and the six before it). */
    public static final int KEEP_DEFAULT = 7;

    private final Warehouse warehouse;

    public Publisher(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Makes {@code entry} the current version; returns the path of its log entry. */
    public Path publish(PublishedVersion entry) throws IOException {
        FileSystem fs = warehouse.fs();
        Path log = warehouse.publishLog();
        fs.mkdirs(log);
        Path target = new Path(log, entry.runId() + ".json");
        Path tmp = new Path(log, "." + entry.runId() + ".json.tmp");
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(PublishedMarts.JSON.writeValueAsString(entry).getBytes(StandardCharsets.UTF_8));
        }
        Failpoints.reach("publish.before-log");
        if (fs.exists(target)) throw new IOException("version " + entry.runId() + " was already published");
        // the commit point: from here on every reader resolving through the log sees the new version
        if (!fs.rename(tmp, target)) throw new IOException("could not publish " + target);
        Failpoints.reach("publish.before-link");
        pointLink(entry.version());
        return target;
    }

    /**
     * On a local file system, points {@code marts} at the current version's folder when it does not
     * already (after a run was stopped between its log entry and the link); elsewhere a no-op.
     */
    public void repairLink() throws IOException {
        var current = PublishedMarts.current(warehouse);
        if (current.isPresent()) pointLink(current.get().version());
    }

    /**
     * Keeps the newest {@code keep} entries of the publish log and the version folders they name;
     * removes older entries, and folders no kept entry names (including those of runs that never
     * published). The current version is always kept.
     *
     * @return the version folders removed
     */
    public List<String> retain(int keep) throws IOException {
        if (keep < 1) throw new IllegalArgumentException("versions to keep must be at least 1, was " + keep);
        FileSystem fs = warehouse.fs();
        List<PublishedVersion> log = PublishedMarts.log(warehouse);
        if (log.isEmpty()) return List.of();
        List<PublishedVersion> kept = log.subList(Math.max(0, log.size() - keep), log.size());
        Set<String> keptFolders = new HashSet<>();
        for (PublishedVersion v : kept) keptFolders.add(v.version());
        for (PublishedVersion old : log.subList(0, log.size() - kept.size())) {
            fs.delete(new Path(warehouse.publishLog(), old.runId() + ".json"), false);
        }
        List<String> removed = new ArrayList<>();
        if (!fs.exists(warehouse.versions())) return removed;
        for (FileStatus st : fs.listStatus(warehouse.versions())) {
            String name = st.getPath().getName();
            if (keptFolders.contains(name)) continue;
            Failpoints.reach("publish.retention");
            fs.delete(st.getPath(), true);
            removed.add(name);
        }
        removed.sort(null);
        return removed;
    }

    /** True when the warehouse is on a local file system, where {@code marts} is a symbolic link. */
    public boolean linksMarts() {
        FileSystem fs = warehouse.fs();
        return fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem;
    }

    /**
     * Points {@code marts} at {@code _versions/<version>}: a new relative symbolic link renamed over
     * the old one (rename(2) replaces a link atomically). A {@code marts} folder left by an earlier
     * release of the application is moved into {@code _versions} first, where retention removes it.
     */
    private void pointLink(String version) throws IOException {
        if (!linksMarts()) return;
        java.nio.file.Path link = Paths.get(warehouse.marts().toUri());
        java.nio.file.Path target = Paths.get("_versions", version);
        if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) return;
        if (Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(link, Paths.get(warehouse.versions().toUri()).resolve("_replaced-marts-folder-" + version),
                    StandardCopyOption.ATOMIC_MOVE);
        }
        java.nio.file.Path tmp = link.resolveSibling(".marts." + version + ".link");
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, target);
        Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
