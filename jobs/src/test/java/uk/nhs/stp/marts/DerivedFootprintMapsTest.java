package uk.nhs.stp.marts;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.testing.SharedSpark;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The footprint maps kept in the derived layer: read back exactly as computed for the same inputs,
 * never for other inputs, never from a folder a stopped run left without its marker.
 */
class DerivedFootprintMapsTest {
    // a non-nullable column: the kept map must come back with the schema it was computed with
    private static final StructType PROVIDERS = new StructType().add("org_code", DataTypes.StringType, false)
            .add("footprint_code", DataTypes.StringType).add("weight", DataTypes.createDecimalType(9, 6));
    private static final StructType COMMISSIONERS = new StructType().add("org_code", DataTypes.StringType)
            .add("footprint_code", DataTypes.StringType);

    @TempDir
    Path tmp;
    private SparkSession spark;
    private Warehouse warehouse;

    @BeforeEach
    void setUp() {
        spark = SharedSpark.session();
        warehouse = new Warehouse(tmp.resolve("wh").toString(), spark.sparkContext().hadoopConfiguration());
    }

    private static DerivedFootprintMaps.Maps maps(String inputs) {
        // deliberately not in code order: the order computed is the order read back
        return new DerivedFootprintMaps.Maps("2018",
                List.of(RowFactory.create("RZZ", "E54000008", new BigDecimal("1.000000")),
                        RowFactory.create("RAA", "E54000008", new BigDecimal("0.250000")),
                        RowFactory.create("RAA", "E54000010", new BigDecimal("0.750000"))), PROVIDERS,
                List.of(RowFactory.create("01A", "E54000008")), COMMISSIONERS, inputs, false);
    }

    @Test
    void keptMapsAreReadBackAsComputedForTheSameInputsOnly() throws IOException {
        DerivedFootprintMaps.Maps computed = maps("inputs A");
        DerivedFootprintMaps.write(spark, warehouse, "run-1", computed);

        DerivedFootprintMaps.Maps kept = DerivedFootprintMaps.read(spark, warehouse, "inputs A");
        assertEquals("2018", kept.vintage());
        assertEquals(computed.providers(), kept.providers());
        assertEquals(computed.commissioners(), kept.commissioners());
        assertEquals(PROVIDERS, kept.providerSchema(), "nullability included");
        assertEquals(COMMISSIONERS, kept.commissionerSchema());
        assertTrue(kept.reused());
        assertNull(DerivedFootprintMaps.read(spark, warehouse, "inputs B"), "maps of other lookups are not these");

        // new inputs replace the kept maps
        DerivedFootprintMaps.write(spark, warehouse, "run-2", maps("inputs B"));
        assertNull(DerivedFootprintMaps.read(spark, warehouse, "inputs A"));
        assertEquals(computed.providers(), DerivedFootprintMaps.read(spark, warehouse, "inputs B").providers());
    }

    @Test
    void aFolderWithoutItsMarkerIsNotRead() throws IOException {
        DerivedFootprintMaps.write(spark, warehouse, "run-1", maps("inputs A"));
        Files.delete(tmp.resolve("wh/derived/_footprint_maps/_maps.properties"));
        assertNull(DerivedFootprintMaps.read(spark, warehouse, "inputs A"));
    }

    @Test
    void theInputsNameTheVintageAndChangeWithTheLookupsFiles() throws IOException {
        String none = DerivedFootprintMaps.inputs("latest", DerivedFootprintMaps.lookups(warehouse));
        assertTrue(none.contains("org_footprint_map absent") && none.contains("org_successors absent"), none);
        assertNotEquals(none, DerivedFootprintMaps.inputs("2017", DerivedFootprintMaps.lookups(warehouse)));

        StructType lookup = new StructType().add("org_code", DataTypes.StringType);
        spark.createDataFrame(List.of(RowFactory.create("RAA")), lookup).write().mode(SaveMode.Append)
                .parquet(tmp.resolve("wh/conformed/org_footprint_map").toString());
        String one = DerivedFootprintMaps.inputs("latest", DerivedFootprintMaps.lookups(warehouse));
        assertNotEquals(none, one);
        assertEquals(one, DerivedFootprintMaps.inputs("latest", DerivedFootprintMaps.lookups(warehouse)), "the same files, the same inputs");
        spark.createDataFrame(List.of(RowFactory.create("RBB")), lookup).write().mode(SaveMode.Append)
                .parquet(tmp.resolve("wh/conformed/org_footprint_map").toString());
        assertNotEquals(one, DerivedFootprintMaps.inputs("latest", DerivedFootprintMaps.lookups(warehouse)), "a revised lookup: other inputs");
    }
}
