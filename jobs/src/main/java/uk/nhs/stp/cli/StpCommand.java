package uk.nhs.stp.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import uk.nhs.stp.run.WarehouseLock;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** {@code stp}: the entry point. Each subcommand is a {@code Callable<Integer>} returning its exit code. */
@Command(name = "stp",
        mixinStandardHelpOptions = true,
        versionProvider = StpCommand.Version.class,
        description = "NHS England footprint analytics: ingest the published returns into a Parquet warehouse.",
        subcommands = {DemoCommand.class, NightlyCommand.class, IngestCommand.class, MartsCommand.class, RollbackCommand.class,
                QueryCommand.class, TablesCommand.class, ExportCommand.class,
                GenerateCommand.class,
                DictionaryCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes:",
                "  0  success (row-level rejects are reported)",
                "  2  usage error",
                "  3  one or more files rejected as a whole (every other file is still ingested)",
                "  4  internal failure",
                "  5  warehouse locked by another run (the message names it)"})
public final class StpCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command, e.g. 'stp demo' or 'stp ingest'");
    }

    /** A command line with the project's error handling: one readable line, never a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new StpCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("stp: " + Errors.describe(ex));
            if (System.getenv("STP_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            if (ex instanceof WarehouseLock.LockedException) return ExitCodes.LOCKED;
            return ex instanceof IllegalArgumentException ? ExitCodes.USAGE : ExitCodes.INTERNAL;
        });
        return cl;
    }

    public static void main(String[] args) {
        CommandLine cl = commandLine();
        // query results and extracts are UTF-8 whatever the platform's default encoding
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        int exitCode = cl.execute(args);
        if (exitCode == ExitCodes.OK && ranSparkJobs()) ClassDataSharing.recordIfAsked(cl.getErr());
        System.exit(exitCode);
    }

    /**
     * Whether this process ran a Spark job: then the classes it loaded (Spark's scheduler, SQL
     * engine, Parquet) are the ones worth sharing with later starts; a command that stopped before
     * any (nothing to do, or no Spark at all) would record a fraction of them.
     */
    private static boolean ranSparkJobs() {
        scala.Option<org.apache.spark.sql.SparkSession> spark = org.apache.spark.sql.SparkSession.getDefaultSession();
        // the application sets no job groups: every job it ran is in the null group
        return spark.isDefined() && spark.get().sparkContext().statusTracker().getJobIdsForGroup(null).length > 0;
    }

    /** The version from the jar's build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = StpCommand.class.getResourceAsStream("/stp-version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[] {"stp " + p.getProperty("version", "unknown")
                    + " (Spark " + p.getProperty("spark", "?") + ", Java " + System.getProperty("java.version") + ")"};
        }
    }
}
