package uk.nhs.stp.ingest.cancer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small provider workbooks in the published layout, for bad cases the real files do not have.
 * Every block holds RCF (10 / 8 / 2), RBS (4.5 / 4 / 0.5) and the ALL ENGLISH PROVIDERS row
 * (14.5 / 12 / 2.5); block k of a sheet starts at row 7 + 10k: label, blank, header, two provider
 * rows, blank, control row.
 */
final class SyntheticCwtWorkbook {
    final XSSFWorkbook book = new XSSFWorkbook();

    /** The five headline sheets, the 31-day one with two parts. */
    static SyntheticCwtWorkbook headlineSheets() {
        SyntheticCwtWorkbook w = new SyntheticCwtWorkbook();
        w.sheet("28-DAY FDS (ALL ROUTES)", "REFERRAL ROUTE", null, "28");
        w.sheet("31-DAY (ALL CANCER)", "TREATMENT STAGE", "CANCER TYPE", "31",
                "PART A: ALL STAGES", "PART B: FIRST TREATMENTS");
        w.sheet("62-DAY (ALL CANCER)", "REFERRAL ROUTE", "CANCER TYPE", "62", "PART A: ALL ROUTES");
        w.sheet("USC referral to FOA", "SUSPECTED TYPE OF CANCER", null, "14");
        w.sheet("UBS referral to FHA", "REFERRAL REASON", null, "14");
        return w;
    }

    /**
     * Adds a sheet; 14-day sheets get no AFTER column (as published) but an 'AFTER 28 DAYS' band
     * holding a number that must not be taken for it.
     */
    SyntheticCwtWorkbook sheet(String name, String breakdown1, String breakdown2, String days, String... parts) {
        Sheet s = book.createSheet(name);
        row(s, 1, "A TITLE IN CAPITALS");
        row(s, 2, "Sep-25");
        row(s, 3, "BASIS: PROVIDER BASED INCLUDING WELSH CROSS-BORDER PATIENTS AND 'UNKNOWNS'");
        row(s, 4, "DEFINITIONS:  DCB0147 Amd 16/2019");
        boolean fourteen = days.equals("14");
        String[] labels = parts.length == 0 ? new String[] {null} : parts;
        for (int k = 0; k < labels.length; k++) {
            int top = 7 + 10 * k;
            if (labels[k] != null) row(s, top, labels[k]);
            String b2 = breakdown2;
            row(s, top + 2, null, "ODS CODE (1)", "ACCOUNTABLE PROVIDER", breakdown1, b2, "TOTAL",
                    "WITHIN " + days + " DAYS", fourteen ? "IN 15 TO 16 DAYS" : "AFTER " + days + " DAYS",
                    fourteen ? "AFTER 28 DAYS" : "PERCENTAGE", " ", "WITHIN 14 DAYS");
            String v1 = labels[k] == null ? "ALL" : labels[k];
            String v2 = b2 == null ? null : "ALL CANCERS";
            row(s, top + 3, null, "RCF", "AIREDALE NHS FOUNDATION TRUST", v1, v2, 10, 8, 2, 0.8, "", 99);
            row(s, top + 4, null, "RBS", "ALDER HEY CHILDREN'S NHS FOUNDATION TRUST", v1, v2, 4.5, 4, 0.5, 0.9, "", 98);
            row(s, top + 6, null, "", "ALL ENGLISH PROVIDERS", v1, v2, 14.5, 12, 2.5, 0.83, "", 197);
        }
        return this;
    }

    /** Writes row {@code number} from column A; a null value leaves the cell out, and a null breakdown its column. */
    static void row(Sheet s, int number, Object... values) {
        Row row = s.createRow(number - 1);
        int column = 0;
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null && i == 4) continue;
            if (v instanceof Number n) row.createCell(column).setCellValue(n.doubleValue());
            else if (v != null) row.createCell(column).setCellValue((String) v);
            column++;
        }
    }

    /** Replaces a cell's value with text, e.g. a suppressed '*'. */
    SyntheticCwtWorkbook text(String sheet, int rowNumber, int column, String value) {
        Row row = book.getSheet(sheet).getRow(rowNumber - 1);
        Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
        cell.setCellValue(value);
        return this;
    }

    Path write(Path dir, String fileName) throws IOException {
        Path p = dir.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(p)) {
            book.write(out);
        }
        book.close();
        return p;
    }
}
