package uk.nhs.stp.publish;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import uk.nhs.stp.io.FileTrees;
import uk.nhs.stp.io.Warehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fingerprint of each conformed table: a hash of its data files' paths and sizes. Ingest writes
 * new files (new names) for every partition it replaces, so a table's fingerprint changes exactly
 * when its content may have. Recorded with every published version, it tells the nightly run
 * whether the marts still reflect the conformed tables — whatever happened to an earlier run.
 * Listing only: no data is read.
 */
public final class ConformedState {
    private ConformedState() { }

    /** Fingerprint per conformed table present in the warehouse (sorted by table). */
    public static Map<String, String> fingerprint(Warehouse warehouse) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Path root = new Path(warehouse.root(), "conformed");
        if (!warehouse.fs().exists(root)) return out;
        for (FileStatus table : warehouse.fs().listStatus(root)) {
            String name = table.getPath().getName();
            if (!table.isDirectory() || FileTrees.hidden(name)) continue;
            out.put(name, tableFingerprint(warehouse.fs(), table.getPath()));
        }
        return out;
    }

    /** Fingerprint of one table (hash of its data files' names and sizes); {@code "absent"} when it does not exist. */
    public static String tableFingerprint(FileSystem fs, Path table) throws IOException {
        return fs.exists(table) ? hash(String.join("\n", dataFiles(fs, table))) : "absent";
    }

    /**
     * Fingerprint of each partition folder of one table ({@code month=2017-04-01} → hash of its
     * data files' names and sizes), sorted by partition; empty when the table does not exist.
     */
    public static Map<String, String> partitionFingerprints(FileSystem fs, Path table) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!fs.exists(table)) return out;
        for (FileStatus partition : fs.listStatus(table)) {
            String name = partition.getPath().getName();
            if (!partition.isDirectory() || FileTrees.hidden(name)) continue;
            out.put(name, hash(String.join("\n", dataFiles(fs, partition.getPath()))));
        }
        return out;
    }

    /** Data files under a folder as sorted {@code relative path TAB size} lines; hidden files left out. */
    private static List<String> dataFiles(FileSystem fs, Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        String prefix = folder.toUri().getPath() + "/";
        for (FileStatus f : FileTrees.files(fs, folder)) {
            String relative = f.getPath().toUri().getPath().substring(prefix.length());
            if (FileTrees.hiddenPath(relative)) continue;
            lines.add(relative + "\t" + f.getLen());
        }
        lines.sort(null);
        return lines;
    }

    /** Tables whose fingerprint differs between two states (added, removed or changed), sorted. */
    public static List<String> changed(Map<String, String> before, Map<String, String> now) {
        TreeMap<String, Boolean> out = new TreeMap<>();
        before.forEach((t, f) -> { if (!f.equals(now.get(t))) out.put(t, true); });
        now.forEach((t, f) -> { if (!f.equals(before.get(t))) out.put(t, true); });
        return new ArrayList<>(out.keySet());
    }

    /** A short SHA-256 of {@code text} (24 hex digits): what the fingerprints are made of. */
    public static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
