package uk.nhs.stp.marts;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.publish.ConformedState;
import uk.nhs.stp.reference.Successors;
import uk.nhs.stp.run.Failpoints;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Properties;

/**
 * The provider and commissioner → footprint maps of one requested vintage, kept in the derived
 * layer ({@code derived/_footprint_maps/}) so that a build whose lookups have not changed reads a
 * few hundred rows instead of computing the effective-dated rules again (a dozen small Spark jobs).
 *
 * <p>Like every derived table the folder is a cache: it holds the maps with a marker naming what
 * they were computed from — the requested vintage, {@link #VERSION}, the shipped successor rules
 * and the fingerprints of {@code org_footprint_map} and {@code org_successors}. A marker that does
 * not match means the maps are computed again and replace the folder (written in staging, then
 * renamed, so a stopped run leaves the old maps, the new ones, or none). Deleting it is always safe.
 */
final class DerivedFootprintMaps {
    /** Raised whenever {@link FootprintMap}'s rules change what the maps hold: kept maps are then computed again. */
    static final int VERSION = 1;

    private static final String FOLDER = "_footprint_maps";
    private static final String MARKER = "_maps.properties";

    /**
     * The maps of a build and what identifies them.
     *
     * @param vintage       the concrete vintage the requested one resolved to
     * @param providers     the providers' map ({@link FootprintMap#forVintage}), a few hundred rows
     * @param commissioners the commissioners' map ({@link FootprintMap#commissioners})
     * @param inputs        the requested vintage, the rules and the lookups' fingerprints
     * @param reused        read from the derived layer rather than computed
     */
    record Maps(String vintage, List<Row> providers, StructType providerSchema, List<Row> commissioners,
                StructType commissionerSchema, String inputs, boolean reused) { }

    private DerivedFootprintMaps() { }

    /**
     * The fingerprints of the two lookups the maps are computed from, as
     * {@code " org_footprint_map <fingerprint> org_successors <fingerprint>"} (listings only).
     */
    static String lookups(Warehouse warehouse) throws IOException {
        String lookups = "";
        for (String table : List.of("org_footprint_map", "org_successors")) {
            lookups += " " + table + " " + ConformedState.tableFingerprint(warehouse.fs(), warehouse.conformed(table));
        }
        return lookups;
    }

    /**
     * What the maps of {@code requestedVintage} are computed from: the vintage, this code's
     * {@link #VERSION}, the shipped successor rules and the two lookups' data files ({@link #lookups}).
     */
    static String inputs(String requestedVintage, String lookups) {
        String rules = ConformedState.hash(Successors.all() + "\n" + Successors.trusts());
        return "version " + VERSION + " of the footprint maps of vintage " + requestedVintage + " with rules " + rules + lookups;
    }

    /** The maps kept for exactly these {@code inputs}, or null when there are none (or other ones). */
    static Maps read(SparkSession spark, Warehouse warehouse, String inputs) throws IOException {
        Path folder = warehouse.derived(FOLDER);
        String marker = warehouse.readText(new Path(folder, MARKER));
        if (marker == null) return null;
        Properties p = new Properties();
        p.load(new StringReader(marker));
        if (!inputs.equals(p.getProperty("inputs"))) return null;
        for (String map : List.of("providers", "commissioners")) {
            if (!warehouse.fs().exists(new Path(folder, map))) return null;
        }
        StructType providerSchema = (StructType) DataType.fromJson(p.getProperty("providers.schema"));
        StructType commissionerSchema = (StructType) DataType.fromJson(p.getProperty("commissioners.schema"));
        return new Maps(p.getProperty("vintage"), rows(spark, new Path(folder, "providers"), providerSchema), providerSchema,
                rows(spark, new Path(folder, "commissioners"), commissionerSchema), commissionerSchema, inputs, true);
    }

    /** Keeps {@code maps} in the derived layer for the next build, replacing what was there. */
    static void write(SparkSession spark, Warehouse warehouse, String runId, Maps maps) throws IOException {
        FileSystem fs = warehouse.fs();
        Path staged = new Path(warehouse.staging(runId), FOLDER);
        fs.delete(staged, true);
        // one file each, in the order computed: read back, the rows come in the same order
        spark.createDataFrame(maps.providers(), maps.providerSchema()).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(new Path(staged, "providers").toString());
        spark.createDataFrame(maps.commissioners(), maps.commissionerSchema()).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(new Path(staged, "commissioners").toString());
        Properties p = new Properties();
        p.setProperty("inputs", maps.inputs());
        p.setProperty("vintage", maps.vintage());
        p.setProperty("providers.schema", maps.providerSchema().json());
        p.setProperty("commissioners.schema", maps.commissionerSchema().json());
        StringWriter text = new StringWriter();
        p.store(text, null);
        // the marker last: a folder without it is never read
        warehouse.writeText(new Path(staged, MARKER), text.toString());
        Path folder = warehouse.derived(FOLDER);
        fs.mkdirs(folder.getParent());
        if (fs.exists(folder)) fs.delete(folder, true);
        Failpoints.reach("derived.replacing:" + FOLDER);
        if (!fs.rename(staged, folder)) throw new IOException("could not move " + staged + " to " + folder);
    }

    /** The rows of one kept map, with the schema they were computed with (nullability included). */
    private static List<Row> rows(SparkSession spark, Path map, StructType schema) {
        Dataset<Row> rows = spark.read().schema(schema).parquet(map.toString());
        return rows.collectAsList();
    }
}
