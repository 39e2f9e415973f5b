package uk.nhs.stp.ingest.cancer;

import org.junit.jupiter.api.Test;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The September 2025 provider workbook and its flattened long CSV, read by their two readers,
 * give the same figures for the sheets both hold; the 62-day sheet is compared against the
 * workbook's figures cut to whole numbers, as the flattening did.
 */
class CwtWorkbookAgainstLongCsvTest {

    @Test
    void sameFiguresPerStandardPartAndBreakdown() throws Exception {
        FileParseResult workbook = CwtFiles.readReal(new CwtProviderWorkbookXlsx(), CwtFiles.SEP_2025_WORKBOOK);
        FileParseResult longCsv = CwtFiles.readReal(new CwtLongCsv(), CwtFiles.SEP_2025_LONG);
        Map<List<Object>, BigDecimal[]> fromWorkbook = sums(workbook, false);
        Map<List<Object>, BigDecimal[]> fromLongCsv = sums(longCsv, false);

        int compared = 0;
        for (Map.Entry<List<Object>, BigDecimal[]> e : fromLongCsv.entrySet()) {
            if (e.getKey().get(0).equals("62d_combined")) continue;
            BigDecimal[] w = fromWorkbook.get(e.getKey());
            assertNotNull(w, "workbook has " + e.getKey());
            assertEquals(0, w[0].compareTo(e.getValue()[0]), "total of " + e.getKey());
            assertEquals(0, w[1].compareTo(e.getValue()[1]), "within of " + e.getKey());
            compared++;
        }
        assertEquals(1 + 3 + 16, compared, "28-day block, three 31-day parts, 16 USC cancer types");

        Map<List<Object>, BigDecimal[]> truncatedWorkbook = sums(workbook, true);
        Map<List<Object>, BigDecimal[]> longByRow = new HashMap<>();
        for (String[] f : CwtFiles.longCsvLines()) {
            if (!f[1].startsWith("62-DAY") || f[3].isEmpty()) continue;
            longByRow.put(List.of(f[3], f[2], f[5], f[6]), new BigDecimal[] {new BigDecimal(f[7]), new BigDecimal(f[8])});
        }
        assertEquals(619, longByRow.size(), "62-day provider lines");
        for (Map.Entry<List<Object>, BigDecimal[]> e : longByRow.entrySet()) {
            BigDecimal[] w = truncatedWorkbook.get(e.getKey());
            assertNotNull(w, "workbook has " + e.getKey());
            assertEquals(0, w[0].compareTo(e.getValue()[0]), "62-day total of " + e.getKey());
            assertEquals(0, w[1].compareTo(e.getValue()[1]), "62-day within of " + e.getKey());
        }
    }

    /**
     * Sums of provider rows, by standard, sheet, part and breakdowns; or, with {@code byProvider},
     * the 62-day rows one by one (ODS code, part, breakdowns) cut to whole numbers.
     */
    private static Map<List<Object>, BigDecimal[]> sums(FileParseResult result, boolean byProvider) {
        Map<List<Object>, BigDecimal[]> out = new HashMap<>();
        for (OutputRow r : result.rows()) {
            if (r.isControl()) continue;
            BigDecimal total = CwtFiles.count(r, "total_count");
            BigDecimal within = CwtFiles.count(r, "within_standard_count");
            List<Object> key;
            if (byProvider) {
                if (!"62-DAY (ALL CANCER)".equals(r.get("sheet"))) continue;
                key = List.of(r.get("org_code"), r.get("part"), r.get("breakdown_1"), r.get("breakdown_2"));
                total = total.setScale(0, RoundingMode.DOWN);
                within = within.setScale(0, RoundingMode.DOWN);
            } else {
                List<Object> block = CwtFiles.block(r);
                key = List.of(r.get("standard"), block.get(0), block.get(1), block.get(2), block.get(3));
            }
            BigDecimal[] s = out.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(total);
            s[1] = s[1].add(within);
        }
        return out;
    }
}
