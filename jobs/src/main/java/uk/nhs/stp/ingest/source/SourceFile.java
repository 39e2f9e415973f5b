package uk.nhs.stp.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/**
 * A landing file as raw bytes. Implementations open it through Hadoop's FileSystem (so a task on
 * any executor can read it) or, in tests, from the local disk.
 */
public interface SourceFile extends Serializable {

    /** The file's path as given to the command (a Hadoop URI string). */
    String path();

    /** A fresh stream over the file's bytes; the caller closes it. */
    InputStream open() throws IOException;

    /** File name without folders, for messages. */
    default String name() {
        String p = path();
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }
}
