package uk.nhs.stp.extract;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;
import java.util.TreeMap;

/**
 * What an area extract holds, written last as {@code <out>/manifest.json} (so its presence says the
 * extract is complete). Fields are described in {@code docs/regional-extracts.md}.
 *
 * @param extractVersion   format version of this file (1)
 * @param createdAt        when, ISO-8601 UTC
 * @param areaKind         {@code region} or {@code footprint}
 * @param areaCode         the code asked for
 * @param areaName         its name in {@code dim_footprint}
 * @param footprints       the footprints the extract covers
 * @param footprintVintage the organisation to footprint map membership was read from
 * @param warehouse        the warehouse it was taken from
 * @param sourceVersion    the published version of the marts it was taken from
 * @param format           {@code parquet} or {@code csv}
 * @param rule             where the rule deciding which rows are the area's is written
 * @param tables           every mart of the version, with what the extract kept of it
 */
public record ExtractManifest(
        @JsonProperty("extract_version") int extractVersion,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("area_kind") String areaKind,
        @JsonProperty("area_code") String areaCode,
        @JsonProperty("area_name") String areaName,
        @JsonProperty("footprints") java.util.List<String> footprints,
        @JsonProperty("footprint_vintage") String footprintVintage,
        @JsonProperty("warehouse") String warehouse,
        @JsonProperty("source_version") String sourceVersion,
        @JsonProperty("format") String format,
        @JsonProperty("rule") String rule,
        @JsonProperty("tables") Map<String, Table> tables) {

    public static final int FORMAT = 1;
    public static final String FILE_NAME = "manifest.json";

    public ExtractManifest {
        tables = new TreeMap<>(tables);
    }

    /**
     * One mart in the extract.
     *
     * @param path          its file ({@code <table>.csv}) or folder ({@code <table>/}), relative to the extract
     * @param rows          rows kept
     * @param sourceRows    rows of the published mart
     * @param areaScope     how its rows belong to areas: {@code area}, {@code footprint} or {@code national}
     * @param schemaVersion the contract's schema fingerprint, as in the publish log
     */
    public record Table(
            @JsonProperty("path") String path,
            @JsonProperty("rows") long rows,
            @JsonProperty("source_rows") long sourceRows,
            @JsonProperty("area_scope") String areaScope,
            @JsonProperty("schema_version") String schemaVersion) { }
}
