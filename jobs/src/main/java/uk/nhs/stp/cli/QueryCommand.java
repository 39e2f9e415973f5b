package uk.nhs.stp.cli;

import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.publish.PublishedMarts;
import uk.nhs.stp.query.MartViews;
import uk.nhs.stp.query.ReadOnlyQuery;
import uk.nhs.stp.query.ResultFormat;
import uk.nhs.stp.query.WriteQueryResult;
import uk.nhs.stp.spark.SparkSessions;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code stp query --warehouse DIR --sql "..."}: a read-only SQL query over the published marts. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run one read-only SQL query (SELECT or WITH) over the published marts: every mart and dimension "
                + "is a view under its own name (stp tables lists them; docs/data-dictionary.md has an example for each).",
                "Anything else is refused (exit 2), as are unknown tables or columns, with one line saying why."})
public final class QueryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse folder with published marts.")
    String warehouse;

    @Option(names = "--sql", required = true, paramLabel = "SQL", description = "The query: one SELECT or WITH statement.")
    String sql;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (aligned, at most " + WriteQueryResult.TABLE_ROWS_DEFAULT + " rows), csv (UTF-8, ISO dates, "
                    + "header row) or json (an array of objects). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result to this file (Hadoop URI or local path) "
            + "instead of standard output.")
    String out;

    @Override
    public Integer call() throws Exception {
        ResultFormat resultFormat = ResultFormat.parse(format);
        SparkSession spark = SparkSessions.getOrCreate("stp query");
        Warehouse wh = new Warehouse(warehouse, spark.sparkContext().hadoopConfiguration());
        PublishedMarts marts = PublishedMarts.require(wh);
        Dataset<Row> result = ReadOnlyQuery.plan(MartViews.open(spark, marts), sql, marts.tables());
        try {
            if (out == null) {
                Writer stdout = spec.commandLine().getOut();
                WriteQueryResult.write(result, resultFormat, stdout);
                stdout.flush();
            } else {
                Path file = new Path(out);
                try (Writer w = new BufferedWriter(new OutputStreamWriter(
                        file.getFileSystem(wh.conf()).create(file, true), StandardCharsets.UTF_8))) {
                    long rows = WriteQueryResult.write(result, resultFormat, w);
                    spec.commandLine().getErr().printf("stp query: %,d rows written to %s%n", rows, out);
                }
            }
        } catch (Exception e) {
            SparkThrowable cause = sparkCause(e);
            if (cause != null && ReadOnlyQuery.isUserError(cause)) {
                throw new IllegalArgumentException(ReadOnlyQuery.describeRuntime(cause), e);
            }
            throw e;
        }
        return ExitCodes.OK;
    }

    private static SparkThrowable sparkCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SparkThrowable && ((SparkThrowable) t).getSqlState() != null) return (SparkThrowable) t;
        }
        return null;
    }
}
