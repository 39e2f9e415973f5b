package uk.nhs.stp.ingest.cancer;

import uk.nhs.stp.contract.Headers;

/** The data sheets of the provider workbook, the standard each publishes, and whether a workbook must have it. */
enum CwtSheet {
    FDS_ALL_ROUTES("28-DAY FDS (ALL ROUTES)", CwtStandard.FDS_28_DAY, true),
    FDS_BY_ROUTE("28-DAY FDS (BY ROUTE)", CwtStandard.FDS_28_DAY, false),
    TREATMENT_31_ALL_CANCER("31-DAY (ALL CANCER)", CwtStandard.COMBINED_31_DAY, true),
    TREATMENT_31_BY_CANCER("31-DAY (BY CANCER)", CwtStandard.COMBINED_31_DAY, false),
    TREATMENT_31_BY_MODALITY("31-DAY (BY TREATMENT MODALITY)", CwtStandard.COMBINED_31_DAY, false),
    TREATMENT_62_ALL_CANCER("62-DAY (ALL CANCER)", CwtStandard.COMBINED_62_DAY, true),
    TREATMENT_62_BY_CANCER("62-DAY (BY CANCER)", CwtStandard.COMBINED_62_DAY, false),
    TREATMENT_62_BY_MODALITY("62-DAY (BY TREATMENT MODALITY)", CwtStandard.COMBINED_62_DAY, false),
    USC_FIRST_APPOINTMENT("USC referral to FOA", CwtStandard.USC_14_DAY, true),
    UBS_FIRST_ASSESSMENT("UBS referral to FHA", CwtStandard.BREAST_SYMPTOMATIC_14_DAY, true);

    private final String sheetName;
    private final CwtStandard standard;
    private final boolean required;

    CwtSheet(String sheetName, CwtStandard standard, boolean required) {
        this.sheetName = sheetName;
        this.standard = standard;
        this.required = required;
    }

    /** The sheet name as published. */
    String sheetName() { return sheetName; }

    CwtStandard standard() { return standard; }

    /** True for the headline sheets a provider workbook must have. */
    boolean required() { return required; }

    /** The sheet with this name (case, spaces and NBSP ignored), or null. */
    static CwtSheet named(String name) {
        String n = Headers.normalise(name);
        for (CwtSheet s : values()) {
            if (Headers.normalise(s.sheetName).equals(n)) return s;
        }
        return null;
    }
}
