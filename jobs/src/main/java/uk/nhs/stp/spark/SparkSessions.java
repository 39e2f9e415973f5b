package uk.nhs.stp.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import uk.nhs.stp.io.InProcessLocalFileSystem;

/**
 * Every Spark setting the application relies on, in one place. Under {@code spark-submit} the
 * master and resources come from the submit command; run directly, the default is
 * {@code local[*]}.
 */
public final class SparkSessions {
    /** Master used when none is configured (e.g. by spark-submit). */
    public static final String MASTER_DEFAULT = "local[*]";
    /** Shuffle partitions: small for a 2-core machine; raise with --conf on a cluster. */
    public static final String SHUFFLE_PARTITIONS_DEFAULT = "8";

    /** Partition files a task writes at once before it sorts its rows by partition instead. */
    public static final String CONCURRENT_OUTPUT_WRITERS_DEFAULT = "4";

    /** Folders a table may have before Spark lists them with a job rather than on the driver. */
    public static final String PARTITION_DISCOVERY_THRESHOLD_DEFAULT = "1024";

    /**
     * Size of the memory pages of Spark's sorts and hash maps when running locally. Spark sizes
     * them from the heap and cores (64 MB each here) and gives every sort or aggregation task at
     * least one, however few its rows: on a 6 GiB heap that kept about a gigabyte of mostly empty
     * pages alive. 1 MB is Spark's own lower bound; larger records still get a page of their size.
     */
    public static final String LOCAL_PAGE_SIZE_DEFAULT = "1m";

    /** Hadoop's setting naming the class of the {@code file:} file system. */
    public static final String LOCAL_FILE_SYSTEM_KEY = "fs.file.impl";

    private SparkSessions() { }

    /** The session for a command: an existing one is reused (tests), otherwise one is built. */
    public static SparkSession getOrCreate(String appName) {
        scala.Option<SparkSession> existing = SparkSession.getDefaultSession();
        if (existing.isDefined()) {
            configure(existing.get());
            return existing.get();
        }
        SparkConf conf = new SparkConf(true);
        if (!conf.contains("spark.master")) conf.setMaster(MASTER_DEFAULT);
        conf.setIfMissing("spark.app.name", appName);
        // local runs only: on a cluster Spark's sizing by executor memory stands, and a task holds at
        // most 8,192 pages (the figures behind the local default: docs/benchmarks.md)
        if (conf.get("spark.master").startsWith("local")) conf.setIfMissing("spark.buffer.pageSize", LOCAL_PAGE_SIZE_DEFAULT);
        conf.setIfMissing("spark.sql.shuffle.partitions", SHUFFLE_PARTITIONS_DEFAULT);
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", Boolean.toString(System.console() != null));
        conf.setIfMissing("spark.sql.debug.maxToStringFields", "1000");
        // A warehouse table has one folder per month: a decade is ~120. Spark lists more than 32
        // folders with a Spark job of one task per folder, which costs more than listing them here;
        // on an object store with thousands of partitions, lower it with --conf.
        conf.setIfMissing("spark.sql.sources.parallelPartitionDiscovery.threshold", PARTITION_DISCOVERY_THRESHOLD_DEFAULT);
        // Coalesce small shuffles to as few partitions as their size warrants (64 MB each), not to
        // one per core: most of a build's shuffles are a few thousand rows, where a task per core
        // costs more than it saves.
        conf.setIfMissing("spark.sql.adaptive.coalescePartitions.parallelismFirst", "false");
        // A write partitioned by column (staged landing rows, derived months) keeps up to this many
        // files open per task instead of sorting the task's rows by partition first. An ingest task is
        // one landing file, nearly always one month: the sort copied every row (a national RTT month,
        // 180,000 rows of 120 band counts) only to find them in one partition. A task with more
        // partitions than this falls back to the sort for the rest.
        conf.setIfMissing("spark.sql.maxConcurrentOutputFileWriters", CONCURRENT_OUTPUT_WRITERS_DEFAULT);
        // Local warehouses: folders created without a chmod child process each (see the class).
        conf.setIfMissing("spark.hadoop." + LOCAL_FILE_SYSTEM_KEY, InProcessLocalFileSystem.class.getName());
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        configure(spark);
        return spark;
    }

    /** Session-level settings the jobs assume, applied to any session (including a test's). */
    public static void configure(SparkSession spark) {
        // Janino left to C1 (see CompilerDirectives): every session passes here, whoever built it;
        // the thread starts once per JVM
        CompilerDirectives.installInBackground();
        // Dates cross the Java API as java.time.LocalDate, not java.sql.Date.
        spark.conf().set("spark.sql.datetime.java8API.enabled", "true");
        spark.conf().set("spark.sql.session.timeZone", "UTC");
        // INT96 is legacy; BI tools and DuckDB read microsecond timestamps natively.
        spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        spark.conf().set("spark.sql.parquet.compression.codec", "snappy");
        // a session built elsewhere (a test's, a notebook's): its local paths too
        spark.sparkContext().hadoopConfiguration().setIfUnset(LOCAL_FILE_SYSTEM_KEY, InProcessLocalFileSystem.class.getName());
    }
}
