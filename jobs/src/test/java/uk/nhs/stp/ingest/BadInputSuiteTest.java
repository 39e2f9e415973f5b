package uk.nhs.stp.ingest;

import uk.nhs.stp.testing.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import uk.nhs.stp.cli.ExitCodes;
import uk.nhs.stp.cli.StpCommand;
import uk.nhs.stp.testing.RealData;
import uk.nhs.stp.testing.SharedSpark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed inputs, each a file in one landing folder ingested by one {@code stp ingest} run:
 * every case asserts its outcome in the manifest (status, rule, message, row accounting) and,
 * for row-level cases, the rejects table. The run as a whole exits 3 because some files are
 * rejected whole, while the good and row-level-bad files are still ingested.
 */
class BadInputSuiteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Case> CASES = new ArrayList<>();
    private static Path root;
    private static int exitCode;
    private static String stderr;
    private static final Map<String, JsonNode> BY_FILE = new HashMap<>();
    private static Dataset<Row> rejects;

    /**
     * One malformed file and what must happen to it.
     *
     * @param status   manifest status: {@code rejected} (whole file) or {@code ingested}
     * @param rule     the whole-file rule, or the row-level rule expected in rejects
     * @param message  text the error (or a reject reason / warning) must contain
     * @param read     rows_read expected (−1: not checked)
     * @param rejected rows_rejected expected
     */
    record Case(String file, byte[] bytes, String status, String rule, String message, long read, long rejected) { }

    private static String header;

    private static String ae(String org, String t1, String over4hT1) {
        return "MSitAE-APRIL-2025," + org + ",NHS ENGLAND LONDON,\"" + org + " HOSPITAL, NHS TRUST\"," + t1
                + ",0,0,0,0,0," + over4hT1 + ",0,0,0,0,0,0,0,0,0,0,0\r\n";
    }

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    private static void add(String file, byte[] bytes, String status, String rule, String message, long read,
                            long rejected) {
        CASES.add(new Case(file, bytes, status, rule, message, read, rejected));
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(utf8(e.getValue()));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @BeforeAll
    static void ingestEveryCase() throws IOException {
        header = Files.readAllLines(RealData.file("ae_monthly_provider/April-2025-CSV-revised.csv")).get(0) + "\r\n";
        String good = ae("RJZ", "1000", "100") + ae("RJ1", "2000", "200");
        String fin = "Financial Year,Month,Org Code,Org Name,Org Type,Plan YTD (£000),Actual YTD (£000),"
                + "Forecast Outturn (£000),Control Total (£000),STF YTD (£000)\r\n";

        // whole-file rejects
        add("01-empty.csv", new byte[0], "rejected", "empty", "is empty", 0, 0);
        add("02-header-only.csv", utf8(header), "rejected", "no_rows", "no data rows", 0, 0);
        add("03-header-and-blank-lines.csv", utf8(header + "\r\n,,,\r\n\r\n"), "rejected", "no_rows", "no data rows", 0, 0);
        add("04-not-a-return.csv", utf8("name,colour\r\napple,red\r\n"), "rejected", "not_a_return",
                "not a recognised return", 0, 0);
        add("05-missing-required-column.csv", utf8(header.replace(",Attendances over 4hrs Type 1,", ",Something else,")
                + good), "rejected", "missing_columns", "Attendances over 4hrs Type 1", 0, 0);
        add("06-binary.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'}, "rejected",
                "binary", "binary", 0, 0);
        add("07-utf16.csv", (header + good).getBytes(StandardCharsets.UTF_16), "rejected", "encoding", "UTF-16", 0, 0);
        add("08-windows-1252.csv", (header + good.replace("HOSPITAL", "HÔPITAL £"))
                .getBytes(Charset.forName("windows-1252")), "rejected", "encoding", "not valid UTF-8", 0, 0);
        String truncated = header + good + ae("RGT", "3000", "300");
        add("09-truncated-last-line.csv", utf8(truncated.substring(0, truncated.length() - 20)), "rejected",
                "truncated", "truncated", 0, 0);
        add("10-open-quote-at-end.csv", utf8(header + good + "MSitAE-APRIL-2025,RGT,NHS ENGLAND LONDON,\"CUT OFF"),
                "rejected", "truncated", "quoted field", 0, 0);
        add("11-zip-without-csv.zip", zip(Map.of("__MACOSX/._x.csv", "junk", "readme.txt", "hello")), "rejected",
                "zip_without_csv", "no CSV file", 0, 0);
        add("12-zip-with-two-csv.zip", zip(Map.of("a.csv", header + good, "b.csv", header + good)), "rejected",
                "zip_many_csv", "2 CSV files", 0, 0);
        byte[] whole = zip(Map.of("april.csv", header + good));
        add("13-damaged-zip.zip", java.util.Arrays.copyOf(whole, whole.length / 2), "rejected", "truncated",
                "damaged or truncated zip", 0, 0);
        add("14-two-periods.csv", utf8(header + good + ae("RGT", "5", "1").replace("APRIL", "MAY")), "rejected",
                "many_periods", "periods", 0, 0);
        add("15-finance-two-months.csv", utf8(fin + "2017/18,M06,RJ1,GUYS,Provider,1,2,3,,\r\n"
                + "2017/18,M07,RJZ,KINGS,Provider,1,2,3,,\r\n"), "rejected", "many_periods", "periods", 0, 0);

        // row-level rejects: the file is ingested, bad rows are rejected with line, column and reason
        add("16-text-in-count.csv", utf8(header + good + ae("RGT", "lots", "3")), "ingested", "type", "'lots'", 3, 1);
        add("17-negative-count.csv", utf8(header + good + ae("RGT", "-5", "0")), "ingested", "non_negative",
                "must be at least 0", 3, 1);
        add("18-within-over-total.csv", utf8(header + good + ae("RGT", "10", "11")), "ingested", "within_le_total",
                "exceeds", 3, 1);
        add("19-duplicate-rows.csv", utf8(header + good + ae("RJZ", "1000", "100")), "ingested", "duplicate_key",
                "appears on lines", 3, 2);
        add("20-shifted-columns.csv", utf8(header + good + ae("RGT", "10", "1").replace(",RGT,", ",RGT,EXTRA,")),
                "ingested", "field_count", "23 fields", 3, 1);
        add("21-missing-fields.csv", utf8(header + good + "MSitAE-APRIL-2025,RGT,NHS ENGLAND LONDON,RGT,1,2\r\n"),
                "ingested", "field_count", "6 fields", 3, 1);
        add("22-brackets-in-count.csv", utf8(header + good + ae("RGT", "(5)", "0")), "ingested", "non_negative",
                "must be at least 0", 3, 1);
        add("23-misplaced-thousands.csv", utf8(header + good + ae("RGT", "\"12,34\"", "0")), "ingested", "type",
                "thousands separator", 3, 1);
        add("24-unreadable-period.csv", utf8(header + good + ae("RGT", "1", "0").replace("MSitAE-APRIL-2025",
                "MSitAE-SMARCH-2025")), "ingested", "type", "MSitAE-SMARCH-2025", 3, 1);
        add("25-finance-bad-amount.csv", utf8(fin + "2017/18,M06,RJ1,GUYS,Provider,\"(1,234)\",n/a,3,,\r\n"
                + "2017/18,M06,RJZ,KINGS,Provider,1,2,3,,\r\n"), "ingested", "type", "'n/a'", 2, 1);
        add("26-finance-bad-org-type.csv", utf8(fin + "2017/18,M06,RJ1,GUYS,Trust,1,2,3,,\r\n"
                + "2017/18,M06,RJZ,KINGS,Provider,1,2,3,,\r\n"), "ingested", "allowed_values", "Trust", 2, 1);
        add("27-finance-month-13.csv", utf8(fin + "2017/18,M13,RJ1,GUYS,Provider,1,2,3,,\r\n"
                + "2017/18,M06,RJZ,KINGS,Provider,1,2,3,,\r\n"), "ingested", "type", "M13", 2, 1);

        // tolerated quirks: accepted whole
        add("28-thousands-separators-and-bom-lf.csv", utf8("\uFEFF" + (header + ae("RJZ", "\"1,234\"", "100"))
                .replace("\r\n", "\n")), "ingested", null, null, 1, 0);
        add("29-title-lines-above-header.csv", utf8("A&E attendances, April 2025\r\nProvisional\r\n\r\n"
                + header + good), "ingested", null, null, 2, 0);

        root = Files.createTempDirectory("stp-bad-input");
        Path landing = root.resolve("landing");
        Files.createDirectories(landing);
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            byte[] bytes = c.bytes();
            if ("ingested".equals(c.status())) {
                // each ingested case gets its own period, so no case supersedes another's month
                int year = 1990 + i;
                bytes = utf8(new String(bytes, StandardCharsets.UTF_8).replace("APRIL-2025", "APRIL-" + year)
                        .replace("2017/18", year + "/" + String.format("%02d", (year + 1) % 100)));
            }
            Files.write(landing.resolve(c.file()), bytes);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = StpCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        SharedSpark.session();
        exitCode = cl.execute("ingest", "--landing", landing.toString(), "--warehouse", root.resolve("wh").toString());
        stderr = err.toString();
        Path runs = root.resolve("wh/_runs");
        Path run;
        try (Stream<Path> s = Files.list(runs)) {
            run = s.findFirst().orElseThrow();
        }
        for (JsonNode f : JSON.readTree(run.resolve("manifest.json").toFile()).get("files")) {
            String path = f.get("path").asText();
            BY_FILE.put(path.substring(path.lastIndexOf('/') + 1), f);
        }
        rejects = SharedSpark.session().read().parquet(root.resolve("wh/rejects").toString()).cache();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (root != null) TestFiles.deleteTree(root);
    }

    @Test
    void theRunExitsThreeAndNamesEachRejectedFileWithoutAStackTrace() {
        assertEquals(ExitCodes.FILES_REJECTED, exitCode, stderr);
        assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), "no stack traces: " + stderr);
        for (Case c : CASES) {
            if ("rejected".equals(c.status())) {
                assertTrue(stderr.contains(c.file()), "stderr names " + c.file() + ": " + stderr);
            }
        }
        assertTrue(CASES.size() >= 25, "at least 25 malformed cases");
    }

    @TestFactory
    Stream<DynamicTest> eachCaseHasItsOutcome() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.file(), () -> {
            JsonNode f = BY_FILE.get(c.file());
            assertNotNull(f, "manifest lists " + c.file());
            assertEquals(c.status(), f.get("status").asText(), c.file() + ": " + f);
            long read = f.get("rows_read").asLong();
            long accepted = f.get("rows_accepted").asLong();
            long rejectedRows = f.get("rows_rejected").asLong();
            long control = f.get("rows_control").asLong();
            assertEquals(read, accepted + rejectedRows + control, c.file() + ": read = accepted + rejected + control");
            if ("rejected".equals(c.status())) {
                assertEquals(c.rule(), f.get("error_rule").asText(), c.file() + ": " + f);
                assertTrue(f.get("error").asText().contains(c.message()), c.file() + ": message was '"
                        + f.get("error").asText() + "'");
                assertEquals(1, rejects.filter(col("source_file").endsWith("/" + c.file())
                        .and(col("line_number").equalTo(0)).and(col("rule").equalTo(c.rule()))).count(),
                        c.file() + ": one whole-file reject row");
                return;
            }
            assertEquals(c.read(), read, c.file() + ": rows_read");
            assertEquals(c.rejected(), rejectedRows, c.file() + ": rows_rejected");
            Dataset<Row> mine = rejects.filter(col("source_file").endsWith("/" + c.file()));
            if (c.rule() == null) {
                assertEquals(0, mine.count(), c.file() + ": nothing rejected");
                return;
            }
            List<Row> rows = mine.filter(col("rule").equalTo(c.rule())).collectAsList();
            assertEquals(c.rejected(), rows.stream().map(r -> r.<Long>getAs("line_number")).distinct().count(),
                    c.file() + ": rejected lines with rule " + c.rule() + " in " + mine.collectAsList());
            assertTrue(rows.stream().allMatch(r -> r.<Long>getAs("line_number") > 1),
                    c.file() + ": rejects carry the data row's line");
            assertTrue(rows.stream().anyMatch(r -> r.<String>getAs("reason").contains(c.message())
                            || String.valueOf(r.<String>getAs("raw_value")).contains(c.message())),
                    c.file() + ": a reason or raw value mentions '" + c.message() + "': " + rows);
        }));
    }
}
