package uk.nhs.stp.ingest.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A source file on the local disk; used by tests and by the readers' own unit tests. */
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
