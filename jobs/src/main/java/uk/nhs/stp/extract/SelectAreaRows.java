package uk.nhs.stp.extract;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.nhs.stp.contract.AreaScope;

import java.util.List;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

/**
 * The rows of one mart that belong to an area, by the mart's {@link AreaScope}: rows naming a member
 * area in {@code area_level, area_code}; rows whose {@code footprint_code} is a member footprint (a
 * null code belongs to no area); every row of a national table. Columns and their order are kept.
 */
public final class SelectAreaRows {
    private SelectAreaRows() { }

    /**
     * @param mart    the mart's rows
     * @param scope   how its rows belong to areas (its contract's {@code area_scope})
     * @param members {@code (area_level, area_code)} from {@link AreaMembers#of}: small, so broadcast
     */
    public static Dataset<Row> select(Dataset<Row> mart, AreaScope scope, Dataset<Row> members) {
        switch (scope) {
            case AREA:
                return mart.join(broadcast(members), scala.jdk.javaapi.CollectionConverters.asScala(
                        List.of("area_level", "area_code")).toSeq(), "left_semi");
            case FOOTPRINT:
                Dataset<Row> footprints = members.filter(col("area_level").equalTo(AreaMembers.FOOTPRINT))
                        .select(col("area_code").alias("member_footprint_code"));
                return mart.join(broadcast(footprints), col("footprint_code").equalTo(col("member_footprint_code")), "left_semi");
            default:
                return mart;
        }
    }
}
