package uk.nhs.stp.ingest.cancer;

import uk.nhs.stp.contract.Headers;

import java.util.Map;

/**
 * The Cancer Waiting Times standards the provider workbook publishes (from October 2023), with
 * the time limit that names their "within" and "after" columns. Targets are not here: they are
 * reference data with validity dates.
 */
public enum CwtStandard {
    /** Urgent referral to diagnosis or ruling out of cancer (Faster Diagnosis Standard). */
    FDS_28_DAY("28d_fds", 28),
    /** Decision to treat to first or subsequent treatment. */
    COMBINED_31_DAY("31d_combined", 31),
    /** Urgent, breast symptomatic or screening referral, or consultant upgrade, to first treatment. */
    COMBINED_62_DAY("62d_combined", 62),
    /** Urgent suspected cancer referral to first outpatient appointment (the former two-week wait). */
    USC_14_DAY("2ww_usc", 14),
    /** Urgent breast symptomatic referral to first hospital assessment. */
    BREAST_SYMPTOMATIC_14_DAY("2ww_breast_symptomatic", 14);

    /** Labels long extracts use for a standard, normalised as headers are. */
    private static final Map<String, CwtStandard> LABELS = Map.of(
            "fds", FDS_28_DAY,
            "28-day fds", FDS_28_DAY,
            "28 day fds", FDS_28_DAY,
            "31d", COMBINED_31_DAY,
            "62d", COMBINED_62_DAY,
            "urgent suspected cancer referral", USC_14_DAY,
            "urgent breast symptomatic referral", BREAST_SYMPTOMATIC_14_DAY);

    private final String id;
    private final int days;

    CwtStandard(String id, int days) {
        this.id = id;
        this.days = days;
    }

    /** The id stored in {@code cancer_waiting_times.standard}, e.g. {@code 62d_combined}. */
    public String id() { return id; }

    /** The time limit in days. */
    public int days() { return days; }

    /** Header of the column counting patients within the limit, e.g. {@code WITHIN 62 DAYS}. */
    String withinHeader() { return "WITHIN " + days + " DAYS"; }

    /** Header of the column counting patients after the limit, e.g. {@code AFTER 62 DAYS}. */
    String afterHeader() { return "AFTER " + days + " DAYS"; }

    /**
     * The standard id a long extract's STANDARD cell names: an id as is (older ids such as
     * {@code 31d_first} included, lower-cased), a published label, or a workbook sheet name.
     * Anything else is returned trimmed, for the contract's allowed values to reject.
     */
    static String idForLabel(String label) {
        String key = Headers.normalise(label);
        for (CwtStandard s : values()) {
            if (s.id.equals(key)) return s.id;
        }
        CwtStandard byLabel = LABELS.get(key);
        if (byLabel != null) return byLabel.id;
        CwtSheet sheet = CwtSheet.named(label);
        if (sheet != null) return sheet.standard().id;
        return key.matches("[0-9a-z_]+") ? key : label.trim();
    }
}
