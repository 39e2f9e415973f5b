package uk.nhs.stp.generate;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The output folder, on any Hadoop file system ({@code file:}, {@code hdfs:}, {@code s3a:} …).
 * Files are overwritten; no checksum side files are written, so the folder holds only the returns.
 */
final class OutputTree implements Closeable {

    /** Writes a CSV's content. */
    interface CsvBody {
        void write(CsvWriter csv) throws IOException;
    }

    private final Path root;
    private final FileSystem fs;
    private final List<GeneratedFile> files = new ArrayList<>();

    OutputTree(String outDir) throws IOException {
        this.root = new Path(outDir);
        // a private instance: switching checksums off must not change the cached one Spark shares
        this.fs = FileSystem.newInstance(root.toUri(), new Configuration());
        this.fs.setWriteChecksum(false);
    }

    /** Writes a plain CSV at {@code relative}; {@code bom} starts it with a byte-order mark. */
    void csv(String relative, String kind, boolean bom, CsvBody body) throws IOException {
        try (OutputStream out = fs.create(new Path(root, relative), true)) {
            CsvWriter csv = new CsvWriter(out, bom);
            body.write(csv);
            csv.flush();
            files.add(new GeneratedFile(relative, kind, csv.dataRows()));
        }
    }

    /**
     * Writes a zip archive at {@code relative} (ending {@code .zip}) holding one CSV entry named as the
     * archive without {@code .zip}; {@code stamp} is the entry's time, fixed so the bytes are repeatable.
     */
    void zippedCsv(String relative, String kind, LocalDateTime stamp, CsvBody body) throws IOException {
        if (!relative.endsWith(".zip")) throw new IllegalArgumentException("zip path must end .zip: " + relative);
        String entryName = new Path(relative).getName().replaceFirst("\\.zip$", "");
        try (ZipOutputStream zip = new ZipOutputStream(fs.create(new Path(root, relative), true))) {
            ZipEntry entry = new ZipEntry(entryName);
            entry.setTimeLocal(stamp);
            zip.putNextEntry(entry);
            CsvWriter csv = new CsvWriter(zip, false);
            body.write(csv);
            csv.flush();
            zip.closeEntry();
            files.add(new GeneratedFile(relative, kind, csv.dataRows()));
        }
    }

    /** Files written so far. */
    List<GeneratedFile> files() { return files; }

    @Override
    public void close() throws IOException {
        fs.close();
    }
}
