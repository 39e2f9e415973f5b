package uk.nhs.stp.extract;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.contract.AreaScope;
import uk.nhs.stp.testing.SharedSpark;

import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The extract rule on a hand-made map: region R1 has footprints F1 and F2, region R2 has F3; trust
 * T1 is in F1, T2 in F2, T3 in F3, CCG C1 in F1, and U1 is mapped to no footprint.
 */
class AreaMembersTest {
    private static SparkSession spark;
    private static Dataset<Row> dimFootprint;
    private static Dataset<Row> dimOrganisation;

    @BeforeAll
    static void map() {
        spark = SharedSpark.session();
        StructType fp = new StructType().add("footprint_code", DataTypes.StringType).add("region_code", DataTypes.StringType)
                .add("region_name", DataTypes.StringType);
        dimFootprint = spark.createDataFrame(List.of(RowFactory.create("F1", "R1", "North"),
                RowFactory.create("F2", "R1", "North"), RowFactory.create("F3", "R2", "South")), fp);
        StructType org = new StructType().add("org_code", DataTypes.StringType).add("footprint_code", DataTypes.StringType);
        dimOrganisation = spark.createDataFrame(List.of(RowFactory.create("T1", "F1"), RowFactory.create("T2", "F2"),
                RowFactory.create("T3", "F3"), RowFactory.create("C1", "F1"), RowFactory.create("U1", null)), org);
    }

    private static TreeSet<String> members(ExtractArea area) {
        TreeSet<String> out = new TreeSet<>();
        for (Row r : AreaMembers.of(dimFootprint, dimOrganisation, area).collectAsList()) out.add(r.getString(0) + ":" + r.getString(1));
        return out;
    }

    @Test
    void aRegionIsItselfItsFootprintsTheirOrganisationsAndEngland() {
        assertEquals(new TreeSet<>(List.of("england:E92000001", "region:R1", "footprint:F1", "footprint:F2",
                "provider:T1", "provider:T2", "provider:C1", "organisation:T1", "organisation:T2", "organisation:C1")),
                members(ExtractArea.region("R1")));
    }

    @Test
    void aFootprintIsItselfItsOrganisationsAndEnglandButNotItsRegion() {
        assertEquals(new TreeSet<>(List.of("england:E92000001", "footprint:F3", "provider:T3", "organisation:T3")),
                members(ExtractArea.footprint("F3")));
    }

    @Test
    void aVintageWithoutRegionCodesNamesRegionsByName() {
        Dataset<Row> named = dimFootprint.withColumn("region_code", org.apache.spark.sql.functions.lit(null).cast("string"));
        assertEquals(new TreeSet<>(List.of("england:E92000001", "region:South", "footprint:F3", "provider:T3",
                "organisation:T3")), new TreeSet<>(AreaMembers.of(named, dimOrganisation, ExtractArea.region("South"))
                .collectAsList().stream().map(r -> r.getString(0) + ":" + r.getString(1)).toList()));
    }

    @Test
    void rowsAreSelectedByEachScope() {
        StructType metric = new StructType().add("area_level", DataTypes.StringType).add("area_code", DataTypes.StringType)
                .add("value", DataTypes.IntegerType);
        Dataset<Row> mart = spark.createDataFrame(List.of(RowFactory.create("england", "E92000001", 1),
                RowFactory.create("region", "R1", 2), RowFactory.create("region", "R2", 3), RowFactory.create("footprint", "F2", 4),
                RowFactory.create("footprint", "F3", 5), RowFactory.create("provider", "T1", 6),
                RowFactory.create("provider", "T3", 7), RowFactory.create("provider", "U1", 8)), metric);
        Dataset<Row> r1 = AreaMembers.of(dimFootprint, dimOrganisation, ExtractArea.region("R1"));
        assertEquals(List.of(1, 2, 4, 6), values(SelectAreaRows.select(mart, AreaScope.AREA, r1)));
        Dataset<Row> f3 = AreaMembers.of(dimFootprint, dimOrganisation, ExtractArea.footprint("F3"));
        assertEquals(List.of(1, 5, 7), values(SelectAreaRows.select(mart, AreaScope.AREA, f3)));
        assertEquals(8, SelectAreaRows.select(mart, AreaScope.NATIONAL, f3).count());
        assertEquals(List.of("T1", "T2", "C1"), SelectAreaRows.select(dimOrganisation, AreaScope.FOOTPRINT, r1)
                .collectAsList().stream().map(r -> r.getString(0)).toList(), "columns and order kept, unmapped U1 in no area");
    }

    private static List<Integer> values(Dataset<Row> rows) {
        return rows.orderBy("value").collectAsList().stream().map(r -> r.getInt(2)).toList();
    }
}
