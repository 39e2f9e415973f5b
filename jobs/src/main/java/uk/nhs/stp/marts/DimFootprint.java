package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.spark.ContractSchemas;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static uk.nhs.stp.spark.Aggregates.distinctCount;

/**
 * The footprint dimension ({@code data-schemas/marts/dim_footprint.json}). Pure transform.
 *
 * <p>Input: the map of one vintage as {@link FootprintMap#forVintage} gives it ({@code org_code,
 * footprint_code, footprint_name, region_code, region_name, weight}).
 *
 * <p>Output columns: {@code footprint_code, footprint_name, footprint_type ("stp" before the ICSs, "ics" on vintage 2022), region_code,
 * region_name, organisations_count INT, footprint_vintage}. Grain: one row per footprint of the vintage.
 */
public final class DimFootprint {
    /** The columns of the contract, in its order. */
    public static final StructType SCHEMA = ContractSchemas.schema(Contracts.table("marts", "dim_footprint"));

    private DimFootprint() { }

    /**
     * One row per footprint of {@code mapping}.
     *
     * @param mapping the output of {@link FootprintMap#forVintage}
     * @param vintage the concrete vintage the mapping is on ({@code 2017}, {@code 2018} or {@code 2022}; pass
     *                {@link FootprintMap#resolve} of {@code latest}, not {@code latest} itself)
     */
    public static Dataset<Row> from(Dataset<Row> mapping, String vintage) {
        // every row of a footprint carries the same name and region; min picks it deterministically
        return mapping.groupBy(col("footprint_code"))
                .agg(min("footprint_name").alias("footprint_name"),
                        min("region_code").alias("region_code"),
                        min("region_name").alias("region_name"),
                        distinctCount(col("org_code")).alias("organisations_count"))
                .select(col("footprint_code"), col("footprint_name"), lit(FootprintMap.footprintType(vintage)).alias("footprint_type"),
                        col("region_code"), col("region_name"), col("organisations_count"),
                        lit(vintage).alias("footprint_vintage"));
    }
}
