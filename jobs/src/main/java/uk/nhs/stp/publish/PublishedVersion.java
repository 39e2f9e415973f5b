package uk.nhs.stp.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of the publish log, {@code <warehouse>/_published/<run_id>.json}: a complete set of
 * marts readers may see. Contract: {@code data-schemas/runs/published.md}.
 *
 * @param publishedVersion    format version of this file (1)
 * @param runId               the run that published it (the file's name)
 * @param publishedAt         when, ISO-8601 UTC
 * @param version             the version folder the marts are in, {@code _versions/<version>}: the run
 *                            that built them (for a rollback, the earlier run restored)
 * @param rolledBackFrom      for a rollback, the version that was current before it; else null
 * @param parameters          the build's settings (footprint vintage, SPC and trajectory parameters):
 *                            the next nightly run rebuilds when they differ
 * @param tables              every mart of the version
 * @param conformed           fingerprint of each conformed table the marts were built from
 * @param conformedAtPublish  fingerprints of the conformed tables when this entry was written (equal
 *                            to {@code conformed} except after a rollback); the next nightly run
 *                            rebuilds only when the conformed tables differ from these
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublishedVersion(
        @JsonProperty("published_version") int publishedVersion,
        @JsonProperty("run_id") String runId,
        @JsonProperty("published_at") String publishedAt,
        @JsonProperty("version") String version,
        @JsonProperty("rolled_back_from") String rolledBackFrom,
        @JsonProperty("parameters") Map<String, String> parameters,
        @JsonProperty("tables") Map<String, Table> tables,
        @JsonProperty("conformed") Map<String, String> conformed,
        @JsonProperty("conformed_at_publish") Map<String, String> conformedAtPublish) {

    public static final int FORMAT = 1;

    public PublishedVersion {
        tables = new TreeMap<>(tables);
        parameters = parameters == null ? Map.of() : new TreeMap<>(parameters);
        conformed = conformed == null ? Map.of() : new TreeMap<>(conformed);
        conformedAtPublish = conformedAtPublish == null ? conformed : new TreeMap<>(conformedAtPublish);
    }

    /**
     * One mart of a version.
     *
     * @param path          folder of its Parquet files, relative to the warehouse root
     * @param rows          row count
     * @param schemaVersion {@link uk.nhs.stp.contract.TableContract#schemaVersion()} of its contract
     * @param builtBy       the run that computed its rows (an earlier run when it did not need rebuilding)
     */
    public record Table(
            @JsonProperty("path") String path,
            @JsonProperty("rows") long rows,
            @JsonProperty("schema_version") String schemaVersion,
            @JsonProperty("built_by") String builtBy) { }
}
