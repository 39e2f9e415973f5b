package uk.nhs.stp.nightly;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.generate.SampleReturnsGenerator;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.publish.PublishedMarts;
import uk.nhs.stp.testing.ChildStp;
import uk.nhs.stp.testing.PublishedRows;
import uk.nhs.stp.testing.Stp;
import uk.nhs.stp.testing.SharedSpark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real failures: {@code stp nightly} in a child JVM, killed with SIGKILL at points during ingest,
 * between marts and during publish. After each kill, readers still get the previous version —
 * through the publish log and through the stable {@code marts/} folders — and the next run
 * completes with the same rows in every table as an uninterrupted run on a copy of the warehouse.
 * Two runs started together on one warehouse: exactly one proceeds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyCrashTest {
    /** Where the child runs are killed, in the order a run reaches them. */
    private static final List<String> KILL_POINTS = List.of(
            "ingest.staged:ae_attendances",    // the month's rows staged, nothing of the table published
            "ingest.partition-aside",          // a revised month's old partition moved aside, the new one not yet in
            "ingest.published",                // conformed tables published, the files not yet recorded as ingested
            "marts.written:england_metric_month", // between marts of the new version
            "publish.before-log");             // the new version complete, not yet published

    @TempDir
    static Path tmp;
    private static SparkSession spark;
    private static Path landing;
    private static String warehouse;
    private static String reference;
    private static Warehouse wh;

    @BeforeAll
    static void yesterdayAndTonight() throws IOException {
        spark = SharedSpark.session();
        landing = tmp.resolve("landing");
        Path generated = tmp.resolve("generated");
        new SampleReturnsGenerator().generate(new SampleReturnsGenerator.Options(generated.toString(),
                YearMonth.of(2017, 4), 2, 7));
        // yesterday: April's A&E return and the lookups (one return keeps the many child runs quick;
        // every table goes through the same stage, publish and record steps)
        copy(generated, landing, name -> isUsed(name) && !isMay(name));
        warehouse = tmp.resolve("wh").toString();
        wh = new Warehouse(warehouse, spark.sparkContext().hadoopConfiguration());
        assertEquals(0, Stp.run("nightly", "--landing", landing.toString(), "--warehouse", warehouse).exitCode());
        reference = tmp.resolve("reference").toString();
        copy(Path.of(warehouse), Path.of(reference), name -> true);

        // tonight: May of every return, and a revision of April's A&E file that replaces its month
        copy(generated, landing, name -> isUsed(name) && isMay(name));
        Path april = landing.resolve("ae/April-2017-CSV.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(april));
        String[] row = lines.get(1).split(",", -1);
        row[4] = Long.toString(Long.parseLong(row[4]) + 50);
        lines.set(1, String.join(",", row));
        Path revised = landing.resolve("ae/April-2017-CSV-revised.csv");
        Files.write(revised, lines);
        Files.setLastModifiedTime(revised, FileTime.from(Instant.now().plusSeconds(60)));

        Stp.Result uninterrupted = Stp.run("nightly", "--landing", landing.toString(),
                "--warehouse", reference);
        assertEquals(0, uninterrupted.exitCode(), uninterrupted.err());
    }

    @Test
    @Order(1)
    void aRunKilledAnywhereLeavesYesterdaysMartsAndTheNextRunCompletesIt() throws Exception {
        String yesterday = PublishedMarts.require(wh).version();
        Map<String, List<String>> yesterdaysRows = PublishedRows.marts(spark, warehouse);
        for (String point : KILL_POINTS) {
            try (ChildStp child = ChildStp.start(tmp.resolve("logs"), point.replace(':', '-'), point,
                    "nightly", "--landing", landing.toString(), "--warehouse", warehouse)) {
                child.awaitPause(point);
                child.kill();
            }
            assertEquals(yesterday, PublishedMarts.require(wh).version(), "after a kill at " + point);
            assertEquals(yesterdaysRows, PublishedRows.marts(spark, warehouse), "after a kill at " + point);
            assertEquals(yesterdaysRows, PublishedRows.martFolders(warehouse, yesterdaysRows.keySet()),
                    "stable folders after a kill at " + point);
        }
        Stp.Result next = Stp.run("nightly", "--landing", landing.toString(), "--warehouse", warehouse);
        assertEquals(0, next.exitCode(), next.err());
        assertTrue(next.out().contains("took over the lock"), next.out());
        // the run after the kill at ingest.partition-aside found April's A&E month moved aside and put it back
        String afterAside = Files.readString(tmp.resolve("logs/ingest.published.out"));
        assertTrue(afterAside.contains("1 partition(s) restored (ae_attendances/month=2017-04-01)"), afterAside);

        assertEquals(PublishedRows.marts(spark, reference), PublishedRows.marts(spark, warehouse));
        List<String> conformed = List.of("ae_attendances", "org_footprint_map");
        assertEquals(PublishedRows.conformed(reference, conformed), PublishedRows.conformed(warehouse, conformed));
        assertFalse(Files.exists(Path.of(warehouse, "_lock")));
        try (Stream<Path> staging = Files.list(Path.of(warehouse, "_staging"))) {
            assertEquals(0, staging.count(), "no stopped run's work is left behind");
        }
    }

    @Test
    @Order(2)
    void ofTwoRunsStartedTogetherExactlyOneProceeds() throws Exception {
        String point = "run.locked";
        try (ChildStp a = ChildStp.start(tmp.resolve("logs"), "concurrent-a", point,
                "nightly", "--landing", landing.toString(), "--warehouse", warehouse);
             ChildStp b = ChildStp.start(tmp.resolve("logs"), "concurrent-b", point,
                     "nightly", "--landing", landing.toString(), "--warehouse", warehouse)) {
            long deadline = System.nanoTime() + 240_000_000_000L;
            while (System.nanoTime() < deadline && !(paused(a, point) && !b.isAlive() || paused(b, point) && !a.isAlive())) {
                Thread.sleep(200);
            }
            ChildStp holder = paused(a, point) ? a : b;
            ChildStp other = holder == a ? b : a;
            assertTrue(paused(holder, point), "one run holds the warehouse");
            assertFalse(other.isAlive(), "the other run has stopped");
            assertEquals(5, other.exitCode(), other.stderr());
            assertTrue(other.stderr().contains("is locked by run") && other.stderr().contains("pid " + holder.pid()),
                    other.stderr());
            assertEquals(1, other.stderr().strip().lines().filter(l -> l.startsWith("stp:")).count(), other.stderr());
            holder.kill();
        }
        // the killed holder's lock is stale: the next run takes it over and finds nothing new
        Stp.Result next = Stp.run("nightly", "--landing", landing.toString(), "--warehouse", warehouse);
        assertEquals(0, next.exitCode(), next.err());
        assertTrue(next.out().contains("took over the lock") && next.out().contains("nothing new"), next.out());
    }

    private static boolean paused(ChildStp child, String point) throws IOException {
        return child.stderr().contains("paused at " + point);
    }

    private static boolean isUsed(String relative) {
        return relative.startsWith("ae/") || relative.startsWith("lookups/");
    }

    private static boolean isMay(String relative) {
        return relative.contains("May-2017") || relative.contains("MAY-2017") || relative.contains("-M02");
    }

    /** Copies a folder tree (symbolic links as links), the files whose relative path {@code include} accepts. */
    private static void copy(Path from, Path to, java.util.function.Predicate<String> include) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                String relative = from.relativize(p).toString();
                Path target = to.resolve(relative);
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else if (include.test(relative)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
