package uk.nhs.stp.io;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.util.SerializableConfiguration;
import uk.nhs.stp.ingest.source.SourceFile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A landing file read through Hadoop's FileSystem, so any executor can open it (file:, hdfs:, s3a:). */
public final class HadoopSourceFile implements SourceFile {
    private final String path;
    private final SerializableConfiguration conf;

    public HadoopSourceFile(String path, SerializableConfiguration conf) {
        this.path = path;
        this.conf = conf;
    }

    @Override
    public String path() { return path; }

    @Override
    public InputStream open() throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(conf.value());
        return new BufferedInputStream(fs.open(p), 1 << 16);
    }
}
