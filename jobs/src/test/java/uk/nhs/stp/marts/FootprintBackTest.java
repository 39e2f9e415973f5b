package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.reference.Metrics;
import uk.nhs.stp.testing.RawCsv;
import uk.nhs.stp.testing.RawTrustSuccessors;
import uk.nhs.stp.testing.RealData;
import uk.nhs.stp.testing.SharedSpark;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Back-test: the real NHS-R tidy A&E history and the real lookups (trust → STP 2017/18, CCG →
 * STP April 2018, the ODS trust extract and the GP practice mapping file of January 2022) are
 * ingested; the footprint A&E 4-hour figures of vintages 2017, 2018 and 2022 must equal sums
 * computed by hand from the raw files (trust mergers followed through the shipped
 * {@code reference/trust_successors.csv} for codes a lookup does not list), and the unmapped share
 * must equal the hand-computed share of attendances no footprint receives.
 */
class FootprintBackTest {
    private static final String AE = "derived/ae_attendances_nhsrdatasets.DERIVED.csv";
    private static final String TRUSTS = "lookups_stp/Trust-STP-lookup.csv";
    private static final String CCGS = "derived/ccg18_to_stp18_to_nhser18.DERIVED.csv";
    private static final String ODS_TRUSTS = "lookups_ods/etr.csv";
    private static final String PRACTICES = "lookups_ods/gp-reg-pat-prac-map.csv";
    private static final List<String> MONTHS = List.of("2017-01-01", "2017-06-01", "2018-12-01");

    @TempDir
    static Path dir;
    private static Dataset<Row> counts;
    private static Dataset<Row> map;
    /** org_code -> STP code, from the raw trust lookup. */
    private static Map<String, String> stpOf;
    /** "month|stp" -> {attendances, breaches} on the 2017 lookup; stp "-" for organisations no footprint receives. */
    private static Map<String, long[]> byHand;
    /** The same on the ICSs of January 2022 (E54 codes). */
    private static Map<String, long[]> byHand2022;

    @BeforeAll
    static void ingestAndSumByHand() throws IOException {
        RealWarehouse wh = RealWarehouse.ingest(dir, List.of(AE, TRUSTS, CCGS, ODS_TRUSTS, PRACTICES));
        counts = AeMetricCounts.from(wh.conformed("ae_attendances")).filter("metric_id = 'ae_4h'").cache();
        map = wh.conformed("org_footprint_map").cache();

        stpOf = new HashMap<>();
        List<String> lookup = Files.readAllLines(RealData.file(TRUSTS), StandardCharsets.UTF_8);
        // header: NHS England Region,Trust,code,STP,STP_code
        for (String line : lookup.subList(1, lookup.size())) {
            if (line.isBlank()) continue;
            List<String> c = RawCsv.split(line);
            stpOf.put(c.get(2).trim(), c.get(4).trim());
        }
        byHand = sumByFootprint(RawTrustSuccessors.apply(stpOf));

        // January 2022: trust -> Q code from the ODS extract (open on 2022-01-01), Q -> E54 from the practice file
        Map<String, String> e54OfQ = new HashMap<>();
        List<String> practices = Files.readAllLines(RealData.file(PRACTICES), StandardCharsets.UTF_8);
        // header: ...,ONS_STP_CODE (10),STP_CODE (11),...
        for (String line : practices.subList(1, practices.size())) {
            if (line.isBlank()) continue;
            List<String> c = RawCsv.split(line);
            e54OfQ.put(c.get(11).trim(), c.get(10).trim());
        }
        Map<String, String> icsOf = new HashMap<>();
        for (String line : Files.readAllLines(RealData.file(ODS_TRUSTS), StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            List<String> c = RawCsv.split(line);
            boolean open = c.get(10).compareTo("20220101") <= 0 && (c.get(11).isEmpty() || c.get(11).compareTo("20220101") >= 0);
            if (open && e54OfQ.containsKey(c.get(3))) icsOf.put(c.get(0), e54OfQ.get(c.get(3)));
        }
        byHand2022 = sumByFootprint(RawTrustSuccessors.apply(icsOf));
    }

    /** "month|footprint" -> {attendances, breaches} over the tidy history; "-" for codes not placed. */
    private static Map<String, long[]> sumByFootprint(Map<String, String> footprintOf) throws IOException {
        Map<String, long[]> sums = new TreeMap<>();
        List<String> tidy = Files.readAllLines(RealData.file(AE), StandardCharsets.UTF_8);
        // header: period,org_code,type,attendances,breaches,admissions; types 1, 2 and other, no booked columns
        for (String line : tidy.subList(1, tidy.size())) {
            if (line.isBlank()) continue;
            List<String> c = RawCsv.split(line);
            String key = c.get(0).trim() + "|" + footprintOf.getOrDefault(c.get(1).trim(), "-");
            long[] s = sums.computeIfAbsent(key, k -> new long[2]);
            s[0] += RawCsv.number(c.get(3));
            s[1] += RawCsv.number(c.get(4));
        }
        return sums;
    }

    private static Map<String, Row> footprints(String vintage) {
        Dataset<Row> metrics = SharedSpark.session().createDataFrame(DimMetric.from(Metrics.all()), DimMetric.SCHEMA);
        Dataset<Row> months = counts.select("month").distinct();
        Dataset<Row> targets = SharedSpark.session().createDataFrame(List.of(), new org.apache.spark.sql.types.StructType()
                .add("metric_id", "string").add("standard_pct", "decimal(5,2)").add("standard_count", "long")
                .add("valid_from", "date").add("valid_to", "date"));
        Dataset<Row> aggregated = FootprintMetrics.aggregate(counts, metrics, FootprintMap.forVintage(map, vintage),
                        FootprintMap.commissioners(map, vintage, null))
                .filter("area_level = 'footprint'");
        Map<String, Row> out = new HashMap<>();
        for (Row r : MetricMonth.finish(aggregated, metrics, targets, months, vintage).filter("has_data").collectAsList()) {
            out.put(r.getAs("month") + "|" + r.getAs("area_code"), r);
        }
        return out;
    }

    private static void assertFootprint(Row row, long attendances, long breaches, String what) {
        assertNotNull(row, what + ": no footprint row");
        assertEquals(0, BigDecimal.valueOf(attendances).compareTo(row.getAs("denominator")),
                what + " attendances: by hand " + attendances + ", footprint " + row.getAs("denominator"));
        assertEquals(0, BigDecimal.valueOf(attendances - breaches).compareTo(row.getAs("numerator")),
                what + " within 4 hours: by hand " + (attendances - breaches) + ", footprint " + row.getAs("numerator"));
        BigDecimal value = BigDecimal.valueOf(100 * (attendances - breaches))
                .divide(BigDecimal.valueOf(attendances), 4, RoundingMode.HALF_UP);
        assertEquals(0, value.compareTo(row.getAs("value")), what + " ae_4h: by hand " + value + ", footprint " + row.getAs("value"));
    }

    @Test
    void vintage2017FourHourPerformanceOfEveryFootprintMatchesTheRawFiles() {
        Map<String, Row> spark = footprints("2017");
        int checked = 0;
        for (String month : MONTHS) {
            for (String stp : Set.copyOf(stpOf.values())) {
                long[] sums = byHand.get(month + "|" + stp);
                if (sums == null) continue;
                assertFootprint(spark.get(month + "|" + stp), sums[0], sums[1], month + " " + stp);
                checked++;
            }
        }
        assertTrue(checked >= 3 * 40, "most of the 44 footprints in each of three months: " + checked);
        assertEquals(44, Set.copyOf(stpOf.values()).size(), "the 44 STPs of 2017/18");
    }

    @Test
    void vintage2018PutsTheThreeNorthernFootprintsIntoOne() {
        Map<String, Row> spark = footprints("2018");
        for (String month : MONTHS) {
            long attendances = 0;
            long breaches = 0;
            for (String stp : List.of("E54000045", "E54000046", "E54000047")) {
                long[] sums = byHand.getOrDefault(month + "|" + stp, new long[2]);
                attendances += sums[0];
                breaches += sums[1];
                assertEquals(null, spark.get(month + "|" + stp), stp + " no longer exists in 2018");
            }
            assertFootprint(spark.get(month + "|E54000049"), attendances, breaches, month + " E54000049");
        }
        assertEquals(42, spark.keySet().stream().filter(k -> k.startsWith("2018-12-01")).count(),
                "42 footprints of April 2018 in December 2018");
    }

    @Test
    void theUnmappedShareIsTheShareOfAttendancesOfOrganisationsNotInTheLookup() {
        Map<String, Row> dq = new HashMap<>();
        Dataset<Row> metrics = SharedSpark.session().createDataFrame(DimMetric.from(Metrics.all()), DimMetric.SCHEMA);
        for (Row r : FootprintMetrics.unmapped(counts, metrics, FootprintMap.forVintage(map, "2017"),
                FootprintMap.commissioners(map, "2017", null)).collectAsList()) {
            dq.put(r.getAs("month").toString(), r);
        }
        for (String month : MONTHS) {
            long all = 0;
            for (Map.Entry<String, long[]> e : byHand.entrySet()) {
                if (e.getKey().startsWith(month + "|")) all += e.getValue()[0];
            }
            long unmapped = byHand.getOrDefault(month + "|-", new long[2])[0];
            Row r = dq.get(month);
            assertEquals(0, BigDecimal.valueOf(unmapped).compareTo(r.getAs("unmapped_denominator")),
                    month + " unmapped attendances: by hand " + unmapped + ", dq " + r);
            assertEquals(0, BigDecimal.valueOf(all).compareTo(r.getAs("national_denominator")),
                    month + " all attendances: by hand " + all + ", dq " + r);
            BigDecimal share = BigDecimal.valueOf(100 * unmapped).divide(BigDecimal.valueOf(all), 3, RoundingMode.HALF_UP);
            assertEquals(0, share.compareTo(r.getAs("unmapped_share_pct")),
                    month + " unmapped share: by hand " + share + ", dq " + r.getAs("unmapped_share_pct"));
            assertTrue(unmapped > 0, month + ": the tidy history has org codes the 2017/18 trust lookup does not list");
        }
    }

    @Test
    void vintage2022PutsEveryTrustOnItsIcsOfJanuary2022() {
        Map<String, Row> spark = footprints("2022");
        int checked = 0;
        for (String month : MONTHS) {
            for (Map.Entry<String, long[]> e : byHand2022.entrySet()) {
                if (!e.getKey().startsWith(month + "|") || e.getKey().endsWith("|-")) continue;
                assertFootprint(spark.get(e.getKey()), e.getValue()[0], e.getValue()[1], e.getKey() + " (2022)");
                checked++;
            }
        }
        assertTrue(checked >= 3 * 40, "most of the 42 ICSs in each of three months: " + checked);
        assertEquals(LATEST_2022, FootprintMap.resolve(map, "latest"), "every lookup landed: latest is 2022");
    }

    private static final String LATEST_2022 = "2022";

    @Test
    void theUnmappedShareOn2022IsWhatNoIcsReceives() {
        Dataset<Row> metrics = SharedSpark.session().createDataFrame(DimMetric.from(Metrics.all()), DimMetric.SCHEMA);
        Map<String, Row> dq = new HashMap<>();
        for (Row r : FootprintMetrics.unmapped(counts, metrics, FootprintMap.forVintage(map, "2022"),
                FootprintMap.commissioners(map, "2022", null)).collectAsList()) {
            dq.put(r.getAs("month").toString(), r);
        }
        for (String month : MONTHS) {
            long unmapped = byHand2022.getOrDefault(month + "|-", new long[2])[0];
            assertEquals(0, BigDecimal.valueOf(unmapped).compareTo(dq.get(month).getAs("unmapped_denominator")),
                    month + " unmapped attendances on 2022: by hand " + unmapped + ", dq " + dq.get(month));
        }
    }
}
