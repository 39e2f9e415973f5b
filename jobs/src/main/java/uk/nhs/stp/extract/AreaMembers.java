package uk.nhs.stp.extract;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.nhs.stp.marts.MetricMonth;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The areas whose rows an extract holds, as {@code (area_level, area_code)} rows: the rule of
 * {@code docs/regional-extracts.md} in one place.
 *
 * <ul>
 *   <li>a region: {@code ('region', code)}, each of its footprints {@code ('footprint', …)}, and every
 *       organisation {@code dim_organisation} maps to one of them, as {@code ('provider', …)} and
 *       {@code ('organisation', …)};</li>
 *   <li>a footprint: {@code ('footprint', code)} and its organisations likewise, not its region (whose
 *       rows sum its neighbours' figures);</li>
 *   <li>both: {@code ('england', E92000001)}, England's published figures, the benchmark every area is
 *       read against and no other area's data.</li>
 * </ul>
 *
 * Input columns: {@code dim_footprint(footprint_code, region_code, region_name)} and
 * {@code dim_organisation(org_code, footprint_code)}, both of the published version's one vintage.
 */
public final class AreaMembers {
    public static final String REGION = "region";
    public static final String FOOTPRINT = "footprint";

    private AreaMembers() { }

    /** The region's identity in the marts: its code, or its name on a vintage that gives no codes. */
    public static Column regionKey() {
        return coalesce(col("region_code"), col("region_name"));
    }

    /** The footprints of the area: one column, {@code footprint_code}. */
    public static Dataset<Row> footprints(Dataset<Row> dimFootprint, ExtractArea area) {
        Column inArea = area.kind() == ExtractArea.Kind.REGION ? regionKey().equalTo(area.code())
                : col("footprint_code").equalTo(area.code());
        return dimFootprint.filter(inArea).select("footprint_code").distinct();
    }

    /** Every {@code (area_level, area_code)} whose rows belong in the extract. */
    public static Dataset<Row> of(Dataset<Row> dimFootprint, Dataset<Row> dimOrganisation, ExtractArea area) {
        Dataset<Row> footprints = footprints(dimFootprint, area);
        Dataset<Row> organisations = dimOrganisation.join(footprints, "footprint_code").select("org_code").distinct();
        Dataset<Row> members = footprints.select(lit(FOOTPRINT).alias("area_level"), col("footprint_code").alias("area_code"))
                .unionByName(organisations.select(lit("provider").alias("area_level"), col("org_code").alias("area_code")))
                .unionByName(organisations.select(lit("organisation").alias("area_level"), col("org_code").alias("area_code")))
                .unionByName(single(dimFootprint, "england", MetricMonth.ENGLAND_CODE));
        if (area.kind() == ExtractArea.Kind.REGION) members = members.unionByName(single(dimFootprint, REGION, area.code()));
        return members;
    }

    private static Dataset<Row> single(Dataset<Row> any, String level, String code) {
        return any.sparkSession().range(1).select(lit(level).alias("area_level"), lit(code).alias("area_code"));
    }
}
