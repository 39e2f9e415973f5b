package uk.nhs.stp.ingest.rtt;

import uk.nhs.stp.ingest.read.Cells;
import uk.nhs.stp.ingest.read.CsvHeader;
import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.source.CsvRecord;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns one record of an RTT full extract into an {@code rtt_pathways} row. Nearly every one of
 * the 120-odd cells of a record is a band count written as plain digits or left blank, so those
 * are read by a digit loop; anything else (separators, markers, signs, text) goes through
 * {@link Cells}, whose rules and messages apply unchanged.
 */
final class RttRowBuilder {
    private static final int WITHIN_WEEKS = 18;
    private static final int LONG_WAIT_WEEKS = 52;
    private static final String NEW_PERIODS = "Part_3";
    private static final String COMPLETED_ADMITTED = "Part_1A";
    private static final String COMPLETED_NON_ADMITTED = "Part_1B";
    /** Longest digit run that always fits a long. */
    private static final int MAX_DIGITS = 18;

    private final CsvHeader header;
    private final RttBandColumns bands;
    private final Integer openBandFrom;
    private final int period;
    private final int providerParentCode;
    private final int providerParentName;
    private final int providerCode;
    private final int providerName;
    private final int commissionerParentCode;
    private final int commissionerParentName;
    private final int commissionerCode;
    private final int commissionerName;
    private final int partType;
    private final int partDescription;
    private final int treatmentFunctionCode;
    private final int treatmentFunctionName;
    private final int total;
    private final int unknownClockStart;
    private final int totalAll;
    /**
     * One copy of each descriptive value: the same names repeat on thousands of rows, all held in
     * memory until the file is finished. Rows come sorted by provider, commissioner and part, so
     * the previous row's value (by field) is tried before the map.
     */
    private final Map<String, String> shared = new HashMap<>();
    private final String[] previous;
    private String lastLabel;
    private LocalDate lastMonth;

    RttRowBuilder(CsvHeader header, RttBandColumns bands) {
        this.header = header;
        this.bands = bands;
        this.openBandFrom = bands.openBandFromWeeks();
        period = header.index("Period");
        providerParentCode = header.index("Provider Parent Org Code");
        providerParentName = header.index("Provider Parent Name");
        providerCode = header.index("Provider Org Code");
        providerName = header.index("Provider Org Name");
        commissionerParentCode = header.index("Commissioner Parent Org Code");
        commissionerParentName = header.index("Commissioner Parent Name");
        commissionerCode = header.index("Commissioner Org Code");
        commissionerName = header.index("Commissioner Org Name");
        partType = header.index("RTT Part Type");
        partDescription = header.index("RTT Part Description");
        treatmentFunctionCode = header.index("Treatment Function Code");
        treatmentFunctionName = header.index("Treatment Function Name");
        total = header.index("Total");
        unknownClockStart = header.index("Patients with unknown clock start date");
        totalAll = header.index("Total All");
        previous = new String[header.width()];
    }

    /** The conformed row of {@code r}; unreadable cells are problems on the row. */
    OutputRow build(CsvRecord r, FileParse parse) {
        OutputRow row = parse.newRow(r.line());
        String label = Cells.clean(field(r, period));
        row.set("month", month(row, label));
        row.text("period_label", label);
        row.code("provider_parent_org_code", field(r, providerParentCode));
        row.text("provider_parent_name", field(r, providerParentName));
        row.code("provider_org_code", field(r, providerCode));
        row.text("provider_org_name", field(r, providerName));
        row.code("commissioner_parent_org_code", field(r, commissionerParentCode));
        row.text("commissioner_parent_name", field(r, commissionerParentName));
        row.code("commissioner_org_code", field(r, commissionerCode));
        row.text("commissioner_org_name", field(r, commissionerName));
        row.text("rtt_part_type", field(r, partType));
        row.text("rtt_part_description", field(r, partDescription));
        row.code("treatment_function_code", field(r, treatmentFunctionCode));
        row.text("treatment_function_name", field(r, treatmentFunctionName));

        long[] counts = new long[bands.count()];
        boolean anyWait = false;
        for (int b = 0; b < counts.length; b++) {
            counts[b] = band(row, r, b);
            anyWait |= counts[b] != 0;
        }
        // New periods (Part_3) publish no waits: their blank bands are "not applicable", kept as null
        row.set("weeks_band_counts", NEW_PERIODS.equals(Cells.clean(field(r, partType))) && !anyWait ? null : counts);
        row.set("open_band_from_weeks", openBandFrom);

        String part = (String) row.get("rtt_part_type");
        boolean completed = COMPLETED_ADMITTED.equals(part) || COMPLETED_NON_ADMITTED.equals(part);
        // Total and unknown clock start exist only for completed pathways; elsewhere blank is "not published".
        Cells.Blank partTotals = completed ? Cells.Blank.ZERO : Cells.Blank.NULL;
        row.set("total_count", count(row, r, total, partTotals, "total_count"));
        row.set("unknown_clock_start_count", count(row, r, unknownClockStart, partTotals, "unknown_clock_start_count"));
        row.set("total_all_count", count(row, r, totalAll, Cells.Blank.ZERO, "total_all_count"));

        boolean hasWaits = !NEW_PERIODS.equals(part);
        if (hasWaits && openBandFrom >= WITHIN_WEEKS) row.set("within_18_weeks_count", sum(counts, 0, WITHIN_WEEKS));
        if (hasWaits && openBandFrom >= LONG_WAIT_WEEKS) {
            row.set("over_52_weeks_count", sum(counts, LONG_WAIT_WEEKS, counts.length));
        }
        return row;
    }

    private LocalDate month(OutputRow row, String label) {
        if (!label.equals(lastLabel)) {
            lastLabel = label;
            lastMonth = RttPeriod.month(label);
        }
        if (lastMonth == null) {
            row.problem(header.name(period), label, "type", header.name(period) + ": '" + label
                    + "' is not an RTT month such as RTT-April-2026");
        }
        return lastMonth;
    }

    private String field(CsvRecord r, int i) {
        if (i < 0) return null;
        String s = r.field(i);
        if (s.equals(previous[i])) return previous[i];
        String first = shared.putIfAbsent(s, s);
        previous[i] = first == null ? s : first;
        return previous[i];
    }

    private long band(OutputRow row, CsvRecord r, int b) {
        String raw = r.field(bands.field(b));
        long v = plainCount(raw);
        if (v >= 0) return v;
        Cells.Parsed p = Cells.count(raw, Cells.Blank.ZERO);
        String column = bands.header(b);
        if (p.isProblem()) {
            row.problem(column, raw, p.problemRule(), column + ": " + p.problemReason());
        } else if (p.value() == null || p.flag() != null) {
            row.problem(column, raw, "type", column + ": '" + Cells.clean(raw)
                    + "' is not a count; weekly band counts are published as whole numbers or blank (zero)");
        } else {
            return (Long) p.value();
        }
        return 0;
    }

    /** A total cell; blank follows {@code blank}, a marker is null with a flag on {@code column}. */
    private Long count(OutputRow row, CsvRecord r, int field, Cells.Blank blank, String column) {
        if (field < 0) return null;
        String raw = r.field(field);
        if (raw.isEmpty()) return blank == Cells.Blank.ZERO ? 0L : null;
        long v = plainCount(raw);
        if (v >= 0) return v;
        Cells.Parsed p = Cells.count(raw, blank);
        if (p.isProblem()) {
            row.problem(header.name(field), raw, p.problemRule(), header.name(field) + ": " + p.problemReason());
            return null;
        }
        if (p.flag() != null) row.flag(p.flag(), column, p.flagDetail());
        return (Long) p.value();
    }

    /** The value of a blank (0) or plain-digit cell, or -1 when the cell needs {@link Cells}. */
    private static long plainCount(String s) {
        int n = s.length();
        if (n > MAX_DIGITS) return -1;
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static long sum(long[] counts, int from, int to) {
        long s = 0;
        for (int i = from; i < to; i++) s += counts[i];
        return s;
    }
}
