package uk.nhs.stp.publish;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import uk.nhs.stp.io.Warehouse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The marts readers see: the version named by the newest entry of the publish log
 * ({@code <warehouse>/_published/<run_id>.json}; run ids sort by time). Every reader inside the
 * project (queries, extracts, the nightly run itself) resolves marts here, so it sees one complete
 * version even while a new one is being published.
 */
public final class PublishedMarts {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String SUFFIX = ".json";

    private final Warehouse warehouse;
    private final PublishedVersion current;

    private PublishedMarts(Warehouse warehouse, PublishedVersion current) {
        this.warehouse = warehouse;
        this.current = current;
    }

    /** The current version, or empty when nothing has been published yet. */
    public static Optional<PublishedMarts> current(Warehouse warehouse) throws IOException {
        List<PublishedVersion> log = log(warehouse);
        return log.isEmpty() ? Optional.empty() : Optional.of(new PublishedMarts(warehouse, log.get(log.size() - 1)));
    }

    /** The current version; a usage error naming what to run when nothing has been published. */
    public static PublishedMarts require(Warehouse warehouse) throws IOException {
        return current(warehouse).orElseThrow(() -> new IllegalArgumentException("warehouse " + warehouse.root()
                + " has no published marts: run stp nightly (or stp marts) first"));
    }

    /** Every entry of the publish log, oldest first. */
    public static List<PublishedVersion> log(Warehouse warehouse) throws IOException {
        List<PublishedVersion> out = new ArrayList<>();
        Path folder = warehouse.publishLog();
        if (!warehouse.fs().exists(folder)) return out;
        for (FileStatus st : warehouse.fs().listStatus(folder)) {
            String name = st.getPath().getName();
            // temporary files start with '.'; a half-written entry is never renamed into place
            if (!st.isFile() || name.startsWith(".") || !name.endsWith(SUFFIX)) continue;
            out.add(JSON.readValue(warehouse.readText(st.getPath()), PublishedVersion.class));
        }
        out.sort(Comparator.comparing(PublishedVersion::runId));
        return out;
    }

    public PublishedVersion entry() { return current; }

    /** The warehouse the version was published in. */
    public Warehouse warehouse() { return warehouse; }

    /** The run id of the version's folder ({@code _versions/<version>}). */
    public String version() { return current.version(); }

    /** Names of the version's marts, sorted. */
    public Set<String> tables() { return current.tables().keySet(); }

    public boolean has(String table) { return current.tables().containsKey(table); }

    /** The folder of a mart's Parquet files in this version (a Hadoop URI). */
    public Path path(String table) {
        PublishedVersion.Table t = current.tables().get(table);
        if (t == null) {
            throw new IllegalArgumentException("no mart '" + table + "' in published version " + current.version()
                    + "; marts: " + String.join(", ", tables()));
        }
        return new Path(warehouse.root(), t.path());
    }

    public long rows(String table) { return current.tables().get(table).rows(); }
}
