package uk.nhs.stp.ingest.ae;

import uk.nhs.stp.ingest.read.Cells;
import uk.nhs.stp.ingest.read.CsvHeader;
import uk.nhs.stp.ingest.read.CsvReturnFormat;
import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.source.CsvReader;
import uk.nhs.stp.ingest.source.CsvRecord;
import uk.nhs.stp.ingest.source.FileRejectedException;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The NHS-R tidy A&E history (contract {@code inputs/ae_nhsr_tidy_csv.json}) into
 * {@code conformed/ae_attendances}.
 *
 * <p>Input: one line per month, organisation and department type ({@code 1}, {@code 2},
 * {@code other}) with attendances, breaches (over four hours) and admissions (emergency
 * admissions via A&E); many months per file. Output grain: one row per month and
 * {@code org_code}, the type lines pivoted into the type columns; a type without a line stays
 * null, and columns this source lacks (booked, decision-to-admit, other admissions) are null.
 *
 * <p>Phase 1 reads every line, rejecting those whose period or type cannot be read, and groups
 * the rest by month and organisation. Phase 2 turns each group into one row starting at the
 * group's first line and accepts it with the group's other lines, which share its fate. A group
 * holding the same type twice is rejected whole: the repeated lines as {@code duplicate_key},
 * the others as {@code incomplete_row}; so is a group with a line of unknown type (that line as
 * {@code allowed_values}, the others as {@code incomplete_row}), since its row would silently lack
 * that line's figures.
 */
public final class AeNhsrTidyCsv extends CsvReturnFormat {
    private static final long serialVersionUID = 1L;

    static final String CONTRACT = "ae_nhsr_tidy_csv";

    /** Conformed column suffix of each published department type. */
    private static final Map<String, String> TYPE_SUFFIX = Map.of("1", "type_1_count", "2", "type_2_count",
            "other", "other_count");

    public AeNhsrTidyCsv() {
        super(CONTRACT, false);
    }

    @Override
    protected void readRecords(CsvHeader header, CsvReader csv, FileParse parse)
            throws IOException, FileRejectedException {
        Map<String, List<Line>> groups = new LinkedHashMap<>();
        List<String> types = contract().columnForHeader("type").allowed();
        CsvRecord r;
        while ((r = parse.nextDataRecord(csv)) != null) {
            Line line = readLine(parse, header, r, types);
            if (line == null) continue;
            groups.computeIfAbsent(line.month + "|" + line.org, k -> new ArrayList<>(3)).add(line);
        }
        for (List<Line> group : groups.values()) emit(parse, group, types);
    }

    /** Phase 1: one line's cells, or null when the line was rejected for its period. */
    private static Line readLine(FileParse parse, CsvHeader header, CsvRecord r, List<String> types) {
        String period = Cells.clean(header.get(r, "period"));
        LocalDate month;
        try {
            month = LocalDate.parse(period);
        } catch (DateTimeParseException e) {
            parse.reject(r.line(), "period", period, "type", "period '" + period + "' is not a date YYYY-MM-DD");
            return null;
        }
        if (month.getDayOfMonth() != 1) {
            parse.reject(r.line(), "period", period, "type", "period " + period + " is not the first day of a month");
            return null;
        }
        String org = Cells.clean(header.get(r, "org_code")).toUpperCase(Locale.ROOT);
        String type = Cells.clean(header.get(r, "type")).toLowerCase(Locale.ROOT);
        return new Line(r.line(), month, period, org, types.contains(type) ? type : null, header.get(r, "type"),
                header.get(r, "attendances"), header.get(r, "breaches"), header.get(r, "admissions"));
    }

    /** Phase 2: one group of lines becomes one accepted row, or every line of it is rejected. */
    private static void emit(FileParse parse, List<Line> group, List<String> types) {
        Line first = group.get(0);
        String what = "org_code " + first.org + ", period " + first.period;
        List<Long> unknownType = new ArrayList<>();
        for (Line l : group) if (l.type == null) unknownType.add(l.number);
        if (!unknownType.isEmpty()) {
            for (Line l : group) {
                if (l.type == null) {
                    parse.reject(l.number, "type", l.rawType, "allowed_values", "type '" + Cells.clean(l.rawType)
                            + "' is not one of " + types);
                } else {
                    parse.reject(l.number, null, l.rawType, "incomplete_row", what + " cannot be built without line(s) "
                            + unknownType + ", whose type is not one of " + types);
                }
            }
            return;
        }
        Map<String, List<Long>> linesByType = new LinkedHashMap<>();
        for (Line l : group) linesByType.computeIfAbsent(l.type, k -> new ArrayList<>()).add(l.number);
        if (linesByType.size() < group.size()) {
            rejectRepeatedTypes(parse, group, linesByType, what);
            return;
        }
        OutputRow row = parse.newRow(first.number)
                .set("month", first.month)
                .text("period_label", first.period)
                .code("org_code", first.org);
        long[] others = new long[group.size() - 1];
        for (int i = 0; i < group.size(); i++) {
            Line l = group.get(i);
            String suffix = TYPE_SUFFIX.get(l.type);
            row.count("attendances_" + suffix, l.attendances, Cells.Blank.REQUIRED)
                    .count("over_4h_" + suffix, l.breaches, Cells.Blank.REQUIRED)
                    .count("emergency_admissions_" + suffix, l.admissions, Cells.Blank.REQUIRED);
            if (i > 0) others[i - 1] = l.number;
        }
        parse.accept(row, others);
    }

    private static void rejectRepeatedTypes(FileParse parse, List<Line> group, Map<String, List<Long>> linesByType,
                                            String what) {
        for (Line l : group) {
            List<Long> same = linesByType.get(l.type);
            if (same.size() > 1) {
                parse.reject(l.number, "type", l.type, "duplicate_key", what + ", type " + l.type + " appears on lines "
                        + same + "; all are rejected until the file is corrected");
            } else {
                parse.reject(l.number, null, l.type, "incomplete_row", what + " cannot be built while one of its "
                        + "types appears on several lines");
            }
        }
    }

    /** One published line, its counts still as text. */
    private record Line(long number, LocalDate month, String period, String org, String type, String rawType,
                        String attendances, String breaches, String admissions) { }
}
