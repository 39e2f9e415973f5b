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
 * &lt;warehouse&gt;/marts/&lt;table&gt;/*.parquet                        marts for analysts and BI tools
 * &lt;warehouse&gt;/rejects/run_id=&lt;run&gt;/*.parquet                 rejected rows of each run
 * &lt;warehouse&gt;/_runs/&lt;run&gt;/manifest.json                      what each run read and wrote
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
    public Path mart(String table) { return new Path(root, "marts/" + table); }
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

    /** Writes a small text file atomically: to a temporary name, then renamed over the target. */
    public void writeText(Path target, String text) throws IOException {
        FileSystem fs = fs();
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
        fs.mkdirs(target.getParent());
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
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
