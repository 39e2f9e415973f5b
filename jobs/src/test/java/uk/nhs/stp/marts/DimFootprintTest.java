package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.testing.DatasetAssertions;
import uk.nhs.stp.testing.SharedSpark;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The footprint dimension on a hand-made vintage map. */
class DimFootprintTest {

    static Row mapped(String org, String footprint, String name, String regionCode, String region, String weight) {
        return RowFactory.create(org, footprint, name, regionCode, region, new BigDecimal(weight).setScale(6));
    }

    static Dataset<Row> mapping(Row... rows) {
        return SharedSpark.session().createDataFrame(Arrays.asList(rows), FootprintMap.SCHEMA);
    }

    @Test
    void countsTheDistinctOrganisationsOfEachFootprint() {
        Dataset<Row> map = mapping(
                mapped("RCF", "E54000040", "West Yorkshire", "E40000009", "North East and Yorkshire", "1"),
                mapped("RR8", "E54000040", "West Yorkshire", "E40000009", "North East and Yorkshire", "1"),
                // RXF is split between two footprints: it counts once in each
                mapped("RXF", "E54000040", "West Yorkshire", "E40000009", "North East and Yorkshire", "0.5"),
                mapped("RXF", "E54000041", "Humber", "E40000009", "North East and Yorkshire", "0.5"),
                mapped("RAE", "E54000041", "Humber", "E40000009", "North East and Yorkshire", "1"),
                mapped("RTH", "E54000044", "Oxfordshire", null, "South", "1"));
        Dataset<Row> expected = SharedSpark.session().createDataFrame(List.of(
                RowFactory.create("E54000040", "West Yorkshire", "stp", "E40000009", "North East and Yorkshire", 3, "2018"),
                RowFactory.create("E54000041", "Humber", "stp", "E40000009", "North East and Yorkshire", 2, "2018"),
                RowFactory.create("E54000044", "Oxfordshire", "stp", null, "South", 1, "2018")), DimFootprint.SCHEMA);
        Dataset<Row> actual = DimFootprint.from(map, "2018");
        DatasetAssertions.assertSchema(DimFootprint.SCHEMA, actual.schema(), "dim_footprint");
        DatasetAssertions.assertSameRows(expected, actual, "three footprints: 3 (RCF, RR8, RXF), 2 (RXF, RAE), 1 (RTH)");
    }

    @Test
    void anEmptyMapGivesNoFootprint() {
        assertEquals(0, DimFootprint.from(mapping(), "2017").count(), "no organisation, no footprint");
    }
}
