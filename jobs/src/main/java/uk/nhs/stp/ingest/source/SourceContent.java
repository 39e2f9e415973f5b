package uk.nhs.stp.ingest.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Opens a landing file for reading as what it really is: plain text, a zip archive holding one
 * CSV (macOS {@code __MACOSX} entries ignored), or an XLSX workbook. Text is UTF-8, with or
 * without a byte-order mark; anything else is rejected with a message saying how to fix it.
 */
public final class SourceContent {
    private static final int SNIFF_BYTES = 8192;
    private static final int PREVIEW_LINES = 40;

    private final SourceFile file;
    private final ContentKind kind;
    private final String zipEntry;
    private final List<String> previewLines;

    private SourceContent(SourceFile file, ContentKind kind, String zipEntry, List<String> previewLines) {
        this.file = file;
        this.kind = kind;
        this.zipEntry = zipEntry;
        this.previewLines = previewLines;
    }

    /** Sniffs the file: reads its first bytes (and a zip's entry names) once. */
    public static SourceContent open(SourceFile file) throws IOException, FileRejectedException {
        byte[] head;
        try (InputStream in = file.open()) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        if (head.length == 0) throw new FileRejectedException("empty", "is empty (0 bytes)");
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return openZip(file);
        }
        rejectNonUtf8(head);
        SourceContent content = new SourceContent(file, ContentKind.TEXT, null, List.of());
        return new SourceContent(file, ContentKind.TEXT, null, content.readPreview());
    }

    private static void rejectNonUtf8(byte[] head) throws FileRejectedException {
        if (head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            throw new FileRejectedException("encoding",
                    "is UTF-16 encoded; save it as UTF-8 (CSV UTF-8 in Excel) and land it again");
        }
        for (byte b : head) {
            if (b == 0) {
                throw new FileRejectedException("binary",
                        "is a binary file, not a CSV return or workbook (it contains NUL bytes)");
            }
        }
    }

    private static SourceContent openZip(SourceFile file) throws IOException, FileRejectedException {
        List<String> csvEntries = new ArrayList<>();
        boolean workbook = false;
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(file.open())) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                names.add(name);
                if (name.startsWith("xl/") || name.equals("[Content_Types].xml")) workbook = true;
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (!e.isDirectory() && !name.startsWith("__MACOSX/") && !base.startsWith("._")
                        && base.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    csvEntries.add(name);
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new FileRejectedException("truncated",
                    "is a damaged or truncated zip archive (" + e.getMessage() + "); land a complete copy");
        }
        if (workbook) {
            if (!names.contains("xl/workbook.xml")) {
                throw new FileRejectedException("not_a_return",
                        "is an Office file but not an Excel workbook (no xl/workbook.xml)");
            }
            return new SourceContent(file, ContentKind.XLSX, null, List.of());
        }
        if (csvEntries.isEmpty()) {
            throw new FileRejectedException("zip_without_csv",
                    "is a zip archive with no CSV file in it (entries: " + String.join(", ", names) + ")");
        }
        if (csvEntries.size() > 1) {
            throw new FileRejectedException("zip_many_csv",
                    "is a zip archive holding " + csvEntries.size() + " CSV files (" + String.join(", ", csvEntries)
                            + "); land one return per zip or unzip them into the landing folder");
        }
        SourceContent shell = new SourceContent(file, ContentKind.TEXT, csvEntries.get(0), List.of());
        try (InputStream in = shell.openBytes()) {
            rejectNonUtf8(in.readNBytes(SNIFF_BYTES));
        }
        return new SourceContent(file, ContentKind.TEXT, csvEntries.get(0), shell.readPreview());
    }

    public SourceFile file() { return file; }
    public ContentKind kind() { return kind; }

    /** The CSV entry read from a zip archive, or null for a plain file. */
    public String zipEntry() { return zipEntry; }

    /** The first lines of a text file (BOM removed, line endings removed), for recognition. */
    public List<String> previewLines() { return previewLines; }

    /**
     * The raw bytes: for a zip, those of its CSV entry; for a workbook, the workbook itself.
     * The caller closes the stream.
     */
    public InputStream openBytes() throws IOException {
        if (zipEntry == null) return file.open();
        ZipInputStream zip = new ZipInputStream(file.open());
        ZipEntry e;
        while ((e = zip.getNextEntry()) != null) {
            if (e.getName().equals(zipEntry)) return zip;
        }
        zip.close();
        throw new IOException("zip entry " + zipEntry + " vanished from " + file.path());
    }

    /** UTF-8 text with any byte-order mark removed; malformed bytes fail the read. */
    public Reader openText() throws IOException {
        PushbackInputStream in = new PushbackInputStream(openBytes(), 3);
        byte[] bom = new byte[3];
        int n = in.readNBytes(bom, 0, 3);
        boolean hasBom = n == 3 && bom[0] == (byte) 0xEF && bom[1] == (byte) 0xBB && bom[2] == (byte) 0xBF;
        if (!hasBom && n > 0) in.unread(bom, 0, n);
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** A CSV reader over the text. */
    public CsvReader openCsv() throws IOException {
        return new CsvReader(openText());
    }

    private List<String> readPreview() throws IOException, FileRejectedException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(openText())) {
            String l;
            while (lines.size() < PREVIEW_LINES && (l = r.readLine()) != null) lines.add(l);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new FileRejectedException("encoding",
                    "is not valid UTF-8 text (bad bytes in its first lines); save it as UTF-8 and land it again");
        }
        return lines;
    }
}
