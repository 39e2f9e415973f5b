package uk.nhs.stp.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.publish.PublishedMarts;
import uk.nhs.stp.query.MartViews;
import uk.nhs.stp.query.PublishedTables;
import uk.nhs.stp.spark.SparkSessions;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code stp tables --warehouse DIR [TABLE]}: what can be queried, from the contracts and the published version. */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = {"List every published mart with its description, grain, columns, row count and latest month; "
                + "with a table name, that table's columns with their descriptions and its worked example query."})
public final class TablesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse folder with published marts.")
    String warehouse;

    @Parameters(arity = "0..1", paramLabel = "TABLE", description = "Show this table's columns in full.")
    String table;

    @Override
    public Integer call() throws Exception {
        SparkSession spark = SparkSessions.getOrCreate("stp tables");
        Warehouse wh = new Warehouse(warehouse, spark.sparkContext().hadoopConfiguration());
        PublishedMarts marts = PublishedMarts.require(wh);
        if (table != null && !marts.has(table)) {
            throw new IllegalArgumentException("unknown table " + table + "; the marts are: " + String.join(", ", marts.tables()));
        }
        PrintWriter out = spec.commandLine().getOut();
        PublishedTables tables = PublishedTables.describe(MartViews.open(spark, marts), marts);
        if (table == null) tables.printSummary(out, wh.root().toString());
        else tables.printTable(table, out);
        out.flush();
        return ExitCodes.OK;
    }
}
