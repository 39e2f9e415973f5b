package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.spark.ContractSchemas;
import uk.nhs.stp.testing.DatasetAssertions;
import uk.nhs.stp.testing.SharedSpark;

import java.sql.Date;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The organisation dimension on hand-made lookup, mapping and return rows. */
class DimOrganisationTest {
    private static SparkSession spark;
    private static final StructType LOOKUP_SCHEMA = new StructType()
            .add("org_code", "string").add("org_name", "string").add("org_type", "string");

    @BeforeAll
    static void spark() {
        spark = SharedSpark.session();
    }

    private static Date month(String day) {
        return Date.valueOf(day);
    }

    /** A conformed row with only the named columns set, typed by the table's contract. */
    private static Row conformed(StructType schema, Object... nameValue) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) values.put((String) nameValue[i], nameValue[i + 1]);
        Object[] row = new Object[schema.size()];
        for (int i = 0; i < row.length; i++) row[i] = values.get(schema.fields()[i].name());
        return RowFactory.create(row);
    }

    private static Dataset<Row> table(String name, List<Object[]> rows) {
        StructType schema = ContractSchemas.schema(Contracts.conformed(name));
        return spark.createDataFrame(rows.stream().map(r -> conformed(schema, r)).toList(), schema);
    }

    private static Row seenRow(String code, String name, String day, String table) {
        return RowFactory.create(code, name, month(day), table);
    }

    @Test
    void seenTakesEveryOrganisationColumnAndLeavesOutControlRowsAndAbsentTables() {
        Map<String, Dataset<Row>> conformed = new HashMap<>();
        conformed.put("ae_attendances", table("ae_attendances", List.<Object[]>of(
                new Object[] {"month", month("2017-04-01"), "org_code", "RCF", "org_name", "Airedale", "is_control_row", false},
                new Object[] {"month", month("2017-04-01"), "org_code", null, "org_name", "TOTAL", "is_control_row", true})));
        conformed.put("rtt_pathways", table("rtt_pathways", List.<Object[]>of(
                new Object[] {"month", month("2017-05-01"), "provider_org_code", "RCF", "provider_org_name", "Airedale NHS FT",
                        "commissioner_org_code", "02N", "commissioner_org_name", "NHS Airedale CCG", "is_control_row", false})));
        conformed.put("finance_annual_positions", spark.emptyDataFrame());
        Dataset<Row> expected = spark.createDataFrame(List.of(
                seenRow("RCF", "Airedale", "2017-04-01", "ae_attendances"),
                seenRow("RCF", "Airedale NHS FT", "2017-05-01", "rtt_pathways"),
                seenRow("02N", "NHS Airedale CCG", "2017-05-01", "rtt_pathways")), DimOrganisation.SEEN_SCHEMA);
        Dataset<Row> actual = DimOrganisation.seen(conformed);
        DatasetAssertions.assertSameRows(expected, actual,
                "provider and commissioner of RTT, A&E provider; TOTAL row, cancer and finance (absent) left out");
    }

    @Test
    void seenOfNoTableIsEmpty() {
        assertEquals(0, DimOrganisation.seen(Map.of()).count(), "nothing to read, nothing seen");
    }

    @Test
    void namesTypesMapsAndDatesEachOrganisation() {
        Dataset<Row> lookup = spark.createDataFrame(List.of(
                RowFactory.create("RCF", "Lookup RCF", "trust"),
                RowFactory.create("RXF", "Lookup RXF", "trust"),
                RowFactory.create("RTH", "Lookup RTH", "trust"),
                RowFactory.create("02N", "Lookup 02N", "ccg")), LOOKUP_SCHEMA);
        Dataset<Row> mapping = DimFootprintTest.mapping(
                DimFootprintTest.mapped("RCF", "E54000040", "West Yorkshire", "E40000009", "North East", "1"),
                // RXF is split: the larger share decides its footprint
                DimFootprintTest.mapped("RXF", "E54000041", "Humber", "E40000009", "North East", "0.4"),
                DimFootprintTest.mapped("RXF", "E54000040", "West Yorkshire", "E40000009", "North East", "0.6"),
                // RTH is split evenly: the lower footprint code decides
                DimFootprintTest.mapped("RTH", "E54000041", "Humber", "E40000009", "North East", "0.5"),
                DimFootprintTest.mapped("RTH", "E54000040", "West Yorkshire", "E40000009", "North East", "0.5"),
                // RZZ is mapped but neither the lookups nor the returns name it: not an organisation of the mart
                DimFootprintTest.mapped("RZZ", "E54000041", "Humber", "E40000009", "North East", "1"));
        Dataset<Row> seen = spark.createDataFrame(List.of(
                seenRow("RCF", "Old Name", "2017-04-01", "ae_attendances"),
                seenRow("RCF", "Middle Name", "2017-05-01", "rtt_pathways"),
                seenRow("RCF", "New Name", "2017-06-01", "ae_attendances"),
                // the latest month names no one: the latest name is June's
                seenRow("RCF", null, "2017-07-01", "cancer_waiting_times"),
                seenRow("02N", "NHS Airedale CCG", "2017-05-01", "rtt_pathways"),
                seenRow("NLO12", "Some UTC", "2017-05-01", "ae_attendances"),
                seenRow("X24", null, "2017-04-01", "finance_monthly")), DimOrganisation.SEEN_SCHEMA);

        Dataset<Row> expected = spark.createDataFrame(List.of(
                org("RCF", "New Name", "trust", "E54000040", "E40000009", "2017-04-01", "2017-07-01",
                        "ae_attendances", "cancer_waiting_times", "rtt_pathways"),
                org("RXF", "Lookup RXF", "trust", "E54000040", "E40000009", null, null),
                org("RTH", "Lookup RTH", "trust", "E54000040", "E40000009", null, null),
                org("02N", "NHS Airedale CCG", "ccg", null, null, "2017-05-01", "2017-05-01", "rtt_pathways"),
                org("NLO12", "Some UTC", "site", null, null, "2017-05-01", "2017-05-01", "ae_attendances"),
                org("X24", null, "unknown", null, null, "2017-04-01", "2017-04-01", "finance_monthly")),
                DimOrganisation.SCHEMA);
        Dataset<Row> actual = DimOrganisation.from(lookup, mapping, seen, "2018");
        DatasetAssertions.assertSchema(DimOrganisation.SCHEMA, actual.schema(), "dim_organisation");
        DatasetAssertions.assertSameRows(expected, actual,
                "latest name, lookup type else site (5-6 chars) else unknown, largest-weight footprint (ties: lowest code),"
                        + " null when unmapped, nothing only the mapping names");
        Row rcf = actual.filter("org_code = 'RCF'").first();
        assertEquals(List.of("ae_attendances", "cancer_waiting_times", "rtt_pathways"),
                rcf.getList(rcf.fieldIndex("returns")), "returns sorted by table name");
    }

    private static Row org(String code, String name, String type, String footprint, String region,
                           String first, String last, String... returns) {
        return RowFactory.create(code, name, type, footprint, region, "2018",
                first == null ? null : month(first), last == null ? null : month(last), Arrays.asList(returns));
    }
}
