package uk.nhs.stp.cli;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.nhs.stp.extract.ExportAreaExtract;
import uk.nhs.stp.extract.ExtractArea;
import uk.nhs.stp.extract.ExtractManifest;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.publish.PublishedMarts;
import uk.nhs.stp.spark.SparkSessions;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code stp export --warehouse DIR (--region CODE | --footprint CODE) --out DIR}: one area's extract. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write an extract holding only one area's rows of every published mart, with its own manifest.json: "
                + "for a region, the region's rows, its footprints' and their organisations'; for a footprint, its own and "
                + "its organisations'; both with England's rows and the national dimensions (docs/regional-extracts.md).",
                "Parquet folders for BI tools, or one CSV file per mart for spreadsheets (UTF-8, ISO dates)."})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse folder with published marts.")
    String warehouse;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Area area;

    static final class Area {
        @Option(names = "--region", required = true, paramLabel = "CODE",
                description = "Region code as in dim_footprint.region_code, e.g. E40000009.")
        String region;

        @Option(names = "--footprint", required = true, paramLabel = "CODE",
                description = "Footprint code as in dim_footprint.footprint_code, e.g. E54000049.")
        String footprint;
    }

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New (or empty) folder for the extract.")
    String out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet",
            description = "parquet (a folder per mart) or csv (a file per mart). Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() throws Exception {
        ExportAreaExtract.Format fileFormat = ExportAreaExtract.Format.parse(format);
        ExtractArea extractArea = area.region != null ? ExtractArea.region(area.region) : ExtractArea.footprint(area.footprint);
        SparkSession spark = SparkSessions.getOrCreate("stp export");
        PublishedMarts marts = PublishedMarts.require(new Warehouse(warehouse, spark.sparkContext().hadoopConfiguration()));
        ExtractManifest manifest = new ExportAreaExtract(spark, marts).export(extractArea, new Path(out), fileFormat);
        PrintWriter o = spec.commandLine().getOut();
        o.printf("extract of %s %s (%s): %d footprint(s), version %s, vintage %s%n", manifest.areaKind(), manifest.areaCode(),
                manifest.areaName(), manifest.footprints().size(), manifest.sourceVersion(), manifest.footprintVintage());
        manifest.tables().forEach((name, t) -> o.printf("  %-32s %,10d of %,10d rows  %s/%s%n", name, t.rows(), t.sourceRows(),
                out, t.path()));
        o.println("  manifest: " + out + "/" + ExtractManifest.FILE_NAME);
        o.flush();
        return ExitCodes.OK;
    }
}
