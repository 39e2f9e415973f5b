package uk.nhs.stp.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import uk.nhs.stp.io.Warehouse;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One run at a time per warehouse: {@code <warehouse>/_lock}, created exclusively, holding who
 * holds it (run id, host, process id and its start time, command).
 *
 * <p>Exclusive creation: on a local file system a hard link from a fully written temporary file
 * (link(2) fails when the name exists, so two processes can never both succeed and nobody reads a
 * half-written lock); elsewhere {@code FileSystem.create(path, overwrite = false)}, which HDFS
 * performs atomically. While held, the lock's modification time is refreshed every
 * {@link #HEARTBEAT}.
 *
 * <p>A lock is stale — left by a run that was killed — when its holder's process is gone (same
 * host: no process with that id and start time) or, from another host, when it has not been
 * refreshed for {@link #STALE_AFTER}. A stale lock is taken over under a short-lived second lock
 * ({@code _lock.takeover}), so two runs finding the same stale lock cannot both proceed. The run
 * that takes over is told whose lock it replaced, to clear up after it.
 */
public final class WarehouseLock implements AutoCloseable {
    public static final Duration HEARTBEAT = Duration.ofSeconds(30);
    public static final Duration STALE_AFTER = Duration.ofMinutes(10);
    /** A takeover lock older than this was left by a process killed while taking over. */
    static final Duration TAKEOVER_STALE_AFTER = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Who holds a lock. */
    public record Holder(@JsonProperty("run_id") String runId, @JsonProperty("host") String host,
                         @JsonProperty("pid") long pid, @JsonProperty("process_started") String processStarted,
                         @JsonProperty("acquired") String acquired, @JsonProperty("command") List<String> command) {
        public String describe() {
            return "run " + runId + " (pid " + pid + " on " + host + ", since " + acquired + ")";
        }
    }

    /** Another run holds the warehouse: exit code 5. */
    public static final class LockedException extends RuntimeException {
        public LockedException(String message) { super(message); }
    }

    private final Warehouse warehouse;
    private final Holder holder;
    private final Holder replaced;
    private final ScheduledExecutorService heartbeat;

    private WarehouseLock(Warehouse warehouse, Holder holder, Holder replaced) {
        this.warehouse = warehouse;
        this.holder = holder;
        this.replaced = replaced;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stp-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(this::touch, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Takes the warehouse for a run.
     *
     * @throws LockedException when another live run holds it (the message names the holder)
     */
    public static WarehouseLock acquire(Warehouse warehouse, String runId, List<String> command) throws IOException {
        Holder me = currentProcess(runId, command);
        if (tryCreate(warehouse, warehouse.lock(), me)) return new WarehouseLock(warehouse, me, null);
        Optional<Holder> held = read(warehouse);
        if (held.isEmpty() || !stale(warehouse, held.get())) {
            throw new LockedException("warehouse " + warehouse.root() + " is locked by "
                    + held.map(Holder::describe).orElse("another run (its lock is being written)")
                    + "; wait for it to finish, or if no such run exists remove " + warehouse.lock());
        }
        return takeOver(warehouse, me, held.get());
    }

    /** The stale lock this one replaced, if any: a run that was killed and may have left work behind. */
    public Optional<Holder> replaced() { return Optional.ofNullable(replaced); }

    public Holder holder() { return holder; }

    /** Who holds the warehouse now, if anyone. */
    public static Optional<Holder> read(Warehouse warehouse) throws IOException {
        String text;
        try {
            text = warehouse.readText(warehouse.lock());
        } catch (IOException e) {
            return Optional.empty();
        }
        if (text == null || text.isBlank()) return Optional.empty();
        try {
            return Optional.of(JSON.readValue(text, Holder.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        heartbeat.shutdownNow();
        Optional<Holder> now = read(warehouse);
        if (now.isPresent() && now.get().runId().equals(holder.runId())) warehouse.fs().delete(warehouse.lock(), false);
    }

    private void touch() {
        try {
            warehouse.fs().setTimes(warehouse.lock(), System.currentTimeMillis(), -1);
        } catch (IOException | RuntimeException e) {
            // a missed heartbeat only brings staleness closer; the next one retries
        }
    }

    private static WarehouseLock takeOver(Warehouse warehouse, Holder me, Holder stale) throws IOException {
        FileSystem fs = warehouse.fs();
        Path takeover = new Path(warehouse.root(), "_lock.takeover");
        if (!tryCreate(warehouse, takeover, me)) {
            FileStatus st = fs.getFileStatus(takeover);
            if (Instant.now().toEpochMilli() - st.getModificationTime() < TAKEOVER_STALE_AFTER.toMillis()) {
                throw new LockedException("warehouse " + warehouse.root() + " is being taken over from the stale lock of "
                        + stale.describe() + " by another run; try again in a minute");
            }
            fs.delete(takeover, false);
            if (!tryCreate(warehouse, takeover, me)) {
                throw new LockedException("warehouse " + warehouse.root() + " is being taken over by another run");
            }
        }
        try {
            Optional<Holder> still = read(warehouse);
            if (still.isPresent() && !still.get().runId().equals(stale.runId())) {
                throw new LockedException("warehouse " + warehouse.root() + " is locked by " + still.get().describe());
            }
            fs.delete(warehouse.lock(), false);
            if (!tryCreate(warehouse, warehouse.lock(), me)) {
                throw new LockedException("warehouse " + warehouse.root() + " was locked by another run during takeover");
            }
            return new WarehouseLock(warehouse, me, stale);
        } finally {
            fs.delete(takeover, false);
        }
    }

    /** True when the holder cannot still be running. */
    static boolean stale(Warehouse warehouse, Holder h) throws IOException {
        if (h.host().equals(hostName())) {
            Optional<ProcessHandle> p = ProcessHandle.of(h.pid());
            if (p.isEmpty() || !p.get().isAlive()) return true;
            Optional<Instant> started = p.get().info().startInstant();
            // the same id now belongs to a process started after the lock's: the holder is gone
            return started.isPresent() && h.processStarted() != null
                    && !started.get().toString().equals(h.processStarted());
        }
        FileStatus st = warehouse.fs().getFileStatus(warehouse.lock());
        return Instant.now().toEpochMilli() - st.getModificationTime() > STALE_AFTER.toMillis();
    }

    /** Creates {@code path} holding {@code me} if and only if it does not exist. */
    private static boolean tryCreate(Warehouse warehouse, Path path, Holder me) throws IOException {
        FileSystem fs = warehouse.fs();
        byte[] bytes = JSON.writeValueAsString(me).getBytes(StandardCharsets.UTF_8);
        fs.mkdirs(path.getParent());
        if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
            java.nio.file.Path target = Paths.get(path.toUri());
            java.nio.file.Path tmp = target.resolveSibling("." + target.getFileName() + "." + me.runId() + ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.createLink(target, tmp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        try (OutputStream out = fs.create(path, false)) {
            out.write(bytes);
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            if (fs.exists(path)) return false;
            throw e;
        }
    }

    private static Holder currentProcess(String runId, List<String> command) {
        ProcessHandle self = ProcessHandle.current();
        return new Holder(runId, hostName(), self.pid(),
                self.info().startInstant().map(Instant::toString).orElse(null), Instant.now().toString(), command);
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
