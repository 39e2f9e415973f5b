package uk.nhs.stp.trajectory;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.spark.WarehouseTables;
import uk.nhs.stp.marts.FootprintMap;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds the trajectory marts from the marts already written and the conformed tables; the IO
 * edge around {@link TargetTrajectories} and {@link FinanceTrajectories}.
 *
 * <p>Phase 1 — access standards: for each level whose {@code <level>_metric_month} mart exists,
 * {@code <level>_target_trajectory}, with the planned trajectories when the warehouse has the
 * conformed {@code planned_trajectory}. Phase 2 — finance: {@code footprint_finance_trajectory}
 * from the annual accounts ({@code finance_annual_positions} through the footprint map of the
 * build's vintage) and from {@code footprint_finance_month}; {@code organisation_finance_trajectory}
 * from the annual accounts and {@code finance_monthly}; {@code dq_unmapped_finance_annual}, the
 * trusts of the annual accounts the map lacks (empty without annual accounts). A missing input
 * leaves its part out with a progress line.
 */
public final class BuildTrajectoryMarts {
    /** Where the marts build writes its marts, and reads back those it has written. */
    public interface MartWriter {
        /** Writes one mart of the build; returns its row count. */
        long write(String name, Dataset<Row> mart) throws IOException;

        /** The folder of a mart this build has written. */
        Path written(String name);
    }

    private final SparkSession spark;
    private final Warehouse warehouse;
    private final String footprintVintage;
    private final Consumer<String> progress;
    private final FinanceTrajectoryParameters financeParameters;
    private final TargetTrajectoryParameters targetParameters;
    private Set<String> built = Set.of();
    private MartWriter writer;

    /** A build with the default parameters ({@link FinanceTrajectoryParameters#DEFAULTS}, {@link TargetTrajectoryParameters#DEFAULTS}). */
    public BuildTrajectoryMarts(SparkSession spark, Warehouse warehouse, String footprintVintage, Consumer<String> progress) {
        this(spark, warehouse, footprintVintage, progress, FinanceTrajectoryParameters.DEFAULTS, TargetTrajectoryParameters.DEFAULTS);
    }

    public BuildTrajectoryMarts(SparkSession spark, Warehouse warehouse, String footprintVintage, Consumer<String> progress,
                                FinanceTrajectoryParameters financeParameters, TargetTrajectoryParameters targetParameters) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.footprintVintage = footprintVintage;
        this.progress = progress;
        this.financeParameters = financeParameters;
        this.targetParameters = targetParameters;
    }

    /**
     * Builds and writes the trajectory marts; returns rows written per mart, in build order.
     *
     * @param built the marts this build has written: only those are read back, so a mart an earlier
     *              build left (e.g. footprints when the map has since gone) never feeds a trajectory
     */
    public Map<String, Long> execute(MartWriter writer, Set<String> built) throws IOException {
        this.built = built;
        this.writer = writer;
        Map<String, Long> written = new LinkedHashMap<>();
        Dataset<Row> plans = WarehouseTables.conformed(spark, warehouse, "planned_trajectory");
        Dataset<Row> dimMetric = mart("dim_metric");
        for (String level : TargetTrajectories.LEVELS) {
            Dataset<Row> metricMonth = mart(level + "_metric_month");
            if (metricMonth == null || dimMetric == null) {
                progress.accept("trajectory no " + level + "_metric_month: " + level + "_target_trajectory skipped");
                continue;
            }
            String name = level + "_target_trajectory";
            written.put(name, writer.write(name, TargetTrajectories.project(metricMonth, dimMetric, plans, targetParameters)));
        }
        written.putAll(finance(writer, plans));
        return written;
    }

    private Map<String, Long> finance(MartWriter writer, Dataset<Row> plans) throws IOException {
        Map<String, Long> written = new LinkedHashMap<>();
        Dataset<Row> annual = WarehouseTables.conformed(spark, warehouse, "finance_annual_positions");
        Dataset<Row> map = WarehouseTables.conformed(spark, warehouse, "org_footprint_map");
        Dataset<Row> footprintMonth = mart("footprint_finance_month");
        Dataset<Row> monthly = WarehouseTables.conformed(spark, warehouse, "finance_monthly");
        Dataset<Row> footprints = null;
        Dataset<Row> unmapped = spark.createDataFrame(List.of(), FinanceTrajectories.UNMAPPED_ANNUAL_SCHEMA);
        if (annual != null && map != null) {
            String vintage = FootprintMap.resolve(map, footprintVintage);
            Dataset<Row> mapping = FootprintMap.forVintage(map, vintage);
            footprints = FinanceTrajectories.annualFootprintPositions(annual, mapping, vintage);
            unmapped = FinanceTrajectories.unmappedAnnual(annual, mapping, vintage);
        }
        if (footprintMonth != null) footprints = union(footprints, FinanceTrajectories.returnFootprintPositions(footprintMonth));
        Dataset<Row> organisations = annual == null ? null : FinanceTrajectories.annualOrganisationPositions(annual);
        if (monthly != null) organisations = union(organisations, FinanceTrajectories.returnOrganisationPositions(monthly));
        if (footprints == null) {
            progress.accept("trajectory no annual accounts with a footprint map, nor footprint_finance_month:"
                    + " footprint_finance_trajectory skipped");
        } else {
            written.put("footprint_finance_trajectory", writer.write("footprint_finance_trajectory",
                    project(footprints, plans, FinanceTrajectories.FOOTPRINT_SCHEMA)));
        }
        if (organisations == null) {
            progress.accept("trajectory no finance_annual_positions nor finance_monthly: organisation_finance_trajectory skipped");
        } else {
            written.put("organisation_finance_trajectory", writer.write("organisation_finance_trajectory",
                    project(organisations, plans, FinanceTrajectories.ORGANISATION_SCHEMA)));
        }
        written.put("dq_unmapped_finance_annual", writer.write("dq_unmapped_finance_annual", unmapped));
        return written;
    }

    private Dataset<Row> project(Dataset<Row> positions, Dataset<Row> plans, StructType schema) {
        return FinanceTrajectories.project(FinanceTrajectories.withDoNothing(positions, plans, financeParameters),
                financeParameters, schema);
    }

    private static Dataset<Row> union(Dataset<Row> a, Dataset<Row> b) {
        return a == null ? b : a.unionByName(b);
    }

    /** A mart written by this build, or null. */
    private Dataset<Row> mart(String name) throws IOException {
        return built.contains(name) ? WarehouseTables.mart(spark, name, writer.written(name)) : null;
    }
}
