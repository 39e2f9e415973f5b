package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.reference.Successor;
import uk.nhs.stp.reference.Successors;
import uk.nhs.stp.spark.ContractSchemas;
import uk.nhs.stp.testing.DatasetAssertions;
import uk.nhs.stp.testing.SharedSpark;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Footprint vintages on hand-made lookup rows: as published (2017) and restated onto April 2018. */
class FootprintMapTest {
    private static SparkSession spark;
    /** The org_footprint_map columns the vintages read, typed as the contract types them. */
    static final StructType MAP_SCHEMA;

    static {
        StructType all = ContractSchemas.schema(Contracts.conformed("org_footprint_map"));
        List<String> used = List.of("lookup", "org_code", "footprint_code", "footprint_name", "region_code",
                "region_name", "weight");
        StructType s = new StructType();
        for (String name : used) {
            StructField f = all.apply(name);
            s = s.add(f);
        }
        MAP_SCHEMA = s;
    }

    @BeforeAll
    static void spark() {
        spark = SharedSpark.session();
    }

    static Row trust(String org, String footprint, String name, String region, String weight) {
        return RowFactory.create("trust_stp_lookup_csv", org, footprint, name, null, region, new BigDecimal(weight));
    }

    static Row ccg(String org, String footprint, String name, String regionCode, String region) {
        return RowFactory.create("ccg18_stp_lookup_csv", org, footprint, name, regionCode, region, new BigDecimal("1"));
    }

    private static Dataset<Row> map(Row... rows) {
        return spark.createDataFrame(Arrays.asList(rows), MAP_SCHEMA);
    }

    private static Dataset<Row> expected(Object[]... rows) {
        List<Row> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(RowFactory.create(r[0], r[1], r[2], r[3], r[4], new BigDecimal((String) r[5]).setScale(6)));
        }
        return spark.createDataFrame(out, FootprintMap.SCHEMA);
    }

    /** Three trusts in 2017/18 STPs, two of them in the northern STPs merged in April 2018; two CCG rows. */
    private static Dataset<Row> lookups() {
        return map(
                trust("RAA", "E54000045", "Northumberland", "North Of England Commissioning Region", "1"),
                trust("RBB", "E54000047", "West, North and East Cumbria", "North Of England Commissioning Region", "1"),
                trust("RCC", "E54000040", "BSW", "South Of England Commissioning Region", "1"),
                // a trust split between two of the merged STPs: one footprint in 2018, weights added
                trust("RDD", "E54000045", "Northumberland", "North Of England Commissioning Region", "0.4"),
                trust("RDD", "E54000046", "Durham", "North Of England Commissioning Region", "0.6"),
                ccg("00C", "E54000049", "Cumbria and North East", "E40000009", "North East and Yorkshire"),
                ccg("00D", "E54000049", "Cumbria and North East", "E40000009", "North East and Yorkshire"),
                ccg("99N", "E54000040", "Bath and North East Somerset, Swindon and Wiltshire", "E40000006", "South West"),
                RowFactory.create("ods_trust_extract_csv", "RAA", "QHM", "ICS", "Y63", "North East", new BigDecimal("1")));
    }

    @Test
    void vintage2017IsTheTrustLookupAsItIs() {
        DatasetAssertions.assertSameRows(expected(
                new Object[] {"RAA", "E54000045", "Northumberland", null, "North Of England Commissioning Region", "1"},
                new Object[] {"RBB", "E54000047", "West, North and East Cumbria", null, "North Of England Commissioning Region", "1"},
                new Object[] {"RCC", "E54000040", "BSW", null, "South Of England Commissioning Region", "1"},
                new Object[] {"RDD", "E54000045", "Northumberland", null, "North Of England Commissioning Region", "0.4"},
                new Object[] {"RDD", "E54000046", "Durham", null, "North Of England Commissioning Region", "0.6"}),
                FootprintMap.forVintage(lookups(), "2017"), "vintage 2017: trust rows only, CCG and ODS rows ignored");
    }

    @Test
    void vintage2018RestatesTheNorthernMergerAndTakesRegionsFromTheCcgLookup() {
        DatasetAssertions.assertSameRows(expected(
                new Object[] {"RAA", "E54000049", "Cumbria and North East", "E40000009", "North East and Yorkshire", "1"},
                new Object[] {"RBB", "E54000049", "Cumbria and North East", "E40000009", "North East and Yorkshire", "1"},
                new Object[] {"RCC", "E54000040", "Bath and North East Somerset, Swindon and Wiltshire", "E40000006",
                        "South West", "1"},
                new Object[] {"RDD", "E54000049", "Cumbria and North East", "E40000009", "North East and Yorkshire", "1.0"}),
                FootprintMap.forVintage(lookups(), "2018"), "vintage 2018: E54000045/46/47 -> E54000049, April 2018 regions");
    }

    @Test
    void latestIsThe2018VintageWhenTheCcgLookupIsLandedElse2017() {
        assertEquals("2018", FootprintMap.resolve(lookups(), "latest"), "CCG lookup present");
        Dataset<Row> trustsOnly = lookups().filter("lookup = 'trust_stp_lookup_csv'");
        assertEquals("2017", FootprintMap.resolve(trustsOnly, "latest"), "trust lookup only");
        DatasetAssertions.assertSameRows(FootprintMap.forVintage(trustsOnly, "2017"),
                FootprintMap.forVintage(trustsOnly, "latest"), "latest without the CCG lookup = 2017");
    }

    @Test
    void aMergerTakesEffectOnlyFromItsDateAndChainsAreFollowed() {
        List<Successor> rules = List.of(
                new Successor("E54000040", "E54000041", LocalDate.of(2018, 4, 1), null),
                new Successor("E54000041", "E54000042", LocalDate.of(2018, 4, 1), null),
                new Successor("E54000045", "E54000049", LocalDate.of(2019, 4, 1), null));
        List<Row> rows = FootprintMap.forVintage(lookups(), "2018", rules).orderBy("org_code").collectAsList();
        assertEquals("E54000045", rows.get(0).getString(1), "RAA: a merger of 2019 does not apply to the 2018 vintage");
        assertEquals("E54000042", rows.get(2).getString(1), "RCC: E54000040 -> E54000041 -> E54000042");
    }

    @Test
    void anUnknownVintageListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FootprintMap.forVintage(lookups(), "2020"));
        assertTrue(e.getMessage().contains("2017, 2018, 2022, latest"), e.getMessage());
    }

    @Test
    void theShippedSuccessorsAreTheNorthernMergerOfApril2018() throws Exception {
        List<Successor> all = Successors.all();
        assertEquals(List.of("E54000045", "E54000046", "E54000047"), all.stream().map(Successor::fromCode).toList());
        assertTrue(all.stream().allMatch(s -> s.toCode().equals("E54000049")
                && s.effectiveFrom().equals(LocalDate.of(2018, 4, 1))), all.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Successors.read(
                new StringReader("from_code,to_code,effective_from,note\nE54000045,E54000045,2018-04-01,\n"), "bad.csv"));
        assertTrue(e.getMessage().contains("its own successor"), e.getMessage());
    }

    @Test
    void aMergedTrustTheLookupDoesNotListIsMappedAsItsSuccessor() {
        // RW3 and RM2 merged into R0A (October 2017); only R0A is in this lookup. RR1 merged into RRK,
        // which is not listed either: RR1 stays unmapped. RAA is listed and keeps its own row.
        Dataset<Row> lookup = map(
                trust("R0A", "E54000007", "Greater Manchester", "North Of England Commissioning Region", "1"),
                trust("RAA", "E54000045", "Northumberland", "North Of England Commissioning Region", "1"));
        List<Row> rows = FootprintMap.forVintage(lookup, "2017").orderBy("org_code").collectAsList();
        assertEquals(List.of("R0A", "RAA", "RM2", "RW3"), rows.stream().map(r -> r.getString(0)).toList(),
                "RM2 and RW3 inherit R0A's mapping; RR1 has no listed successor");
        assertEquals("E54000007", rows.get(2).getString(1));
        assertEquals("E54000007", rows.get(3).getString(1));
    }

    @Test
    void aMergedCcgIsMappedAsItsSuccessorAndChainsAreFollowed() {
        Dataset<Row> successors = spark.createDataFrame(List.of(
                        RowFactory.create("00X", "ccg", "00Y"), RowFactory.create("00Y", "ccg", "99N"),
                        RowFactory.create("00C", "ccg", "99N")),
                new StructType().add("org_code", "string").add("org_type", "string").add("successor_code", "string"));
        List<Row> rows = FootprintMap.commissioners(lookups(), "2018", successors).orderBy("org_code").collectAsList();
        // 00X -> 00Y (unlisted) -> 99N (listed), and 00Y -> 99N; 00C is listed itself and keeps its own footprint
        assertEquals(List.of("00C", "00D", "00X", "00Y", "99N"), rows.stream().map(r -> r.getString(0)).toList());
        assertEquals("E54000040", rows.get(3).getString(1), "00Y placed where 99N is");
        assertEquals("E54000049", rows.get(0).getString(1), "a listed CCG is never remapped by a successor rule");
        assertEquals("E54000040", rows.get(2).getString(1), "00X placed where 99N is");
    }

    @Test
    void onThe2017MapCcgsOfTheMergedNorthernFootprintsAreUnmappedAndTheOthersTakeTheTrustLookupsNames() {
        List<Row> rows = FootprintMap.commissioners(lookups(), "2017", null).collectAsList();
        assertEquals(1, rows.size(), "00C and 00D are in E54000049, which the 44 STPs do not have: " + rows);
        assertEquals(RowFactory.create("99N", "E54000040", "BSW", null, "South Of England Commissioning Region",
                new BigDecimal("1.000000")), rows.get(0));
    }
}
