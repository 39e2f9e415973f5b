package uk.nhs.stp.marts;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import uk.nhs.stp.io.ParquetFolders;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.spark.WarehouseTables;
import uk.nhs.stp.reference.Metrics;
import uk.nhs.stp.reference.Target;
import uk.nhs.stp.reference.Targets;
import uk.nhs.stp.run.Failpoints;
import uk.nhs.stp.spc.SpcMarts;
import uk.nhs.stp.spc.SpcParameters;
import uk.nhs.stp.trajectory.BuildTrajectoryMarts;
import uk.nhs.stp.trajectory.FinanceTrajectoryParameters;
import uk.nhs.stp.trajectory.TargetTrajectoryParameters;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Builds the marts under {@code <warehouse>/marts/} from the conformed tables.
 *
 * <p>Phase 1 — the organisation → footprint maps of the chosen vintage ({@link FootprintMap}; kept
 * in the derived layer until a lookup changes, {@link DerivedFootprintMaps}), and the derived layer
 * brought up to date ({@link DerivedTables}): metric counts per provider and month from each return
 * ({@link AeMetricCounts}, {@link RttMetricCounts}, {@link CancerMetricCounts}), their sums per
 * area and month ({@link MonthlyAreaMetrics}: England, providers, and footprints and regions
 * through the maps) and the RTT 92nd-percentile wait of every area and month
 * ({@link MonthlyWaitPercentiles}: England, providers, and footprints and regions from the
 * commissioners' band distributions summed per footprint), recomputed only for the months whose
 * conformed partition changed, or every month when the map changed (a missing return simply
 * contributes no metrics). Phase 2 — read them back: every later phase works from these, never from
 * the returns' rows. Phase 3 — dimensions and the metric-month marts at England and provider level
 * ({@link MetricMonth}); when {@code org_footprint_map} is present, the same at footprint and
 * region level ({@link FootprintMetrics}: each metric through its basis, provider or commissioner)
 * and the activity no footprint receives ({@code dq_unmapped_activity}). The four levels'
 * aggregated rows are computed as one Dataset and finished once, then written a level at a time.
 * Phase 4 — trajectories and statistical process control from the marts just written.
 *
 * <p>Every mart is written under the build's own version folder, {@code _versions/<run>/<table>},
 * where no reader looks; the caller publishes the version as a whole ({@link uk.nhs.stp.publish.Publisher}).
 */
public final class BuildMarts {
    /** Footprint vintage recorded in the marts: history restated on the latest footprints. */
    public static final String FOOTPRINT_VINTAGE_DEFAULT = "latest";

    private final SparkSession spark;
    private final Warehouse warehouse;
    private final String runId;
    private final Consumer<String> progress;
    private final Map<String, Dataset<Row>> conformedTables = new java.util.HashMap<>();
    private final String footprintVintage;
    private SpcParameters spcParameters = SpcParameters.DEFAULTS;
    private FinanceTrajectoryParameters financeParameters = FinanceTrajectoryParameters.DEFAULTS;
    private TargetTrajectoryParameters targetParameters = TargetTrajectoryParameters.DEFAULTS;
    private Map<String, Kept> keep = Map.of();
    private final Map<String, Kept> kept = new LinkedHashMap<>();
    private final BuildTrajectoryMarts.MartWriter writer = new BuildTrajectoryMarts.MartWriter() {
        @Override
        public long write(String name, Dataset<Row> mart) throws IOException {
            return BuildMarts.this.write(name, mart);
        }

        @Override
        public Path written(String name) {
            return new Path(warehouse.version(runId), name);
        }
    };

    /** A build on the default footprint vintage ({@value #FOOTPRINT_VINTAGE_DEFAULT}). */
    public BuildMarts(SparkSession spark, Warehouse warehouse, String runId, Consumer<String> progress) {
        this(spark, warehouse, runId, progress, FOOTPRINT_VINTAGE_DEFAULT);
    }

    /**
     * @param footprintVintage the organisation → footprint map the footprint and region marts use,
     *                         one of {@link FootprintMap#VINTAGES}
     * @throws IllegalArgumentException for an unknown vintage
     */
    public BuildMarts(SparkSession spark, Warehouse warehouse, String runId, Consumer<String> progress,
                      String footprintVintage) {
        if (!FootprintMap.VINTAGES.contains(footprintVintage)) {
            throw new IllegalArgumentException("unknown footprint vintage '" + footprintVintage + "': use one of "
                    + String.join(", ", FootprintMap.VINTAGES));
        }
        this.spark = spark;
        this.warehouse = warehouse;
        this.runId = runId;
        this.progress = progress;
        this.footprintVintage = footprintVintage;
    }

    /** The statistical process control settings (default: NHSRplotthedots'). */
    public BuildMarts withSpcParameters(SpcParameters parameters) {
        this.spcParameters = parameters;
        return this;
    }

    /** A mart of the published version that this build keeps instead of rebuilding. */
    public record Kept(Path folder, long rows, String builtBy) { }

    /**
     * Marts to keep as published: their folders are copied into this build's version instead of
     * being computed. The caller decides which (nothing they are built from has changed).
     */
    public BuildMarts keeping(Map<String, Kept> marts) {
        this.keep = Map.copyOf(marts);
        return this;
    }

    /** The marts this build kept rather than rebuilt (after {@link #execute}). */
    public Map<String, Kept> kept() {
        return java.util.Collections.unmodifiableMap(kept);
    }

    /** The finance and access-standard trajectory settings (default: each record's {@code DEFAULTS}). */
    public BuildMarts withTrajectoryParameters(FinanceTrajectoryParameters finance, TargetTrajectoryParameters target) {
        this.financeParameters = finance;
        this.targetParameters = target;
        return this;
    }

    /** Builds every mart; returns rows written per mart, in build order. */
    public Map<String, Long> execute() throws IOException {
        FootprintMaps maps = footprintMaps();
        Dataset<Row> metrics = spark.createDataFrame(DimMetric.from(Metrics.all()), DimMetric.SCHEMA);
        List<DerivedTables.Derivation> derivations = new ArrayList<>(DerivedTables.COUNTS);
        derivations.addAll(MonthlyAreaMetrics.derivations(metrics, maps == null ? null : maps.providers(),
                maps == null ? null : maps.commissioners(), maps == null ? null : maps.identity()));
        derivations.add(MonthlyWaitPercentiles.derivation(maps == null ? null : maps.commissioners(),
                maps == null ? null : maps.identity()));
        if (maps != null) derivations.addAll(DimOrganisation.seenDerivations());
        DerivedTables derived = new DerivedTables(spark, warehouse, runId, progress, derivations);
        derived.refresh();
        long t0 = System.nanoTime();
        Dataset<Row> counts = null;
        Dataset<Row> areaMonths = null;
        for (DerivedTables.Derivation d : DerivedTables.COUNTS) {
            Dataset<Row> c = derived.read(d.name());
            if (c != null) counts = counts == null ? c : counts.unionByName(c);
            Dataset<Row> a = derived.read(MonthlyAreaMetrics.table(d));
            if (a != null) areaMonths = areaMonths == null ? a : areaMonths.unionByName(a);
        }
        // the 92nd-percentile waits of every area, estimated month by month in the derived layer
        Dataset<Row> waitPercentiles = derived.read(MonthlyWaitPercentiles.TABLE);
        Map<String, Long> written = new LinkedHashMap<>();
        if (counts == null) {
            progress.accept("marts     no conformed returns in the warehouse: nothing to build (run stp ingest first)");
            return written;
        }
        // the months with counts, from the derived files' footers: no Spark job
        TreeMap<LocalDate, Long> countsByMonth = new TreeMap<>();
        for (DerivedTables.Derivation d : DerivedTables.COUNTS) derived.rowsByMonth(d.name()).forEach((m, n) -> countsByMonth.merge(m, n, Long::sum));
        if (countsByMonth.isEmpty()) {
            progress.accept("marts     the conformed returns have no metric counts: nothing to build");
            return written;
        }
        progress.accept(String.format("counts    %,d provider-month-metric counts from %s to %s (%.1f s)",
                countsByMonth.values().stream().mapToLong(Long::longValue).sum(), countsByMonth.firstKey(),
                countsByMonth.lastKey(), (System.nanoTime() - t0) / 1e9));
        Dataset<Row> months = spark.createDataFrame(DimMonth.rows(countsByMonth.firstKey(), countsByMonth.lastKey()),
                DimMonth.SCHEMA);
        Dataset<Row> targets = targets();

        Dataset<Row> monthColumn = months.select("month");
        written.put("dim_month", write("dim_month", months));
        written.put("dim_metric", write("dim_metric", metrics));
        // every level's aggregated rows in one Dataset, finished once (one grid, one pass over the
        // targets) and written a level at a time: a handful of queries instead of four of each; the
        // sums come month by month from the derived layer
        Dataset<Row> aggregated = MonthlyAreaMetrics.aggregated(areaMonths);
        if (waitPercentiles != null) aggregated = aggregated.unionByName(MonthlyWaitPercentiles.aggregated(waitPercentiles));
        Dataset<Row> finished = MetricMonth.finish(aggregated, metrics, targets, monthColumn, FOOTPRINT_VINTAGE_DEFAULT)
                .persist(StorageLevel.MEMORY_AND_DISK());
        written.put("england_metric_month", write("england_metric_month", level(finished, "england", FOOTPRINT_VINTAGE_DEFAULT)));
        written.put("provider_metric_month", write("provider_metric_month", level(finished, "provider", FOOTPRINT_VINTAGE_DEFAULT)));
        if (maps != null) {
            written.put("footprint_metric_month", write("footprint_metric_month", level(finished, "footprint", maps.vintage())));
            written.put("region_metric_month", write("region_metric_month", level(finished, "region", maps.vintage())));
            written.putAll(footprintMarts(maps, counts, metrics, seen(derived)));
        }
        finished.unpersist();
        written.putAll(new BuildTrajectoryMarts(spark, warehouse, footprintVintage, progress,
                financeParameters, targetParameters).execute(writer, written.keySet()));
        written.putAll(spcMarts(written.keySet(), metrics));
        return written;
    }

    /** The organisation → footprint maps of the build's vintage; null (and said) when the warehouse has none. */
    private FootprintMaps footprintMaps() throws IOException {
        Dataset<Row> map = conformed("org_footprint_map");
        if (map == null) {
            progress.accept("footprints no org_footprint_map in the warehouse: footprint_metric_month, region_metric_month"
                    + " and dq_unmapped_activity skipped (land a trust -> STP lookup and run stp ingest)");
            return null;
        }
        // Reference data of a few hundred rows (one per organisation and footprint), held on the
        // driver: each of the dozen queries that use them reads a local relation, joined by broadcast
        // as planned, instead of computing the effective-dated rules again (a cached Dataset was not
        // matched inside the larger plans, which recomputed them in a dozen small jobs). Computed once
        // per change of the lookups, and kept in the derived layer until then.
        long t0 = System.nanoTime();
        String lookups = DerivedFootprintMaps.lookups(warehouse);
        String inputs = DerivedFootprintMaps.inputs(footprintVintage, lookups);
        DerivedFootprintMaps.Maps maps = DerivedFootprintMaps.read(spark, warehouse, inputs);
        if (maps == null) {
            String vintage = FootprintMap.resolve(map, footprintVintage);
            Dataset<Row> providerMap = FootprintMap.forVintage(map, vintage);
            Dataset<Row> commissionerMap = FootprintMap.commissioners(map, vintage, conformed("org_successors"));
            maps = new DerivedFootprintMaps.Maps(vintage, providerMap.collectAsList(), providerMap.schema(),
                    commissionerMap.collectAsList(), commissionerMap.schema(), inputs, false);
            DerivedFootprintMaps.write(spark, warehouse, runId, maps);
        }
        String vintage = maps.vintage();
        Dataset<Row> mapping = spark.createDataFrame(maps.providers(), maps.providerSchema());
        Dataset<Row> ccgs = spark.createDataFrame(maps.commissioners(), maps.commissionerSchema());
        progress.accept(String.format("footprints vintage %s (%s): %,d provider and %,d commissioner -> footprint rows"
                        + " (%s; %.1f s)", vintage, footprintVintage, maps.providers().size(), maps.commissioners().size(),
                maps.reused() ? "unchanged lookups: kept from the last build" : "computed", (System.nanoTime() - t0) / 1e9));
        return new FootprintMaps(map, vintage, mapping, ccgs, "footprints " + vintage + lookups);
    }

    /**
     * The conformed map, the vintage it resolved to, that vintage's provider and commissioner maps,
     * and what identifies them (the vintage and the fingerprints of the tables they come from).
     */
    private record FootprintMaps(Dataset<Row> map, String vintage, Dataset<Row> providers, Dataset<Row> commissioners,
                                 String identity) { }

    /** One level of the finished metric-month rows, with the footprint vintage it is reported on. */
    private static Dataset<Row> level(Dataset<Row> finished, String areaLevel, String vintage) {
        return finished.filter(col("area_level").equalTo(areaLevel)).withColumn("footprint_vintage", lit(vintage));
    }

    /** The marts built from the footprint maps besides the metric-month ones. */
    private Map<String, Long> footprintMarts(FootprintMaps maps, Dataset<Row> counts, Dataset<Row> metrics,
                                             Dataset<Row> seen) throws IOException {
        Map<String, Long> written = new LinkedHashMap<>();
        Dataset<Row> map = maps.map();
        String vintage = maps.vintage();
        Dataset<Row> mapping = maps.providers();
        Dataset<Row> ccgs = maps.commissioners();
        written.put("dq_unmapped_activity", write("dq_unmapped_activity", FootprintMetrics.unmapped(counts, metrics, mapping, ccgs)));
        written.put("dim_footprint", write("dim_footprint", DimFootprint.from(mapping.unionByName(ccgs), vintage)));
        written.put("dim_organisation", write("dim_organisation",
                DimOrganisation.from(map, mapping.unionByName(ccgs), seen, vintage)));
        Dataset<Row> finance = conformed("finance_monthly");
        Dataset<Row> financeMonth = spark.createDataFrame(List.of(), FootprintFinance.SCHEMA);
        if (finance != null) {
            written.put("footprint_finance_month", write("footprint_finance_month",
                    FootprintFinance.month(finance, mapping, ccgs, vintage)));
            written.put("dq_unmapped_finance", write("dq_unmapped_finance", FootprintFinance.unmapped(finance, mapping, ccgs)));
            financeMonth = writtenMart("footprint_finance_month");
        }
        // the scorecard reads the published marts back: one wide row per footprint and month
        written.put("footprint_scorecard", write("footprint_scorecard", FootprintScorecard.wide(
                writtenMart("footprint_metric_month"), financeMonth)));
        return written;
    }

    /** The organisations the returns name ({@link DimOrganisation#seen}), from the derived layer. */
    private static Dataset<Row> seen(DerivedTables derived) throws IOException {
        Dataset<Row> out = null;
        for (DerivedTables.Derivation d : DimOrganisation.seenDerivations()) {
            Dataset<Row> t = derived.read(d.name());
            if (t != null) out = out == null ? t : out.unionByName(t);
        }
        return out == null ? DimOrganisation.seen(Map.of()) : out;
    }

    /**
     * SPC of every series of the metric-month marts this build wrote (read back, as published) and
     * the summary of each series; see {@link SpcMarts}.
     */
    private Map<String, Long> spcMarts(Set<String> built, Dataset<Row> metrics) throws IOException {
        Map<String, Long> written = new LinkedHashMap<>();
        Dataset<Row> series = null;
        for (String level : List.of("england", "region", "footprint", "provider")) {
            String mart = level + "_metric_month";
            if (!built.contains(mart)) {
                progress.accept("spc       no " + mart + " in this build: its series have no SPC");
                continue;
            }
            Dataset<Row> rows = writtenMart(mart).select("area_level", "area_code",
                    "month", "metric_id", "value", "target", "has_data", "footprint_vintage");
            series = series == null ? rows : series.unionByName(rows);
        }
        if (series == null) return written;
        progress.accept("spc       rules: " + spcParameters.describe());
        written.put("spc_metric_month", write("spc_metric_month", SpcMarts.metricMonth(series, metrics, spcParameters)));
        written.put("spc_summary", write("spc_summary", SpcMarts.summary(
                writtenMart("spc_metric_month"), spcParameters)));
        return written;
    }

    /** A conformed table, opened once per build (null when the warehouse has none). */
    private Dataset<Row> conformed(String table) throws IOException {
        if (!conformedTables.containsKey(table)) conformedTables.put(table, WarehouseTables.conformed(spark, warehouse, table));
        return conformedTables.get(table);
    }

    private Dataset<Row> targets() {
        List<Row> rows = new ArrayList<>();
        for (Target t : Targets.all()) {
            rows.add(RowFactory.create(t.metricId(), t.standardPct(), t.standardCount(), t.validFrom(), t.validTo()));
        }
        return spark.createDataFrame(rows, new StructType().add("metric_id", DataTypes.StringType)
                .add("standard_pct", DataTypes.createDecimalType(5, 2)).add("standard_count", DataTypes.LongType)
                .add("valid_from", DataTypes.DateType).add("valid_to", DataTypes.DateType));
    }

    /**
     * Writes a mart into this build's version folder — or, for a mart to keep, copies the
     * published one there without computing anything; returns its row count.
     */
    private long write(String name, Dataset<Row> mart) throws IOException {
        long t0 = System.nanoTime();
        Kept previous = keep.get(name);
        if (previous != null) {
            if (!org.apache.hadoop.fs.FileUtil.copy(warehouse.fs(), previous.folder(), warehouse.fs(), writer.written(name),
                    false, warehouse.conf())) {
                throw new IOException("could not copy " + previous.folder() + " to " + writer.written(name));
            }
            kept.put(name, previous);
            progress.accept(String.format("mart      %-28s %,d rows (kept: nothing it is built from changed; %.1f s)",
                    name, previous.rows(), (System.nanoTime() - t0) / 1e9));
            Failpoints.reach("marts.written:" + name);
            return previous.rows();
        }
        // one file per mart: marts are small, and one file is what BI tools load best. The rows are
        // gathered by a shuffle after they are computed (not coalesced, which would compute the
        // whole last stage in one task, on one core)
        mart.repartition(1).write().mode(SaveMode.Overwrite).parquet(writer.written(name).toString());
        // counted from the written file's footer: no second Spark job over the mart
        long count = ParquetFolders.rowCount(warehouse.fs(), warehouse.conf(), writer.written(name));
        progress.accept(String.format("mart      %-28s %,d rows (%.1f s)", name, count, (System.nanoTime() - t0) / 1e9));
        Failpoints.reach("marts.written:" + name);
        return count;
    }

    /** A mart this build has written, read back with its contract's schema (nothing inferred). */
    private Dataset<Row> writtenMart(String name) {
        return WarehouseTables.mart(spark, name, writer.written(name));
    }
}
