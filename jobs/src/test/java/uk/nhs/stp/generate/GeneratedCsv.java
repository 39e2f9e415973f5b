package uk.nhs.stp.generate;

import uk.nhs.stp.ingest.source.CsvReader;
import uk.nhs.stp.ingest.source.CsvRecord;
import uk.nhs.stp.ingest.source.FileRejectedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Test-side access to a generated file: its raw bytes (unzipped when zipped) and its CSV records. */
final class GeneratedCsv {
    private GeneratedCsv() { }

    /** The CSV bytes: the file itself, or the single entry of a {@code .zip}. */
    static byte[] bytes(Path file) throws IOException {
        if (!file.toString().endsWith(".zip")) return Files.readAllBytes(file);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry e = zip.getNextEntry();
            if (e == null) throw new IOException("empty zip " + file);
            return zip.readAllBytes();
        }
    }

    /** Every record, header first, fields unquoted and untrimmed; a leading BOM is dropped. */
    static List<String[]> records(Path file) throws IOException {
        byte[] b = bytes(file);
        int start = b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF ? 3 : 0;
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = new java.io.ByteArrayInputStream(b, start, b.length - start);
             CsvReader csv = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            CsvRecord r;
            while ((r = csv.next()) != null) rows.add(r.fields());
        } catch (FileRejectedException e) {
            throw new IOException(e.getMessage(), e);
        }
        return rows;
    }

    /** The first line of a file, without its line ending and BOM. */
    static String firstLine(byte[] b) {
        String text = new String(b, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        int end = text.indexOf('\r');
        return end < 0 ? text : text.substring(0, end);
    }

    /** SHA-256 of every file under {@code root}, by path relative to it ({@code /}-separated), sorted. */
    static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                byte[] digest = sha256().digest(Files.readAllBytes(f));
                hashes.put(root.relativize(f).toString().replace('\\', '/'), HexFormat.of().formatHex(digest));
            }
        }
        return hashes;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A blank cell counts as zero, as the publications use it. */
    static long num(String cell) {
        return cell.isEmpty() ? 0 : Long.parseLong(cell);
    }
}
