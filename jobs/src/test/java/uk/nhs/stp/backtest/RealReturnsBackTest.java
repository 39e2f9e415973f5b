package uk.nhs.stp.backtest;

import uk.nhs.stp.testing.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import uk.nhs.stp.cli.StpCommand;
import uk.nhs.stp.testing.RealData;
import uk.nhs.stp.testing.RawCsv;
import uk.nhs.stp.testing.SharedSpark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Back-test: the real published files are landed together and ingested by {@code stp ingest};
 * national figures recomputed with Spark from the conformed tables must equal the figures this
 * test computes by hand from the raw files (a plain quote-aware split and sums, no project code).
 */
class RealReturnsBackTest {
    private static final List<String> LANDED = List.of(
            "ae_monthly_provider/April-2025-CSV-revised.csv",
            "ae_monthly_provider/December-2025-CSV-K7F4Sp.csv",
            "derived/ae_attendances_nhsrdatasets.DERIVED.csv",
            "rtt_full_extract/20260430-RTT-April-2026-full-extract.csv.zip",
            "cwt_provider_workbooks/SEPTEMBER-2025-CWT-CRS-PROVIDER-WORKBOOK-FINAL.xlsx",
            "cwt_provider_workbooks/OCTOBER-2023-CWT-CRS-PROVIDER-WORKBOOK-FINAL.xlsx",
            "finance/financial_positions.csv",
            "lookups_stp/Trust-STP-lookup.csv",
            "derived/ccg18_to_stp18_to_nhser18.DERIVED.csv",
            "lookups_ods/etr.csv");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path root;
    private static Path warehouse;
    private static SparkSession spark;
    private static int exitCode;
    private static JsonNode manifest;
    private static String output;

    @BeforeAll
    static void ingestTheRealFiles() throws IOException {
        spark = SharedSpark.session();
        root = Files.createTempDirectory("stp-backtest");
        Path landing = root.resolve("landing");
        for (String f : LANDED) {
            Path target = landing.resolve(f);
            Files.createDirectories(target.getParent());
            Files.copy(RealData.file(f), target);
        }
        warehouse = root.resolve("wh");
        StringWriter out = new StringWriter();
        CommandLine cl = StpCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        exitCode = cl.execute("ingest", "--landing", landing.toString(), "--warehouse", warehouse.toString());
        output = out.toString();
        try (Stream<Path> s = Files.list(warehouse.resolve("_runs"))) {
            manifest = JSON.readTree(s.findFirst().orElseThrow().resolve("manifest.json").toFile());
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (root != null) TestFiles.deleteTree(root);
    }

    private static Dataset<Row> table(String name) {
        return spark.read().parquet(warehouse.resolve("conformed/" + name).toString());
    }



    @Test
    void everyRealFileIsRecognisedAndNothingIsRejected() {
        assertEquals(0, exitCode, output);
        JsonNode files = manifest.get("files");
        assertEquals(LANDED.size(), files.size(), output);
        for (JsonNode f : files) {
            assertEquals("ingested", f.get("status").asText(), f.toString());
            long read = f.get("rows_read").asLong();
            assertEquals(read, f.get("rows_accepted").asLong() + f.get("rows_rejected").asLong()
                    + f.get("rows_control").asLong(), "read = accepted + rejected + control: " + f.get("path"));
            String expectedRejects = f.get("path").asText().endsWith("etr.csv") ? "3" : "0";
            assertEquals(expectedRejects, f.get("rows_rejected").asText(),
                    "only the 3 Welsh trusts of the ODS extract are out of scope: " + f);
            assertEquals(0, f.get("warnings").size(), "control totals reconcile: " + f);
        }
    }

    @Test
    void aeAttendancesAndFourHourBreachesPerMonthMatchTheRawFiles() throws IOException {
        for (String f : List.of("ae_monthly_provider/April-2025-CSV-revised.csv", "ae_monthly_provider/December-2025-CSV-K7F4Sp.csv")) {
            List<String> lines = Files.readAllLines(RealData.file(f), StandardCharsets.UTF_8);
            long attendances = 0;
            long breaches = 0;
            for (String line : lines.subList(1, lines.size())) {
                List<String> c = RawCsv.split(line);
                if (c.get(1).trim().equals("TOTAL")) continue;
                for (int i = 4; i <= 9; i++) attendances += RawCsv.number(c.get(i));
                for (int i = 10; i <= 15; i++) breaches += RawCsv.number(c.get(i));
            }
            String month = f.contains("April") ? "2025-04-01" : "2025-12-01";
            Row spark = table("ae_attendances").filter("month = DATE'" + month + "' AND NOT is_control_row")
                    .selectExpr("sum(attendances_type_1_count + attendances_type_2_count + attendances_other_count"
                                    + " + attendances_booked_type_1_count + attendances_booked_type_2_count"
                                    + " + attendances_booked_other_count)",
                            "sum(over_4h_type_1_count + over_4h_type_2_count + over_4h_other_count"
                                    + " + over_4h_booked_type_1_count + over_4h_booked_type_2_count"
                                    + " + over_4h_booked_other_count)").first();
            assertEquals(attendances, spark.getLong(0), month + " attendances, all types incl. booked");
            assertEquals(breaches, spark.getLong(1), month + " 4-hour breaches, all types incl. booked");
        }
        // the tidy 2016-2019 history: every month's attendances
        Map<String, Long> byMonth = new TreeMap<>();
        List<String> tidy = Files.readAllLines(RealData.file("derived/ae_attendances_nhsrdatasets.DERIVED.csv"));
        for (String line : tidy.subList(1, tidy.size())) {
            List<String> c = RawCsv.split(line);
            byMonth.merge(c.get(0), RawCsv.number(c.get(3)), Long::sum);
        }
        Map<String, Long> fromSpark = new TreeMap<>();
        for (Row r : table("ae_attendances").filter("month < DATE'2019-04-01'").groupBy("month")
                .agg(org.apache.spark.sql.functions.expr("sum(coalesce(attendances_type_1_count,0) + "
                        + "coalesce(attendances_type_2_count,0) + coalesce(attendances_other_count,0))"))
                .collectAsList()) {
            fromSpark.put(r.get(0).toString(), r.getLong(1));
        }
        assertEquals(byMonth, fromSpark, "tidy history attendances per month");
    }

    @Test
    void rttIncompletePathwaysAndWaitsMatchTheRawExtract() throws IOException {
        long total = 0;
        long within18 = 0;
        long over52 = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(
                RealData.file("rtt_full_extract/20260430-RTT-April-2026-full-extract.csv.zip")))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null && e.getName().startsWith("__MACOSX")) { }
            BufferedReader r = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
            List<String> header = RawCsv.split(r.readLine());
            int firstBand = header.indexOf("Gt 00 To 01 Weeks SUM 1");
            int band52 = header.indexOf("Gt 52 To 53 Weeks SUM 1");
            int lastBand = header.indexOf("Gt 104 Weeks SUM 1");
            int totalAll = header.indexOf("Total All");
            String line;
            while ((line = r.readLine()) != null) {
                List<String> c = RawCsv.split(line);
                if (!c.get(9).equals("Part_2") || c.get(11).equals("C_999")) continue;
                total += RawCsv.number(c.get(totalAll));
                for (int b = firstBand; b < firstBand + 18; b++) within18 += RawCsv.number(c.get(b));
                for (int b = band52; b <= lastBand; b++) over52 += RawCsv.number(c.get(b));
            }
        }
        Row s = table("rtt_pathways").filter("rtt_part_type = 'Part_2' AND NOT is_control_row")
                .selectExpr("sum(total_all_count)", "sum(within_18_weeks_count)", "sum(over_52_weeks_count)").first();
        assertEquals(total, s.getLong(0), "incomplete pathways (Part_2, C_999 excluded)");
        assertEquals(within18, s.getLong(1), "incomplete pathways within 18 weeks");
        assertEquals(over52, s.getLong(2), "incomplete pathways over 52 weeks");
        Row control = table("rtt_pathways").filter("rtt_part_type = 'Part_2' AND is_control_row")
                .selectExpr("sum(total_all_count)").first();
        assertEquals(total, control.getLong(0), "the C_999 rows hold the same total, counted once");
    }

    @Test
    void cancerTotalsPerStandardMatchTheFlattenedPublication() throws IOException {
        // the flattened CSV of the same month keeps the workbook's ALL ENGLISH PROVIDERS rows; its
        // 62-day sheet lost the 0.5 shares when it was flattened, so the exact check covers the others
        List<String> lines = Files.readAllLines(RealData.file(
                "derived/SEPTEMBER-2025-CWT-CRS-PROVIDER-headline-standards.DERIVED.csv"));
        Map<String, BigDecimal[]> national = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = RawCsv.split(line);
            if (!c.get(4).equals("ALL ENGLISH PROVIDERS") || c.get(1).startsWith("62-DAY")) continue;
            national.put(c.get(1) + "|" + c.get(2) + "|" + c.get(5) + "|" + c.get(6), new BigDecimal[] {new BigDecimal(c.get(7)), new BigDecimal(c.get(8))});
        }
        assertTrue(national.size() >= 5, "28-day, three 31-day parts, USC: " + national.keySet());
        for (Map.Entry<String, BigDecimal[]> e : national.entrySet()) {
            String[] key = e.getKey().split("\\|", -1);
            Row s = table("cancer_waiting_times").filter("month = DATE'2025-09-01' AND NOT is_control_row AND sheet = '"
                    + key[0] + "' AND " + equalOrNull("part", key[1]) + " AND " + equalOrNull("breakdown_1", key[2])
                    + " AND " + equalOrNull("breakdown_2", key[3])).selectExpr("sum(total_count)", "sum(within_standard_count)").first();
            assertEquals(0, e.getValue()[0].compareTo(s.getDecimal(0)), e.getKey() + " total: " + s);
            assertEquals(0, e.getValue()[1].compareTo(s.getDecimal(1)), e.getKey() + " within standard: " + s);
        }
    }

    private static String equalOrNull(String column, String value) {
        return value.isEmpty() ? column + " IS NULL" : column + " = '" + value.replace("'", "''") + "'";
    }

    @Test
    void providerSurplusOrDeficitPerYearMatchesTheRawFile() throws IOException {
        Map<String, BigDecimal> byYear = new TreeMap<>();
        List<String> lines = Files.readAllLines(RealData.file("finance/financial_positions.csv"));
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = RawCsv.split(line);
            byYear.merge(c.get(1).trim(), new BigDecimal(c.get(2).trim()), BigDecimal::add);
        }
        Map<String, BigDecimal> fromSpark = new TreeMap<>();
        for (Row r : table("finance_annual_positions").groupBy("month").agg(
                org.apache.spark.sql.functions.sum("financial_position_gbp_k")).collectAsList()) {
            fromSpark.put(r.get(0).toString().substring(0, 4), r.getDecimal(1));
        }
        assertEquals(byYear.keySet(), fromSpark.keySet());
        byYear.forEach((year, sum) -> assertEquals(0, sum.compareTo(fromSpark.get(year)),
                year + ": " + sum + " vs " + fromSpark.get(year)));
        // PROVENANCE.md: the sector's 2015/16 deficit, £2,442.2m
        assertEquals(new BigDecimal("-2442.2"), fromSpark.get("2015").divide(new BigDecimal(1000))
                .setScale(1, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void organisationLookupsLoadAsEffectiveDatedMappings() {
        Dataset<Row> map = table("org_footprint_map");
        assertEquals(137, map.filter("lookup = 'trust_stp_lookup_csv'").count());
        assertEquals(44, map.filter("lookup = 'trust_stp_lookup_csv'").select("footprint_code").distinct().count());
        assertEquals(42, map.filter("lookup = 'ccg18_stp_lookup_csv'").select("footprint_code").distinct().count());
        assertEquals(0, map.filter("valid_from IS NULL").count(), "every mapping has a start");
    }
}
