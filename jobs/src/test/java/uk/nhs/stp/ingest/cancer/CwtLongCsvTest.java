package uk.nhs.stp.ingest.cancer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.read.ReturnFormats;
import uk.nhs.stp.ingest.read.RowProblem;
import uk.nhs.stp.ingest.source.SourceContent;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CwtLongCsvTest {
    private static final String HEADER =
            "period,sheet,part,ods_code,accountable_provider,breakdown_1,breakdown_2,total,within_standard,after_standard";

    private final CwtLongCsv format = new CwtLongCsv();

    /**
     * The flattened September 2025 CSV cut the 0.5 shares of the 62-day sheet down to whole
     * numbers (203.5 / 179 / 24.5 became 203 / 179 / 24), so some 62-day rows no longer satisfy
     * after = total - within and the 62-day blocks no longer add up: exactly those rows are
     * rejected and exactly those blocks warned about. Everything else reads clean.
     */
    @Test
    void realFlattenedMonthIsRead() throws Exception {
        SourceContent content = CwtFiles.real(CwtFiles.SEP_2025_LONG);
        assertEquals(CwtLongCsv.class, ReturnFormats.detect(content).getClass(), "detected format");
        List<String[]> lines = CwtFiles.longCsvLines();
        Set<Long> brokenByHand = new TreeSet<>();
        Set<String> truncatedBlocks = new TreeSet<>();
        long controlByHand = 0;
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i);
            if (f[3].isEmpty()) controlByHand++;
            BigDecimal difference = new BigDecimal(f[7]).subtract(new BigDecimal(f[8]));
            if (difference.compareTo(new BigDecimal(f[9])) != 0) brokenByHand.add(i + 2L);
            if (f[1].startsWith("62-DAY")) truncatedBlocks.add(f[2]);
        }

        FileParseResult result = CwtFiles.readReal(format, CwtFiles.SEP_2025_LONG);

        assertEquals(lines.size(), result.rowsRead(), "every data line read");
        assertEquals(result.rowsRead(), result.rowsAccepted() + result.rowsRejected() + result.rowsControl(), "counts");
        assertEquals(controlByHand, result.rowsControl(), "ALL ENGLISH PROVIDERS lines");
        assertEquals(brokenByHand, result.problems().stream().map(RowProblem::line).collect(Collectors.toCollection(TreeSet::new)),
                "rejected lines are those where after != total - within");
        assertTrue(result.problems().stream().allMatch(p -> p.rule().equals("after_mismatch")
                && p.column().equals("after_standard")), "only after_mismatch: " + result.problems().get(0));
        assertEquals(truncatedBlocks.size(), result.warnings().size(), "one warning per 62-day block: " + result.warnings());
        assertTrue(result.warnings().stream().allMatch(w -> w.startsWith("control_total_mismatch")
                && w.contains("62d_combined")), "warnings are the 62-day blocks: " + result.warnings());
        assertEquals(List.of(LocalDate.of(2025, 9, 1)), result.periods(), "periods");
    }

    @Test
    void nationalTotalsOfTheWholeNumberStandardsMatchTheControlLines() throws Exception {
        Map<List<Object>, BigDecimal[]> national = new HashMap<>();
        for (String[] f : CwtFiles.longCsvLines()) {
            if (f[3].isEmpty() && !f[1].startsWith("62-DAY")) {
                national.put(List.of(f[1], f[2], f[5], f[6]), new BigDecimal[] {new BigDecimal(f[7]), new BigDecimal(f[8])});
            }
        }
        Map<List<Object>, BigDecimal[]> sums = new HashMap<>();
        for (OutputRow r : CwtFiles.readReal(format, CwtFiles.SEP_2025_LONG).rows()) {
            if (r.isControl()) continue;
            BigDecimal[] s = sums.computeIfAbsent(CwtFiles.block(r), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(CwtFiles.count(r, "total_count"));
            s[1] = s[1].add(CwtFiles.count(r, "within_standard_count"));
        }
        assertEquals(20, national.size(), "28-day, 31-day and USC control lines");
        for (Map.Entry<List<Object>, BigDecimal[]> e : national.entrySet()) {
            BigDecimal[] s = sums.get(e.getKey());
            assertNotNull(s, "accepted rows of " + e.getKey());
            assertEquals(0, e.getValue()[0].compareTo(s[0]), "total of " + e.getKey());
            assertEquals(0, e.getValue()[1].compareTo(s[1]), "within of " + e.getKey());
        }
    }

    @Test
    void withinAboveTotalIsRejected(@TempDir Path dir) throws Exception {
        FileParseResult result = read(dir, HEADER,
                "Sep-25,28-DAY FDS (ALL ROUTES),,RCF,AIREDALE NHS FOUNDATION TRUST,ALL ROUTES,,10,12,-2");
        assertEquals(1, result.rowsRejected(), "rejected");
        assertTrue(result.problems().stream().anyMatch(p -> p.rule().equals("within_le_total") && p.line() == 2),
                "within_le_total: " + result.problems());
    }

    @Test
    void afterThatIsNotTotalMinusWithinIsRejected(@TempDir Path dir) throws Exception {
        FileParseResult result = read(dir, HEADER,
                "Sep-25,28-DAY FDS (ALL ROUTES),,RCF,AIREDALE NHS FOUNDATION TRUST,ALL ROUTES,,10,8,3");
        assertEquals(1, result.rowsRejected(), "rejected");
        RowProblem p = result.problems().get(0);
        assertEquals("after_mismatch", p.rule(), p.reason());
        assertEquals("after_standard", p.column(), "published header");
        assertEquals("3", p.rawValue(), "cell text");
    }

    @Test
    void suppressedCountIsNullWithAFlagAndTheRowKept(@TempDir Path dir) throws Exception {
        FileParseResult result = read(dir, HEADER,
                "Sep-25,USC referral to FOA,,RCF,AIREDALE NHS FOUNDATION TRUST,Suspected lung cancer,,20,*,*");
        assertEquals(1, result.rowsAccepted(), "accepted: " + result.problems());
        OutputRow row = result.rows().get(0);
        assertNull(row.get("within_standard_count"), "suppressed within");
        assertTrue(row.isFlagged("within_standard_count") && row.isFlagged("after_standard_count"), "flags");
        assertEquals(new BigDecimal("20.0"), row.get("total_count"), "total kept");
        assertEquals("2ww_usc", row.get("standard"), "standard from the sheet");
    }

    @Test
    void duplicateRowsAreAllRejected(@TempDir Path dir) throws Exception {
        String line = "Sep-25,31-DAY (ALL CANCER),PART A: ALL STAGES,RCF,AIREDALE NHS FOUNDATION TRUST,ALL STAGES,ALL CANCERS,10,9,1";
        FileParseResult result = read(dir, HEADER, line, line);
        assertEquals(2, result.rowsRejected(), "both lines rejected");
        assertTrue(result.problems().stream().allMatch(p -> p.rule().equals("duplicate_key")), "duplicate_key");
        assertEquals(Set.of(2L, 3L), result.problems().stream().map(RowProblem::line).collect(Collectors.toSet()), "lines");
    }

    @Test
    void longExtractNamingTheStandardMayHoldSeveralMonths(@TempDir Path dir) throws Exception {
        FileParseResult result = read(dir, "PERIOD,ORG CODE,ORG NAME,STANDARD,TOTAL,WITHIN STANDARD,BREACHES",
                "2025-08-01,RCF,AIREDALE NHS FOUNDATION TRUST,62D,61.5,52,9.5",
                "2025-09-01,RCF,AIREDALE NHS FOUNDATION TRUST,62d_combined,62,52.5,9.5",
                "2025-09-01,RCF,AIREDALE NHS FOUNDATION TRUST,FDS,719,589,130",
                "2025-09-01,RCF,AIREDALE NHS FOUNDATION TRUST,4-hour A&E,719,589,130");
        assertEquals(3, result.rowsAccepted(), "accepted: " + result.problems());
        assertEquals(List.of(LocalDate.of(2025, 8, 1), LocalDate.of(2025, 9, 1)), result.periods(), "two months");
        assertEquals("allowed_values", result.problems().get(0).rule(), "an unknown standard is rejected");
        assertEquals(Set.of("62d_combined", "28d_fds"),
                result.rows().stream().map(r -> (String) r.get("standard")).collect(Collectors.toSet()), "ids");
    }

    private FileParseResult read(Path dir, String... lines) throws Exception {
        Path file = dir.resolve("cwt.csv");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        SourceContent content = CwtFiles.content(file);
        assertTrue(format.recognises(content), "recognised");
        return CwtFiles.read(format, content);
    }
}
