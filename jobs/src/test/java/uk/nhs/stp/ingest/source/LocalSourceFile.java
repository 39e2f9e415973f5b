package uk.nhs.stp.ingest.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A source file on the local disk, for the readers' unit tests. The application itself reads every
 * source through Hadoop's file system ({@link uk.nhs.stp.io.HadoopSourceFile}).
 */
public final class LocalSourceFile implements SourceFile {
    private final String path;

    public LocalSourceFile(Path path) {
        this.path = path.toAbsolutePath().toString();
    }

    @Override
    public String path() { return path; }

    @Override
    public InputStream open() throws IOException {
        return new BufferedInputStream(Files.newInputStream(Path.of(path)), 1 << 16);
    }
}
