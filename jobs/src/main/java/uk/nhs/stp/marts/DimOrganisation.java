package uk.nhs.stp.marts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.spark.ContractSchemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * The organisation dimension ({@code data-schemas/marts/dim_organisation.json}). Pure transforms.
 *
 * <p>Inputs: the conformed {@code org_footprint_map} ({@code org_code, org_name, org_type, …});
 * the map of one vintage from {@link FootprintMap#forVintage} ({@code org_code, footprint_code,
 * region_code, weight, …}); and the organisations seen in the returns, as {@link #seen} builds them
 * ({@code org_code, org_name, month, table_name}).
 *
 * <p>Output columns: {@code org_code, org_name, org_type, footprint_code, region_code,
 * footprint_vintage, first_month, last_month, returns ARRAY<STRING>}. Grain: one row per
 * organisation known to the lookups or seen in a return.
 */
public final class DimOrganisation {
    /** The columns of the contract, in its order. */
    public static final StructType SCHEMA = ContractSchemas.schema(Contracts.table("marts", "dim_organisation"));

    /** Output of {@link #seen}: one row per organisation column value of a conformed row. */
    public static final StructType SEEN_SCHEMA = new StructType()
            .add("org_code", DataTypes.StringType, false)
            .add("org_name", DataTypes.StringType, true)
            .add("month", DataTypes.DateType, false)
            .add("table_name", DataTypes.StringType, false);

    /** Conformed table → its (code, name) column pairs; an RTT row names a provider and a commissioner. */
    static final Map<String, List<String[]>> ORG_COLUMNS = Map.of(
            "ae_attendances", List.<String[]>of(new String[] {"org_code", "org_name"}),
            "rtt_pathways", List.of(new String[] {"provider_org_code", "provider_org_name"},
                    new String[] {"commissioner_org_code", "commissioner_org_name"}),
            "cancer_waiting_times", List.<String[]>of(new String[] {"org_code", "org_name"}),
            "finance_monthly", List.<String[]>of(new String[] {"org_code", "org_name"}));

    private DimOrganisation() { }

    /**
     * The organisations each conformed return names, control rows (national totals) excluded.
     *
     * @param conformedByName conformed tables by name; tables other than those of
     *                        {@link #ORG_COLUMNS} are ignored and absent ones skipped
     * @return {@link #SEEN_SCHEMA} rows; empty (on the active session) when no table is given
     */
    public static Dataset<Row> seen(Map<String, Dataset<Row>> conformedByName) {
        Dataset<Row> out = null;
        for (String table : new TreeSet<>(ORG_COLUMNS.keySet())) {
            Dataset<Row> t = conformedByName.get(table);
            if (t == null) continue;
            Dataset<Row> returned = t.filter(coalesce(col("is_control_row"), lit(false)).equalTo(false));
            for (String[] pair : ORG_COLUMNS.get(table)) {
                Dataset<Row> part = returned.filter(col(pair[0]).isNotNull())
                        .select(col(pair[0]).alias("org_code"), col(pair[1]).alias("org_name"),
                                col("month"), lit(table).alias("table_name"));
                out = out == null ? part : out.unionByName(part);
            }
        }
        if (out == null) return SparkSession.active().createDataFrame(new ArrayList<Row>(), SEEN_SCHEMA);
        return out.distinct();
    }

    /**
     * {@link #seen} month by month, one derived table per return ({@code <return>_orgs_seen}): a
     * night that adds one month reads that month's rows only, not every return's history.
     */
    public static List<DerivedTables.Derivation> seenDerivations() {
        List<DerivedTables.Derivation> out = new ArrayList<>();
        for (String table : new TreeSet<>(ORG_COLUMNS.keySet())) {
            out.add(new DerivedTables.Derivation(table + "_orgs_seen", table, 1, rows -> seen(Map.of(table, rows))));
        }
        return out;
    }

    /**
     * One row per organisation of the lookups or of {@code seen}.
     *
     * <ul>
     *   <li>{@code org_name}: the name in the latest month that names it (ties: the greatest name),
     *       else the lookups' name;</li>
     *   <li>{@code org_type}: the lookups' type, else {@code site} for a 5–6 character code, else {@code unknown};</li>
     *   <li>{@code footprint_code}, {@code region_code}: the mapping row of largest weight (ties: lowest code);
     *       null when the vintage does not map the organisation;</li>
     *   <li>{@code first_month}, {@code last_month}, {@code returns}: from {@code seen}.</li>
     * </ul>
     *
     * @param vintage the concrete vintage of {@code mapping} ({@code 2017}, {@code 2018} or {@code 2022})
     */
    public static Dataset<Row> from(Dataset<Row> orgFootprintMap, Dataset<Row> mapping, Dataset<Row> seen,
                                    String vintage) {
        // The three inputs as rows of one shape, grouped once by organisation: one shuffle, where a
        // grouping per input joined back together took a dozen Spark jobs for a few hundred rows.
        Column noName = lit(null).cast(DataTypes.StringType);
        Column noMonth = lit(null).cast(DataTypes.DateType);
        // the mapping row of largest weight, ties to the lowest footprint code: the least of these
        Column footprintChoice = struct(negate(col("weight")).alias("negated_weight"), col("footprint_code"),
                col("region_code"));
        Column noFootprint = lit(null); // the union widens it to the struct's type
        Dataset<Row> lookupRows = orgFootprintMap.select(col("org_code"), lit(true).alias("listed"),
                col("org_name").alias("lookup_name"), col("org_type").alias("lookup_type"), noMonth.alias("month"),
                noName.alias("table_name"), noName.alias("seen_name"), noFootprint.alias("footprint"));
        Dataset<Row> seenRows = seen.select(col("org_code"), lit(true).alias("listed"), noName.alias("lookup_name"),
                noName.alias("lookup_type"), col("month"), col("table_name"), col("org_name").alias("seen_name"),
                noFootprint.alias("footprint"));
        // an organisation only the mapping names is not listed: the lookups or the returns must name it
        Dataset<Row> mappingRows = mapping.select(col("org_code"), lit(false).alias("listed"), noName.alias("lookup_name"),
                noName.alias("lookup_type"), noMonth.alias("month"), noName.alias("table_name"), noName.alias("seen_name"),
                footprintChoice.alias("footprint"));
        Dataset<Row> orgs = lookupRows.union(seenRows).union(mappingRows).groupBy(col("org_code"))
                .agg(max("listed").alias("listed"),
                        min("lookup_name").alias("lookup_name"), min("lookup_type").alias("lookup_type"),
                        min("month").alias("first_month"), max("month").alias("last_month"),
                        sort_array(collect_set("table_name")).alias("returns"),
                        // max skips the nulls: the name of the latest month that gives one (ties: the greatest name)
                        max(when(col("seen_name").isNotNull(), struct(col("month"), col("seen_name"))))
                                .getField("seen_name").alias("seen_name"),
                        min("footprint").alias("footprint"))
                .filter(col("listed"));
        Column type = when(col("lookup_type").isNotNull(), col("lookup_type"))
                .when(length(col("org_code")).between(5, 6), lit("site"))
                .otherwise(lit("unknown"));
        return orgs.select(col("org_code"), coalesce(col("seen_name"), col("lookup_name")).alias("org_name"),
                type.alias("org_type"), col("footprint").getField("footprint_code").alias("footprint_code"),
                col("footprint").getField("region_code").alias("region_code"),
                lit(vintage).alias("footprint_vintage"), col("first_month"), col("last_month"),
                coalesce(col("returns"), array().cast("array<string>")).alias("returns"));
    }
}
