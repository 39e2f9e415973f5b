package uk.nhs.stp.ingest.ae;

import uk.nhs.stp.contract.ColumnSpec;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.contract.InputContract;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The monthly A&E Attendances and Emergency Admissions provider CSV (contract
 * {@code inputs/ae_monthly_provider_csv.json}) into {@code conformed/ae_attendances}.
 *
 * <p>Input: one month, one line per provider or site; the 22-column header of the 2020s or an
 * older spelling of it (aliases), booked-appointment, decision-to-admit and admission columns
 * optional. Output grain: one row per month and {@code org_code}.
 *
 * <ul>
 *   <li>{@code Period} {@code MSitAE-APRIL-2025} becomes {@code month} 2025-04-01; a period that
 *       cannot be read rejects the line (rule {@code type}).</li>
 *   <li>The line whose {@code Org Code} is {@code TOTAL} (spaces ignored) is the control row; it
 *       takes the month of the file's rows. A second {@code TOTAL} line is rejected
 *       ({@code duplicate_total}). The accepted rows' column sums are reconciled against the
 *       control row ({@code control_total_mismatch} warnings); a file without one gets a
 *       {@code control_total_missing} warning.</li>
 *   <li>Older files published decision-to-admit waits over 4 and over 12 hours; the 4–12 hour
 *       count is their difference, flagged {@code derived:dta_4_to_12h_count}.</li>
 * </ul>
 */
public final class AeMonthlyProviderCsv extends CsvReturnFormat {
    private static final long serialVersionUID = 1L;

    static final String CONTRACT = "ae_monthly_provider_csv";
    private static final String PERIOD = "Period";
    private static final String ORG_CODE = "Org Code";
    private static final String DTA_4_TO_12 = "Patients who have waited 4-12 hs from DTA to admission";
    private static final String DTA_OVER_4 = "Number of patients spending >4 hours from decision to admit to admission";
    private static final String TOTAL = "TOTAL";

    /** Published count column (canonical header) → conformed column. */
    private static final Map<String, String> COUNTS = new LinkedHashMap<>();

    static {
        COUNTS.put("A&E attendances Type 1", "attendances_type_1_count");
        COUNTS.put("A&E attendances Type 2", "attendances_type_2_count");
        COUNTS.put("A&E attendances Other A&E Department", "attendances_other_count");
        COUNTS.put("A&E attendances Booked Appointments Type 1", "attendances_booked_type_1_count");
        COUNTS.put("A&E attendances Booked Appointments Type 2", "attendances_booked_type_2_count");
        COUNTS.put("A&E attendances Booked Appointments Other Department", "attendances_booked_other_count");
        COUNTS.put("Attendances over 4hrs Type 1", "over_4h_type_1_count");
        COUNTS.put("Attendances over 4hrs Type 2", "over_4h_type_2_count");
        COUNTS.put("Attendances over 4hrs Other Department", "over_4h_other_count");
        COUNTS.put("Attendances over 4hrs Booked Appointments Type 1", "over_4h_booked_type_1_count");
        COUNTS.put("Attendances over 4hrs Booked Appointments Type 2", "over_4h_booked_type_2_count");
        COUNTS.put("Attendances over 4hrs Booked Appointments Other Department", "over_4h_booked_other_count");
        COUNTS.put(DTA_4_TO_12, "dta_4_to_12h_count");
        COUNTS.put("Patients who have waited 12+ hrs from DTA to admission", "dta_12h_plus_count");
        COUNTS.put("Emergency admissions via A&E - Type 1", "emergency_admissions_type_1_count");
        COUNTS.put("Emergency admissions via A&E - Type 2", "emergency_admissions_type_2_count");
        COUNTS.put("Emergency admissions via A&E - Other A&E department", "emergency_admissions_other_count");
        COUNTS.put("Other emergency admissions", "other_emergency_admissions_count");
    }

    public AeMonthlyProviderCsv() {
        super(CONTRACT, true);
    }

    @Override
    protected void readRecords(CsvHeader header, CsvReader csv, FileParse parse)
            throws IOException, FileRejectedException {
        Map<String, Cells.Blank> blanks = blankPolicies(header);
        ControlTotals sums = new ControlTotals(labels(header));
        TreeSet<LocalDate> months = new TreeSet<>();
        OutputRow total = null;
        CsvRecord r;
        while ((r = parse.nextDataRecord(csv)) != null) {
            String org = Cells.clean(header.get(r, ORG_CODE));
            if (TOTAL.equalsIgnoreCase(org)) {
                if (total == null) {
                    total = toRow(parse, header, blanks, r);
                } else {
                    parse.reject(r.line(), ORG_CODE, org, "duplicate_total", "a second TOTAL row; the control "
                            + "total is the one on line " + total.line() + ", so this one is not used");
                }
                continue;
            }
            String period = header.get(r, PERIOD);
            LocalDate month = MsitAePeriod.parse(period);
            if (month == null) {
                parse.reject(r.line(), PERIOD, period, "type", "Period '" + Cells.clean(period)
                        + "' is not a month of this return (expected MSitAE-<MONTH>-<YEAR>, e.g. MSitAE-APRIL-2025)");
                continue;
            }
            OutputRow row = toRow(parse, header, blanks, r).set("month", month);
            parse.accept(row);
            if (!row.hasProblems()) {
                sums.add(row);
                months.add(month);
            }
        }
        keepControl(parse, total, months, sums);
    }

    private static void keepControl(FileParse parse, OutputRow total, TreeSet<LocalDate> months, ControlTotals sums) {
        if (total == null) {
            parse.warning("control_total_missing", "the file has no TOTAL row, so its rows could not be reconciled "
                    + "with the published national total");
            return;
        }
        // The total row's Period says TOTAL: it belongs to the month of the rows it totals.
        if (months.size() == 1) total.set("month", months.first());
        parse.control(total);
        if (!total.hasProblems()) sums.reconcile(total, parse);
    }

    private static OutputRow toRow(FileParse parse, CsvHeader header, Map<String, Cells.Blank> blanks, CsvRecord r) {
        OutputRow row = parse.newRow(r.line())
                .text("period_label", header.get(r, PERIOD))
                .code("org_code", header.get(r, ORG_CODE))
                .text("parent_org", header.get(r, "Parent Org"))
                .text("org_name", header.get(r, "Org name"));
        for (Map.Entry<String, Cells.Blank> e : blanks.entrySet()) {
            row.count(COUNTS.get(e.getKey()), header.get(r, e.getKey()), e.getValue());
        }
        if (header.index(DTA_4_TO_12) < 0 && header.index(DTA_OVER_4) >= 0) deriveDta4To12(row, header.get(r, DTA_OVER_4));
        return row;
    }

    /**
     * Older files give waits over 4 hours (12-hour waits included) and over 12 hours from the
     * decision to admit; the 4-12 hour band of the current format is their difference.
     */
    private static void deriveDta4To12(OutputRow row, String rawOver4) {
        Cells.Parsed over4 = Cells.count(rawOver4, Cells.Blank.NULL);
        if (over4.isProblem()) {
            row.problem(DTA_OVER_4, rawOver4, over4.problemRule(), DTA_OVER_4 + ": " + over4.problemReason());
            return;
        }
        Object over12 = row.get("dta_12h_plus_count");
        if (over4.value() == null || over12 == null) return;
        row.set("dta_4_to_12h_count", (Long) over4.value() - (Long) over12);
        row.flag("derived", "dta_4_to_12h_count", "over_4h_minus_12h_plus");
    }

    /**
     * The count columns present in this file, each with what a blank cell means: a required
     * column's blank is a problem, an optional column's blank is not reported (null).
     */
    private static Map<String, Cells.Blank> blankPolicies(CsvHeader header) {
        Map<String, Cells.Blank> out = new LinkedHashMap<>();
        InputContract contract = Contracts.input(CONTRACT);
        for (String published : COUNTS.keySet()) {
            if (header.index(published) < 0) continue;
            ColumnSpec spec = contract.columnForHeader(published);
            out.put(published, spec.nullable() ? Cells.Blank.NULL : Cells.Blank.REQUIRED);
        }
        return out;
    }

    /** Conformed count columns present in this file, each with its header as published. */
    private static Map<String, String> labels(CsvHeader header) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : COUNTS.entrySet()) {
            int i = header.index(e.getKey());
            if (i >= 0) out.put(e.getValue(), header.name(i));
        }
        if (header.index(DTA_4_TO_12) < 0 && header.index(DTA_OVER_4) >= 0) {
            out.put("dta_4_to_12h_count", "4-12 hours from DTA, derived from " + header.name(header.index(DTA_OVER_4)));
        }
        return out;
    }
}
