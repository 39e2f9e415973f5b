package uk.nhs.stp.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.Serializable;
import java.util.List;

/**
 * What happened to one landing file in a run: the {@code files} entries of the run manifest.
 * Invariant: {@code rows_read = rows_accepted + rows_rejected + rows_control}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileOutcome(
        @JsonProperty("path") String path,
        @JsonProperty("size_bytes") long sizeBytes,
        @JsonProperty("modified") String modified,
        @JsonProperty("sha256") String sha256,
        @JsonProperty("zip_entry") String zipEntry,
        @JsonProperty("detected_return") String detectedReturn,
        @JsonProperty("input_shape") String inputShape,
        @JsonProperty("table") String table,
        @JsonProperty("status") String status,
        @JsonProperty("periods") List<String> periods,
        @JsonProperty("partition_rows") java.util.Map<String, Long> partitionRows,
        @JsonProperty("rows_read") long rowsRead,
        @JsonProperty("rows_accepted") long rowsAccepted,
        @JsonProperty("rows_rejected") long rowsRejected,
        @JsonProperty("rows_control") long rowsControl,
        @JsonProperty("rows_unknown_org") Long rowsUnknownOrg,
        @JsonProperty("warnings") List<String> warnings,
        @JsonProperty("error_rule") String errorRule,
        @JsonProperty("error") String error) implements Serializable {

    /** Parsed and written. */
    public static final String INGESTED = "ingested";
    /** Same bytes as a file ingested before: nothing to do. */
    public static final String UNCHANGED = "unchanged";
    /** Rejected as a whole: nothing from it is published. */
    public static final String REJECTED = "rejected";
    /** Another file in the same run carries newer data for all of this file's periods. */
    public static final String SUPERSEDED = "superseded";
    /** An internal failure while reading it (a bug or an IO error): exit code 4. */
    public static final String FAILED = "failed";

    public FileOutcome withStatus(String newStatus, String rule, String message) {
        return new FileOutcome(path, sizeBytes, modified, sha256, zipEntry, detectedReturn, inputShape, table,
                newStatus, periods, partitionRows, rowsRead, rowsAccepted, rowsRejected, rowsControl, rowsUnknownOrg, warnings, rule, message);
    }

    public FileOutcome withParse(String newStatus, List<String> newPeriods, java.util.Map<String, Long> newPartitionRows, long read,
                                 long accepted, long rejected, long control, List<String> newWarnings) {
        return new FileOutcome(path, sizeBytes, modified, sha256, zipEntry, detectedReturn, inputShape, table,
                newStatus, newPeriods, newPartitionRows, read, accepted, rejected, control, rowsUnknownOrg, newWarnings, errorRule, error);
    }

    /** Records how many accepted rows carry an organisation code no lookup knows (null: not checked). */
    public FileOutcome withUnknownOrganisations(Long rows) {
        return new FileOutcome(path, sizeBytes, modified, sha256, zipEntry, detectedReturn, inputShape, table, status,
                periods, partitionRows, rowsRead, rowsAccepted, rowsRejected, rowsControl, rows, warnings, errorRule,
                error);
    }
}
