package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.nhs.stp.reference.Successor;
import uk.nhs.stp.reference.Successors;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The provider → footprint map of one footprint vintage, from the conformed {@code org_footprint_map}.
 * Pure transforms.
 *
 * <p>Vintages (every month of the marts is shown on the one map chosen, whatever the month):
 * <ul>
 *   <li>{@code 2017} — the {@code trust_stp_lookup_csv} rows as they are: the 44 STPs of 2017/18,
 *       {@code region_code} null and {@code region_name} the lookup's region text (the
 *       commissioning regions of the time, which have no code in that lookup);</li>
 *   <li>{@code 2018} — the same trust rows restated onto the 42 STPs of April 2018: each footprint
 *       replaced by its successor from {@code reference/footprint_successors.csv} (merges effective
 *       on or before 2018-04-01, chains followed), then {@code footprint_name}, {@code region_code}
 *       and {@code region_name} taken from the {@code ccg18_stp_lookup_csv} rows of that footprint
 *       (the seven E40 regions of April 2018). A footprint the CCG lookup does not know keeps the
 *       trust lookup's name and region text, with no region code;</li>
 *   <li>{@code latest} — the most recent of those the table can give: {@code 2018} when it holds
 *       CCG lookup rows, else {@code 2017}.</li>
 * </ul>
 * Restating onto the ICS footprints (ODS Q codes, {@code ods_trust_extract_csv}) needs a crosswalk
 * between E54 and Q codes and is not done yet, so no vintage uses those rows. Trust mergers (2018:
 * RR1 → RRK, RGQ → RDE, RJF → RTG) are not applied either: a merged trust's returns keep the code
 * they were published under, and each code is mapped as the trust lookup maps it.
 *
 * <p>Output ({@link #SCHEMA}): {@code org_code, footprint_code, footprint_name, region_code,
 * region_name, weight} — one row per organisation and footprint; an organisation's weights are the
 * shares of its activity attributed to each footprint.
 */
public final class FootprintMap {
    public static final String VINTAGE_2017 = "2017";
    public static final String VINTAGE_2018 = "2018";
    public static final String LATEST = "latest";
    /** Every vintage {@link #forVintage} accepts. */
    public static final List<String> VINTAGES = List.of(VINTAGE_2017, VINTAGE_2018, LATEST);

    static final String TRUST_LOOKUP = "trust_stp_lookup_csv";
    static final String CCG_LOOKUP = "ccg18_stp_lookup_csv";
    private static final Map<String, LocalDate> VINTAGE_START =
            Map.of(VINTAGE_2017, LocalDate.of(2017, 4, 1), VINTAGE_2018, LocalDate.of(2018, 4, 1));

    public static final StructType SCHEMA = new StructType()
            .add("org_code", DataTypes.StringType, false)
            .add("footprint_code", DataTypes.StringType, false)
            .add("footprint_name", DataTypes.StringType, true)
            .add("region_code", DataTypes.StringType, true)
            .add("region_name", DataTypes.StringType, true)
            .add("weight", DataTypes.createDecimalType(9, 6), false);

    private FootprintMap() { }

    /**
     * The concrete vintage ({@code 2017} or {@code 2018}) that {@code vintage} names in this table.
     *
     * @throws IllegalArgumentException for a vintage not in {@link #VINTAGES}
     */
    public static String resolve(Dataset<Row> orgFootprintMap, String vintage) {
        if (!VINTAGES.contains(vintage)) {
            throw new IllegalArgumentException("unknown footprint vintage '" + vintage + "': use one of "
                    + String.join(", ", VINTAGES));
        }
        if (!vintage.equals(LATEST)) return vintage;
        return orgFootprintMap.filter(col("lookup").equalTo(CCG_LOOKUP)).isEmpty() ? VINTAGE_2017 : VINTAGE_2018;
    }

    /** {@link #forVintage(Dataset, String, List)} with the shipped successor rules. */
    public static Dataset<Row> forVintage(Dataset<Row> orgFootprintMap, String vintage) {
        return forVintage(orgFootprintMap, vintage, Successors.all());
    }

    /**
     * The map of one vintage (see the class comment).
     *
     * @param orgFootprintMap the conformed {@code org_footprint_map} (lookup, org_code, footprint_code,
     *                        footprint_name, region_code, region_name, weight, …)
     * @param successors      footprint merges; those effective after the vintage's start are ignored
     * @throws IllegalArgumentException for a vintage not in {@link #VINTAGES}
     */
    public static Dataset<Row> forVintage(Dataset<Row> orgFootprintMap, String vintage,
                                          List<Successor> successors) {
        String concrete = resolve(orgFootprintMap, vintage);
        Dataset<Row> trusts = orgFootprintMap.filter(col("lookup").equalTo(TRUST_LOOKUP));
        if (concrete.equals(VINTAGE_2017)) {
            return trusts.select(col("org_code"), col("footprint_code"), col("footprint_name"),
                    col("region_code"), col("region_name"), col("weight").cast(SCHEMA.apply("weight").dataType()));
        }
        Dataset<Row> successor = orgFootprintMap.sparkSession().createDataFrame(
                successorRows(successors, VINTAGE_START.get(concrete)),
                new StructType().add("from_code", DataTypes.StringType).add("to_code", DataTypes.StringType));
        Dataset<Row> restated = trusts.join(broadcast(successor), trusts.col("footprint_code").equalTo(col("from_code")), "left")
                .select(col("org_code"), coalesce(col("to_code"), col("footprint_code")).alias("footprint_code"),
                        col("footprint_name").alias("t_name"), col("region_name").alias("t_region_name"), col("weight"));
        // one region per footprint of April 2018, from the CCG lookup (every CCG of a footprint gives the same)
        Dataset<Row> regions = orgFootprintMap.filter(col("lookup").equalTo(CCG_LOOKUP))
                .groupBy(col("footprint_code").alias("c_code"))
                .agg(first("footprint_name", true).alias("c_name"), first("region_code", true).alias("c_region_code"),
                        first("region_name", true).alias("c_region_name"));
        Dataset<Row> joined = restated.join(broadcast(regions), col("footprint_code").equalTo(col("c_code")), "left");
        // several old footprints of one trust can land on one successor: their weights add up
        return joined.groupBy(col("org_code"), col("footprint_code"),
                        coalesce(col("c_name"), col("t_name")).alias("footprint_name"),
                        col("c_region_code").alias("region_code"),
                        when(col("c_code").isNotNull(), col("c_region_name")).otherwise(col("t_region_name")).alias("region_name"))
                .agg(sum("weight").cast(SCHEMA.apply("weight").dataType()).alias("weight"));
    }

    /** from_code → final to_code of the merges effective by {@code asOf}, chains followed. */
    private static List<Row> successorRows(List<Successor> successors, LocalDate asOf) {
        Map<String, String> next = new HashMap<>();
        for (Successor s : successors) {
            if (!s.effectiveFrom().isAfter(asOf)) next.put(s.fromCode(), s.toCode());
        }
        List<Row> rows = new ArrayList<>();
        for (String from : next.keySet()) {
            String to = next.get(from);
            // a cycle would loop for ever: stop after as many steps as there are rules
            for (int i = 0; i < next.size() && next.containsKey(to); i++) to = next.get(to);
            rows.add(RowFactory.create(from, to));
        }
        return rows;
    }
}
