package uk.nhs.stp.backtest;

import uk.nhs.stp.testing.TestFiles;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import uk.nhs.stp.cli.StpCommand;
import uk.nhs.stp.marts.DimMetric;
import uk.nhs.stp.marts.FootprintMap;
import uk.nhs.stp.marts.FootprintMetrics;
import uk.nhs.stp.marts.RttMetricCounts;
import uk.nhs.stp.reference.Metrics;
import uk.nhs.stp.marts.RttWaitBands;
import uk.nhs.stp.marts.RttWaitPercentile;
import uk.nhs.stp.testing.RealData;
import uk.nhs.stp.testing.RawCsv;
import uk.nhs.stp.testing.SharedSpark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Back-test of the RTT marts on the real April 2026 full extract: the file is ingested by
 * {@code stp ingest}, the marts are applied to the conformed table, and the England figures must
 * equal those this test computes by hand from the raw CSV lines (a plain quote-aware split and
 * sums, and its own percentile walk, no project code).
 */
class RttMetricsBackTest {
    private static final String EXTRACT = "rtt_full_extract/20260430-RTT-April-2026-full-extract.csv.zip";
    private static final String ODS_TRUSTS = "lookups_ods/etr.csv";
    private static final String PRACTICES = "lookups_ods/gp-reg-pat-prac-map.csv";
    private static Dataset<Row> orgFootprintMap;
    private static Path root;
    private static Dataset<Row> rttPathways;
    private static Raw raw;

    /** England sums over the raw lines of Part_2, C_999 excluded. */
    private static final class Raw {
        long totalAll;
        long within18;
        long over52;
        long[] bands;
        int openBandFrom;
        /** commissioner org code -> {Total All, within 18 weeks, bands…} */
        final Map<String, long[]> byCommissioner = new HashMap<>();
    }

    @BeforeAll
    static void ingestTheRealExtract() throws IOException {
        SparkSession spark = SharedSpark.session();
        root = Files.createTempDirectory("stp-rtt-backtest");
        Path landing = root.resolve("landing");
        Files.createDirectories(landing);
        Files.copy(RealData.file(EXTRACT), landing.resolve("extract.csv.zip"));
        Files.copy(RealData.file(ODS_TRUSTS), landing.resolve("etr.csv"));
        Files.copy(RealData.file(PRACTICES), landing.resolve("gp-reg-pat-prac-map.csv"));
        Path warehouse = root.resolve("wh");
        StringWriter out = new StringWriter();
        CommandLine cl = StpCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int exit = cl.execute("ingest", "--landing", landing.toString(), "--warehouse", warehouse.toString());
        assertEquals(0, exit, out.toString());
        rttPathways = spark.read().parquet(warehouse.resolve("conformed/rtt_pathways").toString());
        orgFootprintMap = spark.read().parquet(warehouse.resolve("conformed/org_footprint_map").toString());
        raw = readRaw();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (root != null) TestFiles.deleteTree(root);
    }

    private static Raw readRaw() throws IOException {
        Raw r = new Raw();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(RealData.file(EXTRACT)))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null && e.getName().startsWith("__MACOSX")) { }
            BufferedReader in = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
            List<String> header = RawCsv.split(in.readLine());
            int part = header.indexOf("RTT Part Type");
            int function = header.indexOf("Treatment Function Code");
            int firstBand = header.indexOf("Gt 00 To 01 Weeks SUM 1");
            int band52 = header.indexOf("Gt 52 To 53 Weeks SUM 1");
            int lastBand = header.indexOf("Gt 104 Weeks SUM 1");
            int totalAll = header.indexOf("Total All");
            int commissioner = header.indexOf("Commissioner Org Code");
            r.openBandFrom = 104;
            r.bands = new long[lastBand - firstBand + 1];
            assertEquals(r.openBandFrom + 1, r.bands.length, "bands 0-1 … 103-104 weeks and the open band");
            String line;
            while ((line = in.readLine()) != null) {
                List<String> c = RawCsv.split(line);
                if (!c.get(part).equals("Part_2") || c.get(function).equals("C_999")) continue;
                r.totalAll += RawCsv.number(c.get(totalAll));
                for (int b = firstBand; b < firstBand + 18; b++) r.within18 += RawCsv.number(c.get(b));
                for (int b = band52; b <= lastBand; b++) r.over52 += RawCsv.number(c.get(b));
                for (int b = firstBand; b <= lastBand; b++) r.bands[b - firstBand] += RawCsv.number(c.get(b));
                long[] k = r.byCommissioner.computeIfAbsent(c.get(commissioner), x -> new long[2 + r.bands.length]);
                k[0] += RawCsv.number(c.get(totalAll));
                for (int b = firstBand; b < firstBand + 18; b++) k[1] += RawCsv.number(c.get(b));
                for (int b = firstBand; b <= lastBand; b++) k[2 + b - firstBand] += RawCsv.number(c.get(b));
            }
        }
        return r;
    }



    @Test
    void englandNumeratorsAndDenominatorsEqualTheRawSums() {
        Map<String, BigDecimal[]> england = new HashMap<>();
        for (Row r : RttMetricCounts.from(rttPathways).groupBy("metric_id")
                .agg(sum("numerator"), sum("denominator")).collectAsList()) {
            england.put(r.getString(0), new BigDecimal[] {r.getDecimal(1), r.getDecimal(2)});
        }
        assertEquals(3, england.size(), "three metrics: " + england.keySet());
        assertCount(raw.totalAll, england.get("rtt_incomplete_total")[0], "incomplete pathways");
        assertNull(england.get("rtt_incomplete_total")[1], "a count has no denominator");
        assertCount(raw.within18, england.get("rtt_18w_incomplete")[0], "incomplete pathways within 18 weeks");
        assertCount(raw.totalAll, england.get("rtt_18w_incomplete")[1], "18-week denominator: incomplete pathways");
        assertCount(raw.over52, england.get("rtt_52w_plus")[0], "incomplete pathways over 52 weeks");
        assertNull(england.get("rtt_52w_plus")[1], "a count has no denominator");
        System.out.printf("England April 2026: %d incomplete pathways, %.2f%% within 18 weeks, %d over 52 weeks%n",
                raw.totalAll, 100.0 * raw.within18 / raw.totalAll, raw.over52);
    }

    private static void assertCount(long expected, BigDecimal actual, String what) {
        assertEquals(0, BigDecimal.valueOf(expected).compareTo(actual), what + ": raw " + expected + ", marts " + actual);
    }

    @Test
    void englandP92EqualsTheHandInterpolationOverTheRawBandTotals() {
        Dataset<Row> bands = RttWaitBands.from(rttPathways);
        long bandSum = bands.agg(sum("pathways_count")).first().getLong(0);
        assertEquals(raw.totalAll, bandSum, "the bands of incomplete pathways add up to Total All");

        BigDecimal rank = new BigDecimal("0.92").multiply(BigDecimal.valueOf(raw.totalAll));
        int band = bandHolding(raw.bands, raw.totalAll);
        boolean censored = band == raw.openBandFrom;
        BigDecimal expected = p92ByHand(raw.bands, raw.totalAll, raw.openBandFrom);

        List<Row> england = RttWaitPercentile.estimate(bands, List.of("month"), RttWaitPercentile.P92).collectAsList();
        assertEquals(1, england.size(), "one month, one England row");
        Row p92 = england.get(0);
        assertEquals(expected, p92.getDecimal(p92.fieldIndex("value_weeks")), "England p92 (weeks)");
        assertEquals(censored, p92.getBoolean(p92.fieldIndex("is_censored")), "England p92 censoring");
        assertFalse(censored, "England's 92nd percentile is below 104 weeks");
        System.out.println("England April 2026 rtt_p92_weeks = " + expected + " (band " + band + "-" + (band + 1)
                + " weeks, rank " + rank + " of " + raw.totalAll + ")");

        // Averaging the providers' p92s instead (censored ones at their 104-week bound) is no estimate of
        // England's: it lands weeks away.
        BigDecimal meanOfProviders = RttWaitPercentile.estimate(bands, List.of("org_code"), RttWaitPercentile.P92)
                .agg(avg("value_weeks")).first().getDecimal(0);
        System.out.println("Mean of the providers' p92s, for contrast only = " + meanOfProviders);
        assertTrue(meanOfProviders.subtract(expected).abs().compareTo(BigDecimal.ONE) > 0,
                "the mean of provider p92s (" + meanOfProviders + ") is not the England p92 (" + expected + ")");
    }

    /** The band holding rank 0.92 × total: the first whose cumulative count reaches it. */
    private static int bandHolding(long[] bands, long total) {
        BigDecimal rank = new BigDecimal("0.92").multiply(BigDecimal.valueOf(total));
        long before = 0;
        int band = 0;
        while (BigDecimal.valueOf(before + bands[band]).compareTo(rank) < 0) before += bands[band++];
        return band;
    }

    /** By hand: rank = 0.92 x T; the band holding it; linear within it; the open band gives its bound. */
    private static BigDecimal p92ByHand(long[] bands, long total, int openBandFrom) {
        BigDecimal rank = new BigDecimal("0.92").multiply(BigDecimal.valueOf(total));
        int band = bandHolding(bands, total);
        long before = 0;
        for (int i = 0; i < band; i++) before += bands[i];
        if (band == openBandFrom) return BigDecimal.valueOf(openBandFrom).setScale(4);
        return BigDecimal.valueOf(band).add(rank.subtract(BigDecimal.valueOf(before))
                .divide(BigDecimal.valueOf(bands[band]), 20, RoundingMode.HALF_UP)).setScale(4, RoundingMode.HALF_UP);
    }

    /**
     * Commissioner basis on the ICSs of January 2022: every footprint's waiting list, 18-week
     * performance and 92nd percentile equal the raw rows of the commissioners the raw GP practice
     * mapping file puts in it (CCG_CODE -> ONS_STP_CODE), summed by hand; commissioners it does not
     * list (specialised commissioning hubs, later sub-ICB codes) are the unmapped activity.
     */
    @Test
    void icsWaitingListsByCommissionerEqualTheRawRowsOfTheirCcgs() throws IOException {
        Map<String, String> icsOfCcg = new HashMap<>();
        List<String> practices = Files.readAllLines(RealData.file(PRACTICES), StandardCharsets.UTF_8);
        for (String line : practices.subList(1, practices.size())) {
            if (line.isBlank()) continue;
            List<String> c = RawCsv.split(line);
            icsOfCcg.put(c.get(8), c.get(10));
        }
        Map<String, long[]> byIcs = new HashMap<>();
        long unmapped = 0;
        for (Map.Entry<String, long[]> e : raw.byCommissioner.entrySet()) {
            String ics = icsOfCcg.get(e.getKey());
            if (ics == null) {
                unmapped += e.getValue()[0];
                continue;
            }
            long[] sums = byIcs.computeIfAbsent(ics, x -> new long[e.getValue().length]);
            for (int i = 0; i < sums.length; i++) sums[i] += e.getValue()[i];
        }

        SparkSession spark = SharedSpark.session();
        Dataset<Row> basis = spark.createDataFrame(DimMetric.from(Metrics.all()), DimMetric.SCHEMA);
        Dataset<Row> providers = FootprintMap.forVintage(orgFootprintMap, "2022");
        Dataset<Row> commissioners = FootprintMap.commissioners(orgFootprintMap, "2022", null);
        Dataset<Row> counts = RttMetricCounts.from(rttPathways);
        Map<String, Row> footprint = new HashMap<>();
        for (Row r : FootprintMetrics.aggregate(counts, basis, providers, commissioners)
                .unionByName(FootprintMetrics.waitPercentiles(RttWaitBands.from(rttPathways), commissioners))
                .filter("area_level = 'footprint'").collectAsList()) {
            footprint.put(r.getAs("area_code") + "|" + r.getAs("metric_id"), r);
        }
        // sub-ICB codes changed after January 2022 in places, so not every ICS keeps a listed commissioner
        assertTrue(byIcs.size() >= 40, "commissioners in most of the 42 ICSs: " + byIcs.keySet());
        System.out.println("ICSs of January 2022 with April 2026 commissioners: " + byIcs.size());
        for (Map.Entry<String, long[]> e : byIcs.entrySet()) {
            long[] h = e.getValue();
            Row total = footprint.get(e.getKey() + "|rtt_incomplete_total");
            Row within = footprint.get(e.getKey() + "|rtt_18w_incomplete");
            assertCount(h[0], total.getAs("numerator"), e.getKey() + " waiting list");
            assertCount(h[1], within.getAs("numerator"), e.getKey() + " within 18 weeks");
            assertCount(h[0], within.getAs("denominator"), e.getKey() + " 18-week denominator");
            long[] bands = java.util.Arrays.copyOfRange(h, 2, h.length);
            Row p92 = footprint.get(e.getKey() + "|rtt_p92_weeks");
            assertEquals(p92ByHand(bands, h[0], raw.openBandFrom), p92.getAs("value"), e.getKey() + " p92 (weeks)");
        }
        Row dq = FootprintMetrics.unmapped(counts, basis, providers, commissioners)
                .filter("metric_id = 'rtt_incomplete_total'").first();
        assertCount(unmapped, dq.getAs("unmapped_denominator"), "pathways of commissioners no ICS lists");
        assertTrue(unmapped > 0 && unmapped < raw.totalAll / 5, "hubs and newer codes: some, not most: " + unmapped);
        System.out.printf("April 2026 by commissioner on the 2022 ICSs: %,d of %,d pathways unmapped (%.2f%%)%n",
                unmapped, raw.totalAll, 100.0 * unmapped / raw.totalAll);
    }
}
