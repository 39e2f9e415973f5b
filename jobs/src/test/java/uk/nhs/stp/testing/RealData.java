package uk.nhs.stp.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real published NHS files, referenced in place (never copied into the project). The folder
 * comes from the system property {@code stp.realData} (Maven sets it to
 * {@code ../shared/data/real}) or the environment variable {@code STP_REAL_DATA}. When it is absent,
 * tests skip with a message; under {@code CI=true} its absence fails them.
 */
public final class RealData {
    private RealData() { }

    /** The real-data folder, or skip/fail as described above. */
    public static Path root() {
        String configured = System.getProperty("stp.realData");
        if (configured == null || configured.isBlank() || configured.startsWith("${")) {
            configured = System.getenv("STP_REAL_DATA");
        }
        if (configured == null || configured.isBlank()) configured = "../../shared/data/real";
        Path root = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            String msg = "real NHS data folder not found at " + root
                    + " (set -Dstp.realData=DIR or STP_REAL_DATA; it lives in ../shared/data/real)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(msg);
            Assumptions.assumeTrue(false, msg);
        }
        return root;
    }

    /** A file under the real-data folder, e.g. {@code file("ae_monthly_provider/April-2025-CSV-revised.csv")}. */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        Assertions.assertTrue(Files.isRegularFile(p), "expected real file " + p);
        return p;
    }
}
