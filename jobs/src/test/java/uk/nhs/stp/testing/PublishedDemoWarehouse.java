package uk.nhs.stp.testing;

import org.junit.jupiter.api.Assertions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * One warehouse with published marts, shared by every test class that reads marts (building one
 * costs minutes on a 2-core machine, so it is built once per test JVM): three months of generated
 * returns from April 2017, run through {@code stp nightly}. It lives in
 * {@code target/published-demo-warehouse/} and is rebuilt by the first test that asks for it in each
 * JVM; {@code scripts/notebooks.sh} may reuse it after the tests.
 *
 * <p>For quick iterations on tests that only read, {@code -Dstp.testWarehouse=DIR} names an existing
 * warehouse with published marts (e.g. one from {@code stp demo --months 3}) instead.
 */
public final class PublishedDemoWarehouse {
    /** Months generated from April 2017. */
    public static final int MONTHS = 3;
    private static final Path ROOT = Path.of("target", "published-demo-warehouse").toAbsolutePath();
    private static String warehouse;

    private PublishedDemoWarehouse() { }

    /** The warehouse folder (a local path), built on first use. */
    public static synchronized String path() {
        if (warehouse != null) return warehouse;
        SharedSpark.session();
        String given = System.getProperty("stp.testWarehouse");
        if (given != null && !given.isBlank()) {
            warehouse = Path.of(given).toAbsolutePath().toString();
            return warehouse;
        }
        deleteTree(ROOT);
        String landing = ROOT.resolve("landing").toString();
        String wh = ROOT.resolve("warehouse").toString();
        run("generate", "--out", landing, "--from", "2017-04", "--months", Integer.toString(MONTHS));
        run("nightly", "--landing", landing, "--warehouse", wh);
        warehouse = wh;
        return warehouse;
    }

    /** The landing folder the warehouse was built from (only for the warehouse this class built). */
    public static Path landing() {
        path();
        return ROOT.resolve("landing");
    }

    private static void run(String... args) {
        Stp.Result r = Stp.run(args);
        Assertions.assertEquals(0, r.exitCode(), "stp " + String.join(" ", args) + ": " + r);
    }

    private static void deleteTree(Path root) {
        try {
            TestFiles.deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
