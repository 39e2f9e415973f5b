package uk.nhs.stp.ingest.rtt;

import uk.nhs.stp.contract.Headers;
import uk.nhs.stp.ingest.source.FileRejectedException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The weekly band columns of an RTT full extract header: {@code Gt 00 To 01 Weeks SUM 1},
 * {@code Gt 01 To 02 Weeks SUM 1}, … then one open-ended {@code Gt N Weeks SUM 1}. The number
 * of bands varies by year (the open band starts at 52 weeks in older files, 104 in 2026), so the
 * bands are found by pattern once per file and must run without a gap from 0 weeks.
 */
final class RttBandColumns {
    private static final Pattern BOUNDED = Pattern.compile("gt (\\d{1,3}) to (\\d{1,3}) weeks( sum 1)?");
    private static final Pattern OPEN = Pattern.compile("gt (\\d{1,3}) weeks( sum 1)?");

    private final int[] fields;
    private final String[] headers;

    private RttBandColumns(int[] fields, String[] headers) {
        this.fields = fields;
        this.headers = headers;
    }

    /**
     * Finds the bands in a header row.
     *
     * @throws FileRejectedException {@code missing_columns} when there is no band column,
     *                               {@code bad_bands} when the bands do not run 0–1, 1–2, … and end
     *                               with one open-ended band
     */
    static RttBandColumns find(String[] names) throws FileRejectedException {
        List<Integer> fields = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        boolean open = false;
        for (int i = 0; i < names.length; i++) {
            String h = Headers.normalise(names[i]);
            Matcher bounded = BOUNDED.matcher(h);
            Matcher openBand = OPEN.matcher(h);
            boolean isBounded = bounded.matches();
            if (!isBounded && !openBand.matches()) continue;
            int expected = fields.size();
            String published = names[i].trim();
            if (open) {
                throw bad("'" + published + "' (column " + (i + 1) + ") comes after the open-ended band '"
                        + headers.get(headers.size() - 1) + "'");
            }
            int from = Integer.parseInt(isBounded ? bounded.group(1) : openBand.group(1));
            int to = isBounded ? Integer.parseInt(bounded.group(2)) : -1;
            if (from != expected || (isBounded && to != expected + 1)) {
                throw bad("expected " + (isBounded ? label(expected) : "'Gt " + pad(expected) + " Weeks SUM 1'")
                        + " at column " + (i + 1) + " but found '" + published + "'");
            }
            open = !isBounded;
            fields.add(i);
            headers.add(published);
        }
        if (fields.isEmpty()) {
            throw new FileRejectedException("missing_columns", "looks like the RTT full extract but has no weekly "
                    + "band columns ('Gt 00 To 01 Weeks SUM 1' …); land the file as published");
        }
        if (!open) {
            throw bad("the bands end at '" + headers.get(headers.size() - 1) + "' without the open-ended 'Gt "
                    + pad(fields.size()) + " Weeks SUM 1'");
        }
        return new RttBandColumns(fields.stream().mapToInt(Integer::intValue).toArray(),
                headers.toArray(new String[0]));
    }

    private static FileRejectedException bad(String detail) {
        return new FileRejectedException("bad_bands", "has weekly band columns that are not contiguous from 0 weeks: "
                + detail + "; the header looks damaged, land the file as published");
    }

    private static String label(int from) {
        return "'Gt " + pad(from) + " To " + pad(from + 1) + " Weeks SUM 1'";
    }

    private static String pad(int weeks) {
        return weeks < 10 ? "0" + weeks : Integer.toString(weeks);
    }

    /** Number of bands, the open-ended one included. */
    int count() { return fields.length; }

    /** N of the last, open-ended band {@code Gt N Weeks SUM 1}. */
    int openBandFromWeeks() { return fields.length - 1; }

    /** Field index of band {@code b} (0-based: band b counts waits of more than b and up to b+1 weeks). */
    int field(int b) { return fields[b]; }

    /** The published header of band {@code b}, for reject messages. */
    String header(int b) { return headers[b]; }
}
