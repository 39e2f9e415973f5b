package uk.nhs.stp.generate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.ingest.source.LocalSourceFile;
import uk.nhs.stp.ingest.source.SourceContent;
import uk.nhs.stp.testing.RealData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generates three months from November 2025 (across a year end, a December, zipped and plain RTT
 * months) twice with one seed and once with another, then checks determinism, the published formats
 * and the arithmetic every reader relies on (totals equal sums, counts within their denominators).
 */
class SampleReturnsGeneratorTest {
    private static final YearMonth FROM = YearMonth.of(2025, 11);
    private static final int MONTHS = 3;

    @TempDir
    static Path tmp;
    static Path first;
    static Path again;
    static Path otherSeed;
    static GenerationSummary summary;

    @BeforeAll
    static void generate() throws IOException {
        first = tmp.resolve("first");
        again = tmp.resolve("again");
        otherSeed = tmp.resolve("other-seed");
        SampleReturnsGenerator generator = new SampleReturnsGenerator();
        summary = generator.generate(new SampleReturnsGenerator.Options(first.toString(), FROM, MONTHS, 7L));
        generator.generate(new SampleReturnsGenerator.Options(again.toString(), FROM, MONTHS, 7L));
        generator.generate(new SampleReturnsGenerator.Options(otherSeed.toString(), FROM, MONTHS, 8L));
    }

    @Test
    void sameSeedGivesByteIdenticalFiles() throws Exception {
        Map<String, String> a = GeneratedCsv.hashes(first);
        assertEquals(2 + 4 * MONTHS, a.size(), "files written: two lookups and four returns a month " + a.keySet());
        assertEquals(a, GeneratedCsv.hashes(again), "same options must give byte-identical files");
    }

    @Test
    void aMonthDoesNotDependOnWhichMonthsAreGeneratedWithIt() throws Exception {
        Path alone = tmp.resolve("december-alone");
        new SampleReturnsGenerator().generate(new SampleReturnsGenerator.Options(alone.toString(), YearMonth.of(2025, 12), 1, 7L));
        Map<String, String> december = GeneratedCsv.hashes(alone);
        Map<String, String> all = GeneratedCsv.hashes(first);
        for (Map.Entry<String, String> e : december.entrySet()) {
            assertEquals(all.get(e.getKey()), e.getValue(), e.getKey() + ": same bytes when generated on its own");
        }
    }

    @Test
    void otherSeedGivesOtherFigures() throws Exception {
        Map<String, String> a = GeneratedCsv.hashes(first);
        Map<String, String> b = GeneratedCsv.hashes(otherSeed);
        assertEquals(a.keySet(), b.keySet(), "the seed must not change which files are written");
        for (String path : a.keySet()) {
            if (path.startsWith("lookups/")) {
                assertEquals(a.get(path), b.get(path), path + ": the organisations do not depend on the seed");
            } else {
                assertNotEquals(a.get(path), b.get(path), path + ": another seed must give other figures");
            }
        }
    }

    @Test
    void summaryListsEveryFileWithItsRows() throws Exception {
        assertEquals(GeneratedCsv.hashes(first).keySet(),
                summary.files().stream().map(GeneratedFile::path).collect(Collectors.toCollection(TreeSet::new)),
                "summary paths = files on disk");
        for (GeneratedFile f : summary.files()) {
            long dataLines = GeneratedCsv.records(first.resolve(f.path())).size() - 1;
            assertEquals(dataLines, f.rows(), f.path() + ": summary rows = data lines");
        }
        assertEquals(Set.of("ae", "cancer", "ccg_lookup", "finance", "rtt", "trust_lookup"), summary.rowsByKind().keySet());
        assertEquals(MONTHS, summary.filesByKind().get("rtt"), "one RTT extract a month");
    }

    @Test
    void monthNamesFollowTheCalendarAcrossTheYearEnd() throws Exception {
        Set<String> expected = new TreeSet<>(List.of(
                "lookups/Trust-STP-lookup.csv", "lookups/ccg18_to_stp18_to_nhser18.csv",
                "ae/November-2025-CSV.csv", "ae/December-2025-CSV.csv", "ae/January-2026-CSV.csv",
                "rtt/20251130-RTT-November-2025-full-extract.csv",
                "rtt/20251231-RTT-December-2025-full-extract.csv.zip",
                "rtt/20260131-RTT-January-2026-full-extract.csv",
                "cancer/NOVEMBER-2025-CWT-CRS-PROVIDER-headline-standards.csv",
                "cancer/DECEMBER-2025-CWT-CRS-PROVIDER-headline-standards.csv",
                "cancer/JANUARY-2026-CWT-CRS-PROVIDER-headline-standards.csv",
                "finance/finance-monthly-return-2025-26-M08.csv",
                "finance/finance-monthly-return-2025-26-M09.csv",
                "finance/finance-monthly-return-2025-26-M10.csv"));
        assertEquals(expected, GeneratedCsv.hashes(first).keySet(), "file names per month");

        assertEquals("MSitAE-JANUARY-2026", column(first.resolve("ae/January-2026-CSV.csv"), 0).get(0));
        assertEquals("MSitAE-DECEMBER-2025", column(first.resolve("ae/December-2025-CSV.csv"), 0).get(0));
        assertEquals("RTT-January-2026", column(first.resolve("rtt/20260131-RTT-January-2026-full-extract.csv"), 0).get(0));
        assertEquals("Dec-25", column(first.resolve("cancer/DECEMBER-2025-CWT-CRS-PROVIDER-headline-standards.csv"), 0).get(0));
        Path january = first.resolve("finance/finance-monthly-return-2025-26-M10.csv");
        assertEquals(Set.of("2025/26"), Set.copyOf(column(january, 0)), "January 2026 is in financial year 2025/26");
        assertEquals(Set.of("M10"), Set.copyOf(column(january, 1)), "January is month 10 of the financial year");
    }

    @Test
    void everyLineEndsInCrlf() throws Exception {
        for (Path f : files(first)) {
            byte[] b = GeneratedCsv.bytes(f);
            assertTrue(b.length > 2 && b[b.length - 2] == '\r' && b[b.length - 1] == '\n', f + " ends with CRLF");
            for (int i = 0; i < b.length; i++) {
                if (b[i] == '\n') assertEquals('\r', b[i - 1], f + ": bare LF at byte " + i);
            }
        }
    }

    @Test
    void aeHeaderIsThePublishedOne() throws Exception {
        String published = GeneratedCsv.firstLine(Files.readAllBytes(
                RealData.file("ae_monthly_provider/April-2025-CSV-revised.csv")));
        for (Path f : files(first, "ae")) {
            assertEquals(published, GeneratedCsv.firstLine(GeneratedCsv.bytes(f)), f + " header");
        }
    }

    @Test
    void aeTotalRowEqualsColumnSums() throws Exception {
        for (Path f : files(first, "ae")) {
            List<String[]> rows = GeneratedCsv.records(f);
            String[] total = rows.get(rows.size() - 1);
            assertEquals("TOTAL", total[0].trim(), f + ": last row is the TOTAL row");
            List<String[]> providers = rows.subList(1, rows.size() - 1);
            assertTrue(providers.size() >= 84, f + ": at least two providers for each of 42 footprints");
            for (int c = 4; c < 22; c++) {
                long sum = 0;
                for (String[] r : providers) sum += Long.parseLong(r[c]);
                assertEquals(sum, Long.parseLong(total[c]), f + ": TOTAL of " + rows.get(0)[c]);
            }
        }
        List<String> december = List.of(last(first.resolve("ae/December-2025-CSV.csv"))).subList(0, 4);
        assertEquals(List.of("TOTAL ", "TOTAL ", "TOTAL ", "TOTAL "), december, "December keeps the published 'TOTAL ' quirk");
    }

    @Test
    void aeOverFourHoursNeverExceedsAttendances() throws Exception {
        for (Path f : files(first, "ae")) {
            for (String[] r : dataRows(f)) {
                for (int type = 0; type < 3; type++) {
                    long attendances = Long.parseLong(r[4 + type]);
                    long booked = Long.parseLong(r[7 + type]);
                    assertTrue(Long.parseLong(r[10 + type]) <= attendances, f + " " + r[1] + ": over 4h <= attendances, type " + type);
                    assertTrue(Long.parseLong(r[13 + type]) <= booked, f + " " + r[1] + ": booked over 4h <= booked, type " + type);
                }
                long waits = Long.parseLong(r[16]) + Long.parseLong(r[17]);
                assertTrue(waits <= Long.parseLong(r[18]) + Long.parseLong(r[19]) + Long.parseLong(r[20]) + Long.parseLong(r[21]),
                        f + " " + r[1] + ": trolley waits within admissions");
            }
        }
    }

    @Test
    void aeNamesWithCommasAreQuotedAndRegionsKeepTheirTrailingSpace() throws Exception {
        String text = new String(GeneratedCsv.bytes(first.resolve("ae/November-2025-CSV.csv")), StandardCharsets.UTF_8);
        assertTrue(text.contains(",\"THE QUEEN ELIZABETH HOSPITAL, KING'S LYNN, NHS FOUNDATION TRUST\","), "quoted name");
        assertTrue(text.contains(",NHS ENGLAND MIDLANDS ,"), "region with trailing space");
        assertTrue(text.contains(",NHS ENGLAND LONDON,"), "London without one");
    }

    @Test
    void aeIsBusierInSummerAndWorseInWinter() throws Exception {
        Path summer = tmp.resolve("summer");
        new SampleReturnsGenerator().generate(new SampleReturnsGenerator.Options(summer.toString(), YearMonth.of(2025, 7), 1, 7L));
        String[] july = last(summer.resolve("ae/July-2025-CSV.csv"));
        String[] january = last(first.resolve("ae/January-2026-CSV.csv"));
        double julyPerDay = Long.parseLong(july[4]) / 31.0;
        double januaryPerDay = Long.parseLong(january[4]) / 31.0;
        assertTrue(julyPerDay > januaryPerDay, "type 1 attendances per day higher in July than January");
        double julyBreaches = (double) Long.parseLong(july[10]) / Long.parseLong(july[4]);
        double januaryBreaches = (double) Long.parseLong(january[10]) / Long.parseLong(january[4]);
        assertTrue(januaryBreaches > julyBreaches + 0.03, "4-hour breaches at least 3 points worse in January");
    }

    @Test
    void rttHeaderIsThePublishedOne() throws Exception {
        String published = GeneratedCsv.firstLine(Files.readAllBytes(
                RealData.file("derived/20260430-RTT-April-2026-full-extract.SUBSET-RJ1-RGT-RCF.csv")));
        for (Path f : files(first, "rtt")) {
            assertEquals(published, GeneratedCsv.firstLine(GeneratedCsv.bytes(f)), f + " header");
        }
    }

    @Test
    void rttTotalRowsEqualTheSumsOfTheirGroups() throws Exception {
        for (Path f : files(first, "rtt")) {
            List<String[]> rows = GeneratedCsv.records(f);
            assertEquals(121, rows.get(0).length, f + ": 121 columns");
            Map<String, long[]> sums = new LinkedHashMap<>();
            Map<String, long[]> totals = new LinkedHashMap<>();
            for (String[] r : rows.subList(1, rows.size())) {
                assertEquals(121, r.length, f + ": width");
                String group = r[3] + "|" + r[7] + "|" + r[9];
                long[] values = new long[108];
                for (int c = 13; c < 121; c++) values[c - 13] = GeneratedCsv.num(r[c]);
                if (r[11].equals("C_999")) {
                    assertNull(totals.put(group, values), f + ": one C_999 row per group " + group);
                } else {
                    assertFalse(totals.containsKey(group), f + ": C_999 closes its group " + group);
                    long[] s = sums.computeIfAbsent(group, k -> new long[108]);
                    for (int i = 0; i < 108; i++) s[i] += values[i];
                }
            }
            assertEquals(sums.keySet(), totals.keySet(), f + ": every group has a C_999 row");
            for (String group : sums.keySet()) {
                for (int i = 0; i < 108; i++) {
                    assertEquals(sums.get(group)[i], totals.get(group)[i], f + " " + group + ": C_999 " + rows.get(0)[13 + i]);
                }
            }
        }
    }

    @Test
    void rttBlankCellsFollowEachPart() throws Exception {
        boolean sawUnknownBlank = false;
        boolean sawHub = false;
        for (Path f : files(first, "rtt")) {
            for (String[] r : dataRows(f)) {
                long bands = 0;
                boolean bandsBlank = true;
                for (int c = 13; c < 118; c++) {
                    bands += GeneratedCsv.num(r[c]);
                    bandsBlank &= r[c].isEmpty();
                }
                String where = f.getFileName() + " " + r[3] + "/" + r[7] + "/" + r[9] + "/" + r[11];
                switch (r[9]) {
                    case "Part_1A", "Part_1B" -> {
                        assertEquals(bands, Long.parseLong(r[118]), where + ": Total = bands");
                        assertEquals(bands + GeneratedCsv.num(r[119]), Long.parseLong(r[120]), where + ": Total All");
                        sawUnknownBlank |= r[119].isEmpty();
                    }
                    case "Part_2", "Part_2A" -> {
                        assertTrue(r[118].isEmpty() && r[119].isEmpty(), where + ": Total and unknown blank");
                        assertEquals(bands, Long.parseLong(r[120]), where + ": Total All = bands");
                    }
                    case "Part_3" -> assertTrue(bandsBlank && r[118].isEmpty() && r[119].isEmpty() && !r[120].isEmpty(),
                            where + ": only Total All");
                    default -> throw new AssertionError(where + ": unknown part " + r[9]);
                }
                if (r[7].equals("13Q")) {
                    sawHub = true;
                    assertEquals("", r[5], where + ": national hub has no parent");
                }
            }
        }
        assertTrue(sawUnknownBlank, "some completed rows leave the unknown-clock-start count blank");
        assertTrue(sawHub, "some rows are commissioned by the national hub");
    }

    @Test
    void rttHasATailPastFiftyTwoWeeks() throws Exception {
        long over52 = 0;
        for (String[] r : GeneratedCsv.records(first.resolve("rtt/20251130-RTT-November-2025-full-extract.csv"))) {
            if (r[9].equals("Part_2") && r[11].equals("C_999")) {
                for (int c = 13 + 52; c < 118; c++) over52 += GeneratedCsv.num(r[c]);
            }
        }
        assertTrue(over52 > 0, "52+ week waiters present");
    }

    @Test
    void zipFilesHoldExactlyOneCsvNamedLikeTheArchive() throws Exception {
        List<Path> zips = files(first, "rtt").stream().filter(p -> p.toString().endsWith(".zip")).toList();
        assertEquals(1, zips.size(), "December 2025 is the zipped month of the three");
        for (Path zip : zips) {
            List<String> entries = new ArrayList<>();
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                ZipEntry e;
                while ((e = in.getNextEntry()) != null) entries.add(e.getName());
            }
            String expected = zip.getFileName().toString().replaceFirst("\\.zip$", "");
            assertEquals(List.of(expected), entries, zip + " entries");
            SourceContent content = SourceContent.open(new LocalSourceFile(zip));
            assertEquals(expected, content.zipEntry(), "the ingest opens the zip's CSV");
        }
    }

    @Test
    void cancerHeaderIsThePublishedOneAndEnglandRowsAreSums() throws Exception {
        String published = GeneratedCsv.firstLine(Files.readAllBytes(
                RealData.file("derived/SEPTEMBER-2025-CWT-CRS-PROVIDER-headline-standards.DERIVED.csv")));
        boolean sawHalf = false;
        for (Path f : files(first, "cancer")) {
            assertEquals(published, GeneratedCsv.firstLine(GeneratedCsv.bytes(f)), f + " header");
            Map<String, long[]> sums = new TreeMap<>();
            Map<String, long[]> england = new TreeMap<>();
            for (String[] r : dataRows(f)) {
                String block = r[1] + "|" + r[2] + "|" + r[5] + "|" + r[6];
                long total = halves(r[7]);
                long within = halves(r[8]);
                assertEquals(total - within, halves(r[9]), f + " " + block + " " + r[3] + ": after = total - within");
                assertTrue(within <= total, f + " " + block + ": within <= total");
                sawHalf |= r[7].endsWith(".5");
                if (r[4].equals("ALL ENGLISH PROVIDERS")) {
                    assertEquals("", r[3], "England row has a blank ODS code");
                    assertNull(england.put(block, new long[] {total, within}), "one England row per block " + block);
                } else {
                    long[] s = sums.computeIfAbsent(block, k -> new long[2]);
                    s[0] += total;
                    s[1] += within;
                }
            }
            assertEquals(sums.keySet(), england.keySet(), f + ": every block has an England row");
            assertEquals(9 + 16, england.size(), f + ": 28-day, 31-day A–C, 62-day A–E and 16 USC types");
            for (String block : sums.keySet()) {
                assertEquals(sums.get(block)[0], england.get(block)[0], f + " " + block + ": England total");
                assertEquals(sums.get(block)[1], england.get(block)[1], f + " " + block + ": England within");
            }
        }
        assertTrue(sawHalf, "some shared treatments count half");
    }

    @Test
    void financeHeaderIsTheContractAndAmountsUseFinanceConventions() throws Exception {
        String header = "Financial Year,Month,Org Code,Org Name,Org Type,Plan YTD (£000),Actual YTD (£000),"
                + "Forecast Outturn (£000),Control Total (£000),STF YTD (£000)";
        boolean sawBracket = false;
        boolean sawBlankControlTotal = false;
        for (Path f : files(first, "finance")) {
            assertEquals(header, GeneratedCsv.firstLine(GeneratedCsv.bytes(f)), f + " header");
            for (String[] r : dataRows(f)) {
                assertTrue(r[4].equals("Provider") || r[4].equals("CCG"), "Org Type " + r[4]);
                for (int c = 5; c < 10; c++) {
                    assertTrue(r[c].matches("\\(\\d{1,3}(,\\d{3})*(\\.\\d)?\\)|\\d+(\\.\\d)?|"), f + " " + r[2] + " amount " + r[c]);
                    sawBracket |= r[c].startsWith("(");
                }
                assertFalse(r[5].isEmpty() || r[6].isEmpty() || r[7].isEmpty(), "plan, actual and forecast always given");
                sawBlankControlTotal |= r[8].isEmpty();
            }
        }
        assertTrue(sawBracket, "some deficits in brackets");
        assertTrue(sawBlankControlTotal, "some organisations without a control total");
    }

    @Test
    void financeYearToDateRestartsInApril() throws Exception {
        Path run = tmp.resolve("year-end");
        new SampleReturnsGenerator().generate(new SampleReturnsGenerator.Options(run.toString(), YearMonth.of(2018, 3), 2, 7L));
        List<String> march = column(run.resolve("finance/finance-monthly-return-2017-18-M12.csv"), 5);
        List<String> april = column(run.resolve("finance/finance-monthly-return-2018-19-M01.csv"), 5);
        double marchSize = march.stream().mapToDouble(SampleReturnsGeneratorTest::gbpK).map(Math::abs).sum();
        double aprilSize = april.stream().mapToDouble(SampleReturnsGeneratorTest::gbpK).map(Math::abs).sum();
        assertTrue(aprilSize < marchSize / 6, "April's year-to-date plan is about a twelfth of March's");
    }

    @Test
    void lookupsCoverAllFortyTwoFootprintsInThePublishedShapes() throws Exception {
        byte[] trust = Files.readAllBytes(first.resolve("lookups/Trust-STP-lookup.csv"));
        assertTrue(trust[0] == (byte) 0xEF && trust[1] == (byte) 0xBB && trust[2] == (byte) 0xBF, "trust lookup has a BOM");
        assertEquals("NHS England Region,Trust,code,STP,STP_code", GeneratedCsv.firstLine(trust));
        List<String[]> trusts = GeneratedCsv.records(first.resolve("lookups/Trust-STP-lookup.csv"));
        Map<String, Long> perFootprint = trusts.subList(1, trusts.size()).stream()
                .collect(Collectors.groupingBy(r -> r[4], TreeMap::new, Collectors.counting()));
        assertEquals(42, perFootprint.size(), "every footprint has trusts");
        assertTrue(perFootprint.values().stream().allMatch(n -> n >= 2 && n <= 3), "2–3 trusts a footprint " + perFootprint);
        assertTrue(perFootprint.containsKey("E54000049") && !perFootprint.containsKey("E54000047"), "April 2018 footprints");

        String ccgPath = "lookups/ccg18_to_stp18_to_nhser18.csv";
        assertEquals("ccg18cd,ccg18cdh,ccg18nm,stp18cd,stp18nm,nhser18cd,nhser18nm",
                GeneratedCsv.firstLine(Files.readAllBytes(first.resolve(ccgPath))));
        List<String[]> ccgs = GeneratedCsv.records(first.resolve(ccgPath));
        Map<String, Long> ccgsPerFootprint = ccgs.subList(1, ccgs.size()).stream()
                .collect(Collectors.groupingBy(r -> r[3], TreeMap::new, Collectors.counting()));
        assertEquals(42, ccgsPerFootprint.size(), "every footprint has CCGs");
        assertTrue(ccgsPerFootprint.values().stream().allMatch(n -> n <= 4), "at most 4 CCGs a footprint");
        Set<String> regions = ccgs.subList(1, ccgs.size()).stream().map(r -> r[5]).collect(Collectors.toSet());
        assertEquals(7, regions.size(), "seven regions E40000003–E40000010");
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<Path> files(Path root, String folder) throws IOException {
        List<Path> found = files(root.resolve(folder));
        assertEquals(MONTHS, found.size(), folder + ": one file a month");
        return found;
    }

    private static List<String[]> dataRows(Path file) throws IOException {
        List<String[]> rows = GeneratedCsv.records(file);
        return rows.subList(1, rows.size());
    }

    private static List<String> column(Path file, int index) throws IOException {
        return dataRows(file).stream().map(r -> r[index]).toList();
    }

    private static String[] last(Path file) throws IOException {
        List<String[]> rows = GeneratedCsv.records(file);
        assertNotNull(rows.get(rows.size() - 1));
        return rows.get(rows.size() - 1);
    }

    private static long halves(String count) {
        return count.endsWith(".5") ? 2 * Long.parseLong(count.substring(0, count.length() - 2)) + 1 : 2 * Long.parseLong(count);
    }

    private static double gbpK(String amount) {
        String plain = amount.replace(",", "");
        return plain.startsWith("(") ? -Double.parseDouble(plain.substring(1, plain.length() - 1)) : Double.parseDouble(plain);
    }
}
