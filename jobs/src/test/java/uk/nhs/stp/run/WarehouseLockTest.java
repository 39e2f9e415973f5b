package uk.nhs.stp.run;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.io.Warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One run at a time; a lock left by a dead process, or not refreshed from another host, is taken over. */
class WarehouseLockTest {
    @TempDir
    Path dir;

    private Warehouse warehouse() {
        return new Warehouse(dir.toString(), new Configuration());
    }

    private void writeLock(String json) throws IOException {
        Files.writeString(dir.resolve("_lock"), json);
    }

    @Test
    void aSecondRunIsRefusedWithTheHoldersNameUntilTheFirstReleases() throws IOException {
        Warehouse wh = warehouse();
        try (WarehouseLock first = WarehouseLock.acquire(wh, "run-1", List.of("nightly"))) {
            WarehouseLock.LockedException e = assertThrows(WarehouseLock.LockedException.class,
                    () -> WarehouseLock.acquire(wh, "run-2", List.of("nightly")));
            assertTrue(e.getMessage().contains("locked by run run-1 (pid " + ProcessHandle.current().pid()), e.getMessage());
            assertTrue(first.replaced().isEmpty());
        }
        assertFalse(Files.exists(dir.resolve("_lock")));
        try (WarehouseLock again = WarehouseLock.acquire(wh, "run-3", List.of("nightly"))) {
            assertEquals("run-3", WarehouseLock.read(wh).orElseThrow().runId());
        }
    }

    @Test
    void theLockOfAProcessThatIsGoneIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        writeLock("{\"run_id\":\"run-killed\",\"host\":\"" + WarehouseLock.hostName() + "\",\"pid\":" + gone.pid()
                + ",\"acquired\":\"2026-11-22T01:00:00Z\",\"command\":[\"nightly\"]}");
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse(), "run-next", List.of("nightly"))) {
            assertEquals("run-killed", lock.replaced().orElseThrow().runId());
            assertEquals("run-next", WarehouseLock.read(warehouse()).orElseThrow().runId());
        }
    }

    @Test
    void aLockFromAnotherHostIsStaleOnlyWhenNotRefreshed() throws IOException {
        String other = "{\"run_id\":\"run-elsewhere\",\"host\":\"another-host.example\",\"pid\":1,"
                + "\"acquired\":\"2026-11-22T01:00:00Z\",\"command\":[\"nightly\"]}";
        writeLock(other);
        assertThrows(WarehouseLock.LockedException.class, () -> WarehouseLock.acquire(warehouse(), "run-a", List.of("nightly")));
        Files.setLastModifiedTime(dir.resolve("_lock"),
                FileTime.from(Instant.now().minus(WarehouseLock.STALE_AFTER).minusSeconds(60)));
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse(), "run-b", List.of("nightly"))) {
            assertEquals("run-elsewhere", lock.replaced().orElseThrow().runId());
        }
    }

    @Test
    void aTakeoverInProgressMakesOtherRunsWait() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        writeLock("{\"run_id\":\"run-killed\",\"host\":\"" + WarehouseLock.hostName() + "\",\"pid\":" + gone.pid()
                + ",\"command\":[\"nightly\"]}");
        Files.writeString(dir.resolve("_lock.takeover"), "{}");
        WarehouseLock.LockedException e = assertThrows(WarehouseLock.LockedException.class,
                () -> WarehouseLock.acquire(warehouse(), "run-c", List.of("nightly")));
        assertTrue(e.getMessage().contains("being taken over"), e.getMessage());
    }
}
