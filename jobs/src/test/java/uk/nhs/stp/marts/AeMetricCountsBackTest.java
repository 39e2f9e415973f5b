package uk.nhs.stp.marts;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.testing.RawCsv;
import uk.nhs.stp.testing.RealData;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Back-test: the nine real monthly A&E provider CSVs of 2025 are ingested; England's numerator
 * and denominator of each A&E metric, summed over the organisations {@link AeMetricCounts} gives,
 * must equal sums computed by hand from the raw files (TOTAL row left out).
 */
class AeMetricCountsBackTest {
    private static final List<String> FILES = List.of(
            "ae_monthly_provider/April-2025-CSV-revised.csv",
            "ae_monthly_provider/May-2025-CSV-revised.csv",
            "ae_monthly_provider/June-2025-CSV-revised.csv",
            "ae_monthly_provider/July-2025-CSV-revised.csv",
            "ae_monthly_provider/August-2025-CSV-revised.csv",
            "ae_monthly_provider/September-2025-CSV-revised.csv",
            "ae_monthly_provider/October-2025-CSV-hg6dl.csv",
            "ae_monthly_provider/November-2025-CSV-G9pr3.csv",
            "ae_monthly_provider/December-2025-CSV-K7F4Sp.csv");

    @TempDir
    static Path dir;
    private static Map<String, BigDecimal[]> fromSpark;

    @BeforeAll
    static void ingestAndCount() throws IOException {
        RealWarehouse wh = RealWarehouse.ingest(dir, FILES);
        fromSpark = new TreeMap<>();
        for (Row r : AeMetricCounts.from(wh.conformed("ae_attendances"))
                .groupBy("month", "metric_id").sum("numerator", "denominator").collectAsList()) {
            fromSpark.put(r.get(0) + "|" + r.getString(1), new BigDecimal[] {r.getDecimal(2), r.getDecimal(3)});
        }
    }

    /** England figures of one raw file: metric -> {numerator, denominator}, denominator null for counts. */
    private static Map<String, long[]> byHand(List<String> lines) {
        long attendances = 0;
        long over4h = 0;
        long type1 = 0;
        long type1Over4h = 0;
        long twelveHours = 0;
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = RawCsv.split(line);
            if (c.get(1).trim().equals("TOTAL")) continue;
            // columns 4-9: attendances type 1, 2, other, booked type 1, 2, other; 10-15 the same over 4 hours
            for (int i = 4; i <= 9; i++) attendances += Long.parseLong(c.get(i).trim());
            for (int i = 10; i <= 15; i++) over4h += Long.parseLong(c.get(i).trim());
            type1 += Long.parseLong(c.get(4).trim()) + Long.parseLong(c.get(7).trim());
            type1Over4h += Long.parseLong(c.get(10).trim()) + Long.parseLong(c.get(13).trim());
            // column 17: patients who have waited 12+ hrs from DTA to admission
            twelveHours += Long.parseLong(c.get(17).trim());
        }
        return Map.of("ae_4h", new long[] {attendances - over4h, attendances},
                "ae_4h_type1", new long[] {type1 - type1Over4h, type1},
                "ae_12h_dta", new long[] {twelveHours});
    }

    /** MSitAE-APRIL-2025 -> 2025-04-01. */
    private static LocalDate month(String period) {
        String[] p = period.trim().split("-");
        return LocalDate.of(Integer.parseInt(p[2]), Month.valueOf(p[1].toUpperCase(Locale.ROOT)), 1);
    }

    @Test
    void englandFourHourAndTwelveHourCountsOfEveryMonthMatchTheRawFiles() throws IOException {
        int months = 0;
        for (String f : FILES) {
            List<String> lines = Files.readAllLines(RealData.file(f), StandardCharsets.UTF_8);
            LocalDate month = month(RawCsv.split(lines.get(1)).get(0));
            for (Map.Entry<String, long[]> e : byHand(lines).entrySet()) {
                BigDecimal[] spark = fromSpark.get(month + "|" + e.getKey());
                String what = f + " " + e.getKey();
                assertEquals(0, BigDecimal.valueOf(e.getValue()[0]).compareTo(spark[0]),
                        what + " numerator: by hand " + e.getValue()[0] + ", metric counts " + spark[0]);
                if (e.getValue().length == 2) {
                    assertEquals(0, BigDecimal.valueOf(e.getValue()[1]).compareTo(spark[1]),
                            what + " denominator: by hand " + e.getValue()[1] + ", metric counts " + spark[1]);
                } else {
                    assertNull(spark[1], what + " is a count: no denominator");
                }
            }
            months++;
        }
        assertEquals(9, months, "April to December 2025");
        assertEquals(27, fromSpark.size(), "three metrics in each of nine months, nothing else: " + fromSpark.keySet());
    }
}
