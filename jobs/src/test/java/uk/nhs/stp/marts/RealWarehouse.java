package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine;
import uk.nhs.stp.cli.StpCommand;
import uk.nhs.stp.testing.RealData;
import uk.nhs.stp.testing.RawCsv;
import uk.nhs.stp.testing.SharedSpark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * For the back-tests: real published files landed in a temporary folder and ingested by
 * {@code stp ingest}, as a batch run would; plus the plain quote-aware split the tests use to
 * compute the expected figures by hand from the raw files (no project reader).
 */
public final class RealWarehouse {
    private final Path warehouse;

    private RealWarehouse(Path warehouse) {
        this.warehouse = warehouse;
    }

    /** Copies {@code realFiles} (paths under the real-data folder) into {@code dir} and ingests them. */
    public static RealWarehouse ingest(Path dir, List<String> realFiles) throws IOException {
        Path landing = dir.resolve("landing");
        for (String f : realFiles) {
            Path target = landing.resolve(f);
            Files.createDirectories(target.getParent());
            Files.copy(RealData.file(f), target);
        }
        Path warehouse = dir.resolve("wh");
        StringWriter out = new StringWriter();
        CommandLine cl = StpCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int exit = cl.execute("ingest", "--landing", landing.toString(), "--warehouse", warehouse.toString());
        assertEquals(0, exit, "stp ingest of the real files: " + out);
        return new RealWarehouse(warehouse);
    }

    /** A conformed table as the marts read it. */
    public Dataset<Row> conformed(String table) {
        return SharedSpark.session().read().parquet(warehouse.resolve("conformed/" + table).toString());
    }

}
