package uk.nhs.stp.ingest;

import java.io.Serializable;

/** A file found under the landing folder. */
public record LandingFile(String path, long sizeBytes, String modified, long modifiedMillis) implements Serializable {
}
