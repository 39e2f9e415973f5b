package uk.nhs.stp.testing;

import org.apache.spark.sql.SparkSession;
import uk.nhs.stp.spark.SparkSessions;

/**
 * One {@code local[2]} SparkSession for the whole test JVM (first start ≈ 4 s; later classes reuse
 * it). spark-testing-base has no build for Spark 4 / Scala 2.13 in the reachable registry and
 * its Java bases are JUnit 4, so this small helper takes its place.
 */
public final class SharedSpark {
    private static SparkSession spark;

    private SharedSpark() { }

    public static synchronized SparkSession session() {
        if (spark == null) {
            spark = SparkSession.builder()
                    .master("local[2]")
                    .appName("stp-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    // as the application's local runs (see the constant): less of the test heap in empty pages
                    .config("spark.buffer.pageSize", SparkSessions.LOCAL_PAGE_SIZE_DEFAULT)
                    .config("spark.sql.maxConcurrentOutputFileWriters", SparkSessions.CONCURRENT_OUTPUT_WRITERS_DEFAULT)
                    .getOrCreate();
            SparkSessions.configure(spark);
        }
        return spark;
    }
}
