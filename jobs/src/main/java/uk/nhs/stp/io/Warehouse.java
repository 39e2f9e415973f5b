package uk.nhs.stp.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The warehouse layout, one place for every path under it. All paths are Hadoop URIs.
 *
 * <pre>
 * &lt;warehouse&gt;/conformed/&lt;table&gt;/month=YYYY-MM-01/*.parquet   conformed returns
 * &lt;warehouse&gt;/derived/&lt;table&gt;/month=YYYY-MM-01/*.parquet     per-month counts derived from the conformed
 *                                                              returns, refreshed only for changed months
 * &lt;warehouse&gt;/derived/_footprint_maps/                         the organisation → footprint maps, kept until a lookup changes
 * &lt;warehouse&gt;/marts/&lt;table&gt;/*.parquet                        the published marts (local file systems:
 *                                                              a link to the current version's folder)
 * &lt;warehouse&gt;/_versions/&lt;run&gt;/&lt;table&gt;/*.parquet              every kept version of the marts, immutable
 * &lt;warehouse&gt;/_published/&lt;run&gt;.json                          the publish log: the newest names the current version
 * &lt;warehouse&gt;/_lock                                          held by the one run allowed at a time
 * &lt;warehouse&gt;/rejects/run_id=&lt;run&gt;/*.parquet                 rejected rows of each run
 * &lt;warehouse&gt;/_runs/&lt;run&gt;/manifest.json                      what each run read and wrote
 * &lt;warehouse&gt;/_runs/&lt;run&gt;/report.md                          the run report a person reads in the morning
 * &lt;warehouse&gt;/_state/ingested_files.json                      checksums of files already ingested
 * &lt;warehouse&gt;/_staging/&lt;run&gt;/                               work in progress of a run
 * </pre>
 */
public final class Warehouse {
    private final Path root;
    private final Configuration conf;

    public Warehouse(String root, Configuration conf) {
        this.conf = conf;
        try {
            Path p = new Path(root);
            this.root = p.getFileSystem(conf).makeQualified(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve warehouse " + root, e);
        }
    }

    public Path root() { return root; }
    public Configuration conf() { return conf; }
    public Path conformed(String table) { return new Path(root, "conformed/" + table); }
    /** {@code derived/<table>}: a per-month derivation of one conformed table ({@link uk.nhs.stp.marts.DerivedTables}). */
    public Path derived(String table) { return new Path(root, "derived/" + table); }
    /**
     * The stable folder of a published mart, {@code marts/<table>}. On local file systems it always
     * shows the current version; elsewhere read {@link uk.nhs.stp.publish.PublishedMarts} instead.
     */
    public Path mart(String table) { return new Path(marts(), table); }
    /** {@code marts}: on local file systems a symbolic link to the current version's folder. */
    public Path marts() { return new Path(root, "marts"); }
    /** {@code _versions}: every kept version of the marts. */
    public Path versions() { return new Path(root, "_versions"); }
    /** {@code _versions/<run>}: the marts one run built (complete: tables it did not rebuild are copied in). */
    public Path version(String runId) { return new Path(versions(), runId); }
    /** {@code _published}: one small JSON file per publish; the newest names the current version. */
    public Path publishLog() { return new Path(root, "_published"); }
    /** {@code _lock}: exists while a run holds the warehouse. */
    public Path lock() { return new Path(root, "_lock"); }
    /** {@code _runs/<run>/report.md}. */
    public Path report(String runId) { return new Path(run(runId), "report.md"); }
    public Path rejects() { return new Path(root, "rejects"); }
    public Path run(String runId) { return new Path(root, "_runs/" + runId); }
    public Path manifest(String runId) { return new Path(run(runId), "manifest.json"); }
    public Path ingestedFiles() { return new Path(root, "_state/ingested_files.json"); }
    public Path staging(String runId) { return new Path(root, "_staging/" + runId); }

    public FileSystem fs() {
        try {
            return root.getFileSystem(conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a small text file atomically: to a temporary name, then renamed over the target. On
     * local file systems the rename replaces the target in one step (rename(2)); where a rename
     * cannot replace (HDFS), the target is deleted first.
     */
    public void writeText(Path target, String text) throws IOException {
        FileSystem fs = fs();
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
        fs.mkdirs(target.getParent());
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        if (fs.rename(tmp, target)) return;
        if (fs.exists(target)) fs.delete(target, false);
        if (!fs.rename(tmp, target)) throw new IOException("could not rename " + tmp + " to " + target);
    }

    /** Reads a small text file, or null when it does not exist. */
    public String readText(Path path) throws IOException {
        FileSystem fs = fs();
        if (!fs.exists(path)) return null;
        try (var in = fs.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
