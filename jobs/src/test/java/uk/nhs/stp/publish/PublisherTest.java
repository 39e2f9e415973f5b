package uk.nhs.stp.publish;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.io.Warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The publish log, the {@code marts} link and retention, on a local warehouse without Spark. */
class PublisherTest {
    @TempDir
    Path dir;

    private Warehouse warehouse() {
        return new Warehouse(dir.toString(), new Configuration());
    }

    /** A version folder with one mart file, and its log entry (not yet published). */
    private PublishedVersion version(String run) throws IOException {
        Files.createDirectories(dir.resolve("_versions/" + run + "/dim_month"));
        Files.writeString(dir.resolve("_versions/" + run + "/dim_month/part-0.parquet"), run);
        return new PublishedVersion(PublishedVersion.FORMAT, run, "2026-11-23T00:00:00Z", run, null, Map.of(),
                Map.of("dim_month", new PublishedVersion.Table("_versions/" + run + "/dim_month", 1, "abc", run)),
                Map.of("ae_attendances", "f1"), null);
    }

    private String viaLink() throws IOException {
        return Files.readString(dir.resolve("marts/dim_month/part-0.parquet"));
    }

    @Test
    void theNewestEntryIsCurrentAndTheLinkFollowsIt() throws IOException {
        Warehouse wh = warehouse();
        Publisher publisher = new Publisher(wh);
        assertTrue(PublishedMarts.current(wh).isEmpty());
        assertEquals("has no published marts", assertThrows(IllegalArgumentException.class,
                () -> PublishedMarts.require(wh)).getMessage().replaceAll(".* (has no published marts).*", "$1"));
        publisher.publish(version("20261101T000000.000Z-aaaa"));
        publisher.publish(version("20261102T000000.000Z-bbbb"));
        PublishedMarts current = PublishedMarts.require(wh);
        assertEquals("20261102T000000.000Z-bbbb", current.version());
        assertEquals(dir.resolve("_versions/20261102T000000.000Z-bbbb/dim_month").toUri().getPath(),
                current.path("dim_month").toUri().getPath() + "/");
        assertEquals("20261102T000000.000Z-bbbb", viaLink());
        assertEquals(Map.of("ae_attendances", "f1"), current.entry().conformedAtPublish(), "defaults to conformed");
        assertThrows(IllegalArgumentException.class, () -> current.path("no_such_mart"));
    }

    @Test
    void aHalfWrittenEntryIsInvisibleAndAPublishedOneCannotBeRepeated() throws IOException {
        Warehouse wh = warehouse();
        new Publisher(wh).publish(version("20261101T000000.000Z-aaaa"));
        // what a run stopped while writing its entry leaves: a temporary file under a hidden name
        Files.writeString(dir.resolve("_published/.20261102T000000.000Z-bbbb.json.tmp"), "{\"run_id\": ");
        assertEquals("20261101T000000.000Z-aaaa", PublishedMarts.require(wh).version());
        assertThrows(IOException.class, () -> new Publisher(wh).publish(version("20261101T000000.000Z-aaaa")));
    }

    @Test
    void aStoppedRunsLinkIsRepairedAndAnOldMartsFolderReplaced() throws IOException {
        Warehouse wh = warehouse();
        // a warehouse from before versioning: marts/ is a real folder
        Files.createDirectories(dir.resolve("marts/dim_month"));
        Files.writeString(dir.resolve("marts/dim_month/part-0.parquet"), "old");
        Publisher publisher = new Publisher(wh);
        publisher.publish(version("20261101T000000.000Z-aaaa"));
        assertTrue(Files.isSymbolicLink(dir.resolve("marts")));
        assertEquals("20261101T000000.000Z-aaaa", viaLink());
        // a run stopped between its log entry and the link: the entry is current, the link is behind
        PublishedVersion next = version("20261102T000000.000Z-bbbb");
        Files.writeString(dir.resolve("_published/20261102T000000.000Z-bbbb.json"), PublishedMarts.JSON.writeValueAsString(next));
        assertEquals("20261101T000000.000Z-aaaa", viaLink());
        publisher.repairLink();
        assertEquals("20261102T000000.000Z-bbbb", viaLink());
    }

    @Test
    void retentionKeepsTheNewestEntriesAndOnlyTheFoldersTheyName() throws IOException {
        Warehouse wh = warehouse();
        Publisher publisher = new Publisher(wh);
        for (String run : List.of("20261101T000000.000Z-aaaa", "20261102T000000.000Z-bbbb", "20261103T000000.000Z-cccc")) {
            publisher.publish(version(run));
        }
        // a rollback to the first: a new entry naming the first folder
        PublishedVersion first = PublishedMarts.log(wh).get(0);
        publisher.publish(new PublishedVersion(PublishedVersion.FORMAT, "20261104T000000.000Z-dddd", "2026-11-24T00:00:00Z",
                first.version(), "20261103T000000.000Z-cccc", Map.of(), first.tables(), first.conformed(), Map.of()));
        version("20261105T000000.000Z-eeee"); // a run that was stopped before publishing
        assertEquals(List.of("20261102T000000.000Z-bbbb", "20261105T000000.000Z-eeee"), publisher.retain(2));
        assertEquals(List.of("20261103T000000.000Z-cccc", "20261104T000000.000Z-dddd"),
                PublishedMarts.log(wh).stream().map(PublishedVersion::runId).toList());
        try (Stream<Path> s = Files.list(dir.resolve("_versions"))) {
            assertEquals(List.of("20261101T000000.000Z-aaaa", "20261103T000000.000Z-cccc"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("20261101T000000.000Z-aaaa", viaLink());
        assertThrows(IllegalArgumentException.class, () -> publisher.retain(0));
        assertFalse(Files.exists(dir.resolve("_versions/20261102T000000.000Z-bbbb"), LinkOption.NOFOLLOW_LINKS));
    }
}
