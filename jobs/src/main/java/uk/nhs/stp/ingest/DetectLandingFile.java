package uk.nhs.stp.ingest;

import org.apache.spark.util.SerializableConfiguration;
import uk.nhs.stp.ingest.read.ReturnFormat;
import uk.nhs.stp.ingest.read.ReturnFormats;
import uk.nhs.stp.ingest.source.FileRejectedException;
import uk.nhs.stp.ingest.source.SourceContent;
import uk.nhs.stp.io.HadoopSourceFile;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Phase 1 of an ingest, run on an executor per file: the file's SHA-256 and which published
 * shape it is (from its content, never its name). Cheap: one streaming read for the checksum
 * and a look at the first lines.
 */
final class DetectLandingFile {
    private DetectLandingFile() { }

    static FileOutcome detect(LandingFile file, SerializableConfiguration conf) {
        HadoopSourceFile source = new HadoopSourceFile(file.path(), conf);
        FileOutcome base = new FileOutcome(file.path(), file.sizeBytes(), file.modified(), null, null, null, null,
                null, null, List.of(), java.util.Map.of(), 0, 0, 0, 0, null, List.of(), null, null);
        String sha;
        try {
            sha = sha256(source);
        } catch (IOException e) {
            return base.withStatus(FileOutcome.FAILED, "io", "cannot be read: " + e.getMessage());
        }
        base = new FileOutcome(file.path(), file.sizeBytes(), file.modified(), sha, null, null, null, null, null,
                List.of(), java.util.Map.of(), 0, 0, 0, 0, null, List.of(), null, null);
        try {
            SourceContent content = SourceContent.open(source);
            ReturnFormat format = ReturnFormats.detect(content);
            return new FileOutcome(file.path(), file.sizeBytes(), file.modified(), sha, content.zipEntry(),
                    format.contract().returnName(), format.contract().name(), format.contract().table(), null,
                    List.of(), java.util.Map.of(), 0, 0, 0, 0, null, List.of(), null, null);
        } catch (FileRejectedException e) {
            return base.withStatus(FileOutcome.REJECTED, e.rule(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            return base.withStatus(FileOutcome.FAILED, "internal", "could not be examined: " + e);
        }
    }

    static String sha256(HadoopSourceFile source) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = source.open()) {
            int n;
            while ((n = in.read(buf)) > 0) digest.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
