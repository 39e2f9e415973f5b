package uk.nhs.stp.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import uk.nhs.stp.contract.AreaScope;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.contract.TableContract;
import uk.nhs.stp.publish.PublishedMarts;
import uk.nhs.stp.query.CellText;
import uk.nhs.stp.query.MartViews;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

/**
 * Writes an area extract: every mart of the published version, cut to the area's rows.
 *
 * <p>Phase 1, check the area exists in {@code dim_footprint} and list its members
 * ({@link AreaMembers}). Phase 2, for each mart select its rows by its contract's area scope
 * ({@link SelectAreaRows}) and write them, counting as they are written. Phase 3, write the
 * manifest last, so an extract without one is incomplete.
 */
public final class ExportAreaExtract {
    /** Where the rule is written for people; named in every manifest. */
    public static final String RULE_DOC = "docs/regional-extracts.md";
    /**
     * Written first in every CSV file: the byte order mark that makes spreadsheet programs read the
     * file as UTF-8 (pandas, Power BI and DuckDB skip it).
     */
    static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What the extract is written as: a Parquet folder or one CSV file per mart. */
    public enum Format {
        PARQUET, CSV;

        public static Format parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown --format '" + text + "': use parquet or csv");
            }
        }
    }

    private final SparkSession spark;
    private final PublishedMarts marts;

    public ExportAreaExtract(SparkSession spark, PublishedMarts marts) {
        this.spark = spark;
        this.marts = marts;
    }

    /**
     * Writes the extract into {@code out}, which must not exist or be empty.
     *
     * @throws IllegalArgumentException for an area not in {@code dim_footprint} or an {@code out} in use
     */
    public ExtractManifest export(ExtractArea area, Path out, Format format) throws IOException, InterruptedException {
        FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (fs.exists(out) && fs.listStatus(out).length > 0) {
            throw new IllegalArgumentException("--out " + out + " is not empty: give a new folder for the extract");
        }
        Dataset<Row> dimFootprint = read("dim_footprint");
        Row described = describe(dimFootprint, area);
        List<String> footprints = AreaMembers.footprints(dimFootprint, area).orderBy("footprint_code")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        Dataset<Row> members = AreaMembers.of(dimFootprint, read("dim_organisation"), area).cache();

        Map<String, ExtractManifest.Table> tables = new LinkedHashMap<>();
        for (String table : marts.tables()) {
            TableContract contract = Contracts.table("marts", table);
            Dataset<Row> rows = SelectAreaRows.select(read(table), contract.areaScope(), members);
            Observation written = new Observation(table);
            rows = rows.observe(written, count(lit(1)).alias("rows"));
            String path = format == Format.CSV ? writeCsv(rows, out, table, fs) : writeParquet(rows, out, table);
            long kept = ((Number) written.getAsJava().get("rows")).longValue();
            tables.put(table, new ExtractManifest.Table(path, kept, marts.rows(table),
                    contract.areaScope().contractName(), contract.schemaVersion()));
        }
        members.unpersist();

        ExtractManifest manifest = new ExtractManifest(ExtractManifest.FORMAT, Instant.now().toString(),
                area.kind().name().toLowerCase(Locale.ROOT), area.code(), described.getString(0), footprints,
                described.getString(1), marts.warehouse().root().toString(), marts.version(), format.name().toLowerCase(Locale.ROOT),
                RULE_DOC, tables);
        try (OutputStream o = fs.create(new Path(out, ExtractManifest.FILE_NAME), true)) {
            o.write(JSON.writeValueAsBytes(manifest));
        }
        return manifest;
    }

    private Dataset<Row> read(String table) {
        return MartViews.read(spark, marts, table);
    }

    /** The area's name and vintage; a usage error naming the codes there are when it is unknown. */
    private static Row describe(Dataset<Row> dimFootprint, ExtractArea area) {
        boolean region = area.kind() == ExtractArea.Kind.REGION;
        Column key = region ? AreaMembers.regionKey() : col("footprint_code");
        List<Row> found = dimFootprint.filter(key.equalTo(area.code()))
                .select(col(region ? "region_name" : "footprint_name"), col("footprint_vintage")).limit(1).collectAsList();
        if (!found.isEmpty()) return found.get(0);
        List<String> codes = dimFootprint.select(key).distinct().orderBy(key).as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
        throw new IllegalArgumentException("no " + area + " in the published marts' dim_footprint; "
                + (region ? "regions" : "footprints") + ": " + String.join(", ", codes));
    }

    private static String writeParquet(Dataset<Row> rows, Path out, String table) {
        rows.write().parquet(new Path(out, table).toString());
        return table + "/";
    }

    /** One UTF-8 CSV file per mart: header row, ISO dates, lists joined with ';', empty for null. */
    private static String writeCsv(Dataset<Row> rows, Path out, String table, FileSystem fs) throws IOException {
        List<Column> columns = new ArrayList<>();
        for (StructField f : rows.schema().fields()) {
            columns.add(f.dataType() instanceof ArrayType
                    ? array_join(col(f.name()), CellText.LIST_SEPARATOR).alias(f.name()) : col(f.name()));
        }
        Path parts = new Path(out, "_" + table + ".parts");
        // one file for a spreadsheet: an area's rows are few, so one task writes them
        rows.select(columns.toArray(new Column[0])).coalesce(1).write()
                .option("header", "true").option("encoding", "UTF-8")
                .option("dateFormat", "yyyy-MM-dd").option("timestampFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX")
                .csv(parts.toString());
        String name = table + ".csv";
        try (OutputStream o = fs.create(new Path(out, name), false)) {
            o.write(UTF8_BOM);
            for (FileStatus part : fs.globStatus(new Path(parts, "part-*"))) {
                try (InputStream in = fs.open(part.getPath())) {
                    in.transferTo(o);
                }
            }
        }
        fs.delete(parts, true);
        return name;
    }
}
