package uk.nhs.stp.marts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.nhs.stp.reference.Successor;
import uk.nhs.stp.reference.Successors;
import scala.jdk.javaapi.CollectionConverters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The organisation → footprint maps of one footprint vintage, from the conformed
 * {@code org_footprint_map}: {@link #forVintage} for providers (trusts), {@link #commissioners}
 * for CCGs. Pure transforms (the successor rules, a few hundred rows of reference data, are read
 * on the driver).
 *
 * <p>Vintages (every month of the marts is shown on the one map chosen, whatever the month):
 * <ul>
 *   <li>{@code 2017} — the 44 STPs of 2017/18: trusts as {@code trust_stp_lookup_csv} maps them,
 *       {@code region_code} null and {@code region_name} the lookup's region text (the
 *       commissioning regions of the time, which have no code in that lookup). CCGs: the
 *       {@code ccg18_stp_lookup_csv} rows whose footprint is one of those 44 (the CCGs of the three
 *       northern STPs merged in April 2018 cannot be placed on the 2017 map and stay unmapped),
 *       named and placed in regions as the trust lookup names that footprint;</li>
 *   <li>{@code 2018} — the 42 STPs of April 2018: the trust rows restated, each footprint
 *       replaced by its successor from {@code reference/footprint_successors.csv} (merges effective
 *       on or before 2018-04-01, chains followed), then {@code footprint_name}, {@code region_code}
 *       and {@code region_name} taken from the {@code ccg18_stp_lookup_csv} rows of that footprint
 *       (the seven E40 regions of April 2018); a footprint the CCG lookup does not know keeps the
 *       trust lookup's name and region text, with no region code. CCGs: the CCG lookup as it is;</li>
 *   <li>{@code 2022} — the 42 ICSs of January 2022: trusts as {@code ods_trust_extract_csv} maps
 *       them on 2022-01-01 (ODS Q codes), put on ONS E54 codes, names and E40 regions through the
 *       crosswalk the {@code gp_practice_map_csv} rows carry ({@code footprint_ods_code} beside
 *       {@code footprint_code}); CCGs as the practice mapping file places them;</li>
 *   <li>{@code latest} — the most recent of those the table can give.</li>
 * </ul>
 * On every vintage, an organisation its map does not list but whose successor it does (a trust
 * merger from {@code reference/trust_successors.csv}, a CCG merger from the landed
 * {@code org_successors}; chains followed) is mapped as its successor is, so the activity a
 * merged trust published under its old code is shown where its services now sit. Successor rules
 * only fill gaps: a code the vintage's map lists keeps its own mapping.
 *
 * <p>Output ({@link #SCHEMA}): {@code org_code, footprint_code, footprint_name, region_code,
 * region_name, weight} — one row per organisation and footprint; an organisation's weights are the
 * shares of its activity attributed to each footprint.
 */
public final class FootprintMap {
    public static final String VINTAGE_2017 = "2017";
    public static final String VINTAGE_2018 = "2018";
    public static final String VINTAGE_2022 = "2022";
    public static final String LATEST = "latest";
    /** Every vintage {@link #forVintage} accepts. */
    public static final List<String> VINTAGES = List.of(VINTAGE_2017, VINTAGE_2018, VINTAGE_2022, LATEST);
    /** The vintages {@link #resolve} can return. */
    public static final List<String> CONCRETE_VINTAGES = List.of(VINTAGE_2017, VINTAGE_2018, VINTAGE_2022);

    static final String TRUST_LOOKUP = "trust_stp_lookup_csv";
    static final String CCG_LOOKUP = "ccg18_stp_lookup_csv";
    static final String ODS_TRUSTS = "ods_trust_extract_csv";
    static final String PRACTICE_MAP = "gp_practice_map_csv";
    /** The day each vintage shows: footprint merges up to it apply; ODS trusts open on it are mapped. */
    private static final Map<String, LocalDate> VINTAGE_DATE = Map.of(VINTAGE_2017, LocalDate.of(2017, 4, 1),
            VINTAGE_2018, LocalDate.of(2018, 4, 1), VINTAGE_2022, LocalDate.of(2022, 1, 1));

    public static final StructType SCHEMA = new StructType()
            .add("org_code", DataTypes.StringType, false)
            .add("footprint_code", DataTypes.StringType, false)
            .add("footprint_name", DataTypes.StringType, true)
            .add("region_code", DataTypes.StringType, true)
            .add("region_name", DataTypes.StringType, true)
            .add("weight", DataTypes.createDecimalType(9, 6), false);
    private static final DataType WEIGHT = SCHEMA.apply("weight").dataType();

    private FootprintMap() { }

    /**
     * The concrete vintage ({@link #CONCRETE_VINTAGES}) that {@code vintage} names in this table:
     * {@code latest} is 2022 when the ODS trust extract and the GP practice mapping file are
     * landed, else 2018 when the CCG lookup is, else 2017.
     *
     * @throws IllegalArgumentException for a vintage not in {@link #VINTAGES}, or 2022 without its lookups
     */
    public static String resolve(Dataset<Row> orgFootprintMap, String vintage) {
        if (!VINTAGES.contains(vintage)) {
            throw new IllegalArgumentException("unknown footprint vintage '" + vintage + "': use one of "
                    + String.join(", ", VINTAGES));
        }
        // a vintage named outright needs no look at the table, except 2022 for its lookups
        if (vintage.equals(VINTAGE_2017) || vintage.equals(VINTAGE_2018)) return vintage;
        boolean ics = has(orgFootprintMap, ODS_TRUSTS) && has(orgFootprintMap, PRACTICE_MAP);
        if (vintage.equals(VINTAGE_2022) && !ics) {
            throw new IllegalArgumentException("footprint vintage 2022 needs the ODS trust extract (etr.csv) and the GP"
                    + " practice mapping file (gp-reg-pat-prac-map.csv) in the warehouse: land both and run stp ingest");
        }
        if (!vintage.equals(LATEST)) return vintage;
        if (ics) return VINTAGE_2022;
        return has(orgFootprintMap, CCG_LOOKUP) ? VINTAGE_2018 : VINTAGE_2017;
    }

    private static boolean has(Dataset<Row> orgFootprintMap, String lookup) {
        return !orgFootprintMap.filter(col("lookup").equalTo(lookup)).isEmpty();
    }

    /** Footprint type of a concrete vintage's footprints: {@code stp} before the ICSs, else {@code ics}. */
    public static String footprintType(String concreteVintage) {
        return concreteVintage.equals(VINTAGE_2022) ? "ics" : "stp";
    }

    /** {@link #forVintage(Dataset, String, List)} with the shipped footprint successor rules. */
    public static Dataset<Row> forVintage(Dataset<Row> orgFootprintMap, String vintage) {
        return forVintage(orgFootprintMap, vintage, Successors.all());
    }

    /**
     * The providers' (trusts') map of one vintage (see the class comment), merged trusts mapped as
     * their successors in {@link Successors#trusts()}.
     *
     * @param orgFootprintMap the conformed {@code org_footprint_map} (lookup, org_code, footprint_code,
     *                        footprint_ods_code, footprint_name, region_code, region_name, weight,
     *                        valid_from, valid_to, …)
     * @param successors      footprint merges; those effective after the vintage's date are ignored
     * @throws IllegalArgumentException for a vintage not in {@link #VINTAGES}
     */
    public static Dataset<Row> forVintage(Dataset<Row> orgFootprintMap, String vintage, List<Successor> successors) {
        String concrete = resolve(orgFootprintMap, vintage);
        Dataset<Row> mapped = switch (concrete) {
            case VINTAGE_2017 -> standard(rows(orgFootprintMap, TRUST_LOOKUP));
            case VINTAGE_2018 -> trusts2018(orgFootprintMap, successors);
            default -> icsTrusts(orgFootprintMap);
        };
        return withSuccessors(mapped, chains(Successors.trusts().stream()
                .map(s -> new String[] {s.fromCode(), s.toCode()}).toList()));
    }

    /**
     * The commissioners' (CCGs') map of one vintage (see the class comment), merged CCGs mapped as
     * their successors in {@code orgSuccessors}.
     *
     * @param orgSuccessors the conformed {@code org_successors} (org_code, org_type, successor_code),
     *                      or null when none is landed
     */
    public static Dataset<Row> commissioners(Dataset<Row> orgFootprintMap, String vintage, Dataset<Row> orgSuccessors) {
        String concrete = resolve(orgFootprintMap, vintage);
        Dataset<Row> mapped = switch (concrete) {
            case VINTAGE_2017 -> ccgs2017(orgFootprintMap);
            case VINTAGE_2018 -> standard(rows(orgFootprintMap, CCG_LOOKUP));
            default -> standard(rows(orgFootprintMap, PRACTICE_MAP));
        };
        List<String[]> rules = new ArrayList<>();
        if (orgSuccessors != null) {
            // a few hundred rows of reference data
            for (Row r : orgSuccessors.filter(col("org_type").equalTo("ccg")).select("org_code", "successor_code")
                    .collectAsList()) {
                rules.add(new String[] {r.getString(0), r.getString(1)});
            }
        }
        return withSuccessors(mapped, chains(rules));
    }

    private static Dataset<Row> rows(Dataset<Row> orgFootprintMap, String lookup) {
        return orgFootprintMap.filter(col("lookup").equalTo(lookup));
    }

    private static Dataset<Row> standard(Dataset<Row> rows) {
        return rows.select(col("org_code"), col("footprint_code"), col("footprint_name"), col("region_code"),
                col("region_name"), col("weight").cast(WEIGHT));
    }

    private static Dataset<Row> trusts2018(Dataset<Row> orgFootprintMap, List<Successor> successors) {
        Dataset<Row> successor = orgFootprintMap.sparkSession().createDataFrame(
                successorRows(successors, VINTAGE_DATE.get(VINTAGE_2018)),
                new StructType().add("from_code", DataTypes.StringType).add("to_code", DataTypes.StringType));
        Dataset<Row> trusts = rows(orgFootprintMap, TRUST_LOOKUP);
        Dataset<Row> restated = trusts.join(broadcast(successor), trusts.col("footprint_code").equalTo(col("from_code")), "left")
                .select(col("org_code"), coalesce(col("to_code"), col("footprint_code")).alias("footprint_code"),
                        col("footprint_name").alias("t_name"), col("region_name").alias("t_region_name"), col("weight"));
        // one region per footprint of April 2018, from the CCG lookup (every CCG of a footprint gives the same)
        Dataset<Row> regions = rows(orgFootprintMap, CCG_LOOKUP)
                .groupBy(col("footprint_code").alias("c_code"))
                .agg(first("footprint_name", true).alias("c_name"), first("region_code", true).alias("c_region_code"),
                        first("region_name", true).alias("c_region_name"));
        Dataset<Row> joined = restated.join(broadcast(regions), col("footprint_code").equalTo(col("c_code")), "left");
        // several old footprints of one trust can land on one successor: their weights add up
        return joined.groupBy(col("org_code"), col("footprint_code"),
                        coalesce(col("c_name"), col("t_name")).alias("footprint_name"),
                        col("c_region_code").alias("region_code"),
                        when(col("c_code").isNotNull(), col("c_region_name")).otherwise(col("t_region_name")).alias("region_name"))
                .agg(sum("weight").cast(WEIGHT).alias("weight"));
    }

    /** CCGs of April 2018 on the 2017 map: only those whose footprint the 44 STPs have, named as the trust lookup names it. */
    private static Dataset<Row> ccgs2017(Dataset<Row> orgFootprintMap) {
        Dataset<Row> footprints = rows(orgFootprintMap, TRUST_LOOKUP).groupBy(col("footprint_code"))
                .agg(first("footprint_name", true).alias("footprint_name"), first("region_code", true).alias("region_code"),
                        first("region_name", true).alias("region_name"));
        return rows(orgFootprintMap, CCG_LOOKUP).select(col("org_code"), col("footprint_code"), col("weight"))
                .join(broadcast(footprints), "footprint_code")
                .select(col("org_code"), col("footprint_code"), col("footprint_name"), col("region_code"),
                        col("region_name"), col("weight").cast(WEIGHT));
    }

    /** Trusts open on the 2022 date, their ODS Q footprints put on E54 codes by the practice mapping file's crosswalk. */
    private static Dataset<Row> icsTrusts(Dataset<Row> orgFootprintMap) {
        LocalDate day = VINTAGE_DATE.get(VINTAGE_2022);
        Dataset<Row> crosswalk = rows(orgFootprintMap, PRACTICE_MAP).filter(col("footprint_ods_code").isNotNull())
                .groupBy(col("footprint_ods_code").alias("q_code"))
                .agg(first("footprint_code", true).alias("e54_code"), first("footprint_name", true).alias("x_name"),
                        first("region_code", true).alias("x_region_code"), first("region_name", true).alias("x_region_name"));
        Column open = col("valid_from").leq(lit(day)).and(col("valid_to").isNull().or(col("valid_to").geq(lit(day))));
        return rows(orgFootprintMap, ODS_TRUSTS).filter(open)
                .join(broadcast(crosswalk), col("footprint_code").equalTo(col("q_code")))
                .select(col("org_code"), col("e54_code").alias("footprint_code"), col("x_name").alias("footprint_name"),
                        col("x_region_code").alias("region_code"), col("x_region_name").alias("region_name"),
                        col("weight").cast(WEIGHT));
    }

    /**
     * from_code → its successors in order (the chain), for every rule; a cycle stops after as many
     * steps as there are rules.
     */
    static Map<String, List<String>> chains(List<String[]> rules) {
        Map<String, String> next = new HashMap<>();
        for (String[] r : rules) next.put(r[0], r[1]);
        Map<String, List<String>> out = new HashMap<>();
        for (String from : next.keySet()) {
            List<String> chain = new ArrayList<>();
            String to = next.get(from);
            for (int i = 0; i <= next.size() && to != null && !to.equals(from) && !chain.contains(to); i++) {
                chain.add(to);
                to = next.get(to);
            }
            out.put(from, chain);
        }
        return out;
    }

    /**
     * The mapping plus, for each organisation it does not list that has a successor chain, the
     * rows of the first successor in the chain it does list.
     */
    static Dataset<Row> withSuccessors(Dataset<Row> mapping, Map<String, List<String>> chains) {
        if (chains.isEmpty()) return mapping;
        List<Row> candidates = new ArrayList<>();
        chains.forEach((from, chain) -> {
            for (int depth = 0; depth < chain.size(); depth++) candidates.add(RowFactory.create(from, chain.get(depth), depth));
        });
        Dataset<Row> steps = mapping.sparkSession().createDataFrame(candidates, new StructType()
                .add("from_code", DataTypes.StringType).add("candidate", DataTypes.StringType).add("depth", DataTypes.IntegerType));
        Dataset<Row> mappedCandidates = steps.join(mapping.select(col("org_code").alias("candidate")).distinct(), "candidate");
        Dataset<Row> nearest = mappedCandidates.groupBy("from_code").agg(min("depth").alias("depth"))
                .join(mappedCandidates, seq("from_code", "depth"))
                .join(mapping.select(col("org_code").alias("from_code")).distinct(), seq("from_code"), "left_anti");
        Dataset<Row> inherited = nearest.join(mapping, col("candidate").equalTo(col("org_code")))
                .select(col("from_code").alias("org_code"), col("footprint_code"), col("footprint_name"),
                        col("region_code"), col("region_name"), col("weight"));
        return mapping.unionByName(inherited);
    }

    private static scala.collection.immutable.Seq<String> seq(String... columns) {
        return CollectionConverters.asScala(List.of(columns)).toSeq();
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
