package uk.nhs.stp.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import uk.nhs.stp.ingest.FileOutcome;
import uk.nhs.stp.io.Warehouse;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <warehouse>/_runs/<run_id>/manifest.json}: the record of one run — id, start and end,
 * the command, its exit code, and for every input file its path, checksum, detected return,
 * periods and row accounting (read = accepted + rejected + control). Contract:
 * {@code data-schemas/runs/manifest.md}.
 */
public final class RunManifest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String runId;
    private final Instant started;
    private final List<String> command;
    private final Map<String, Object> extra = new LinkedHashMap<>();

    public RunManifest(String runId, Instant started, List<String> command) {
        this.runId = runId;
        this.started = started;
        this.command = List.copyOf(command);
    }

    public String runId() { return runId; }

    /** Adds a top-level entry (e.g. {@code landing}, {@code tables}). */
    public RunManifest put(String key, Object value) {
        extra.put(key, value);
        return this;
    }

    /** Writes the manifest atomically and returns its path. */
    public String write(Warehouse warehouse, int exitCode, List<FileOutcome> files, String error) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("manifest_version", 1);
        m.put("run_id", runId);
        m.put("started", started.toString());
        m.put("ended", Instant.now().toString());
        m.put("command", command);
        m.put("exit_code", exitCode);
        if (error != null) m.put("error", error);
        m.putAll(extra);
        m.put("files", files);
        String path = warehouse.manifest(runId).toString();
        warehouse.writeText(warehouse.manifest(runId), JSON.writeValueAsString(m));
        return path;
    }
}
