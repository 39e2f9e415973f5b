package uk.nhs.stp.ingest.source;

/** What a landing file's bytes turned out to be. */
public enum ContentKind {
    /** UTF-8 text (after unwrapping a zip archive holding one CSV). */
    TEXT,
    /** An Office Open XML workbook (.xlsx). */
    XLSX
}
