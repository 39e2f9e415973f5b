package uk.nhs.stp.ingest.read;

import uk.nhs.stp.contract.ColumnSpec;
import uk.nhs.stp.contract.Headers;
import uk.nhs.stp.contract.InputContract;
import uk.nhs.stp.ingest.source.CsvReader;
import uk.nhs.stp.ingest.source.CsvRecord;
import uk.nhs.stp.ingest.source.FileRejectedException;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header row of a published CSV, mapped onto an input contract's columns through their
 * header aliases. Lines above the header (titles, notes) are tolerated and are not rows.
 */
public final class CsvHeader {
    /** Share of an input contract's required columns a line must name to be taken as its header. */
    public static final double RECOGNITION_SHARE = 0.6;

    private final long line;
    private final String[] names;
    private final Map<String, Integer> byColumn;

    private CsvHeader(long line, String[] names, Map<String, Integer> byColumn) {
        this.line = line;
        this.names = names;
        this.byColumn = byColumn;
    }

    /**
     * Share (0–1) of the contract's required columns named in {@code line}; used to recognise a
     * return from the first lines of a file.
     */
    public static double share(String line, InputContract contract) {
        String[] fields = split(line);
        int required = 0;
        int found = 0;
        Map<String, Integer> map = map(fields, contract);
        for (ColumnSpec c : contract.columns()) {
            if (c.nullable()) continue;
            required++;
            if (map.containsKey(c.name())) found++;
        }
        return required == 0 ? 0 : (double) found / required;
    }

    /** True when one of the preview lines is this contract's header. */
    public static boolean recognised(List<String> previewLines, InputContract contract) {
        for (String l : previewLines) {
            if (share(l, contract) >= RECOGNITION_SHARE) return true;
        }
        return false;
    }

    /**
     * Reads records up to and including the header: the first record naming at least
     * {@link #RECOGNITION_SHARE} of the required columns. Fails the file when no such line is in
     * the first {@code maxPreamble} records, or when required columns are missing.
     */
    public static CsvHeader read(CsvReader csv, InputContract contract, int maxPreamble)
            throws IOException, FileRejectedException {
        CsvRecord r;
        int seen = 0;
        while ((r = csv.next()) != null && seen++ < maxPreamble) {
            if (r.isBlank()) continue;
            String joined = String.join(",", quoteAll(r.fields()));
            if (share(joined, contract) < RECOGNITION_SHARE) continue;
            Map<String, Integer> map = map(r.fields(), contract);
            List<String> missing = new ArrayList<>();
            for (ColumnSpec c : contract.columns()) {
                if (!c.nullable() && !map.containsKey(c.name())) missing.add(c.name());
            }
            if (!missing.isEmpty()) {
                throw new FileRejectedException("missing_columns", "looks like " + contract.description()
                        + " but lacks required column(s) " + String.join(", ", missing) + " (header on line "
                        + r.line() + ")");
            }
            return new CsvHeader(r.line(), r.fields(), map);
        }
        throw new FileRejectedException("not_a_return", "has no header row of " + contract.description());
    }

    private static String[] quoteAll(String[] fields) {
        String[] out = new String[fields.length];
        for (int i = 0; i < fields.length; i++) out[i] = '"' + fields[i].replace("\"", "\"\"") + '"';
        return out;
    }

    private static Map<String, Integer> map(String[] fields, InputContract contract) {
        Map<String, Integer> out = new HashMap<>();
        // the contract's headers normalised once per row, not once per field: an RTT header row
        // has about 120 fields and the contract as many headers and aliases
        Map<String, ColumnSpec> byHeader = contract.columnsByHeader();
        for (int i = 0; i < fields.length; i++) {
            ColumnSpec c = byHeader.get(Headers.normalise(fields[i]));
            if (c != null) out.putIfAbsent(c.name(), i);
        }
        return out;
    }

    /** The fields of one line of CSV text (quotes honoured); empty when the line cannot be read. */
    public static String[] split(String line) {
        try (CsvReader r = new CsvReader(new StringReader(line))) {
            CsvRecord rec = r.next();
            return rec == null ? new String[0] : rec.fields();
        } catch (IOException | FileRejectedException e) {
            return new String[0];
        }
    }

    /** Physical line of the header. */
    public long line() { return line; }

    /** Number of fields in the header. */
    public int width() { return names.length; }

    /** The published header names, as written. */
    public String[] names() { return names.clone(); }

    /** Index of the field for an input-contract column (by canonical name), or -1 when absent. */
    public int index(String contractColumn) {
        Integer i = byColumn.get(contractColumn);
        return i == null ? -1 : i;
    }

    /** The field of {@code record} for an input-contract column, or null when the column is absent. */
    public String get(CsvRecord record, String contractColumn) {
        int i = index(contractColumn);
        return i < 0 ? null : record.field(i);
    }

    /** Header text of field {@code i}, for reject messages. */
    public String name(int i) { return Headers.normalise(names[i]).isEmpty() ? "column " + (i + 1) : names[i].trim(); }
}
