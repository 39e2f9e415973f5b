package uk.nhs.stp.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import scala.jdk.javaapi.CollectionConverters;
import uk.nhs.stp.contract.TableContract;
import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.read.ReturnFormat;
import uk.nhs.stp.ingest.read.ReturnFormats;
import uk.nhs.stp.ingest.read.RowProblem;
import uk.nhs.stp.ingest.source.FileRejectedException;
import uk.nhs.stp.ingest.source.SourceContent;
import uk.nhs.stp.io.HadoopSourceFile;
import uk.nhs.stp.spark.ContractSchemas;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Phase 2 of an ingest, run on an executor per file: parse the file once. The conformed rows
 * are returned (with two routing columns, {@code __p} = partition value and {@code __f} = the
 * file's id in the run, so staging keeps each file's rows apart until publish picks winners);
 * the file's {@link FileOutcome} and its rejected rows are written beside the staged rows as
 * small JSON files ({@code summaries/<id>.json}, {@code rejects/<id>.jsonl}). A file rejected
 * as a whole yields no rows: nothing of it is published.
 */
final class ParseLandingFile {
    static final String PARTITION = "__p";
    static final String FILE = "__f";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParseLandingFile() { }

    /** The staged schema of a conformed table: its contract columns, then the two routing columns. */
    static StructType staged(TableContract table) {
        return ContractSchemas.schema(table).add(PARTITION, DataTypes.StringType).add(FILE, DataTypes.StringType);
    }

    /** A file's id in a run: its position in the run's sorted file list. */
    static String fileId(int index) {
        return String.format("f%05d", index);
    }

    static Iterator<Row> parse(FileOutcome detected, String fileId, String runId, String staging,
                               Set<String> knownOrganisations, SerializableConfiguration conf) throws IOException {
        List<Row> out = new ArrayList<>();
        List<Map<String, Object>> rejects = new ArrayList<>();
        FileOutcome outcome;
        try {
            SourceContent content = SourceContent.open(new HadoopSourceFile(detected.path(), conf));
            ReturnFormat format = ReturnFormats.byName(detected.inputShape());
            FileParse parse = new FileParse(format.contract());
            format.read(content, parse);
            FileParseResult result = parse.finish(format.singlePeriod());
            TableContract table = result.table();
            int partition = table.position(table.partitionColumn());
            int flags = table.position("data_flags");
            FlagUnknownOrganisations unknown = new FlagUnknownOrganisations(table, knownOrganisations);
            long unknownRows = 0;
            for (OutputRow r : result.rows()) {
                Object[] values = result.values(r, detected.path(), detected.sha256(), runId);
                if (!r.isControl() && unknown.flag(values)) unknownRows++;
                Object[] staged = java.util.Arrays.copyOf(values, values.length + 2);
                staged[values.length] = String.valueOf(values[partition]);
                staged[values.length + 1] = fileId;
                // rows cross into Spark with Scala sequences for array columns
                @SuppressWarnings("unchecked")
                List<String> rowFlags = (List<String>) staged[flags];
                staged[flags] = CollectionConverters.asScala(rowFlags).toSeq();
                out.add(RowFactory.create(staged));
            }
            for (RowProblem p : result.problems()) {
                rejects.add(reject(detected, runId, p.line(), p.column(), p.rawValue(), p.rule(), p.reason()));
            }
            List<String> periods = new ArrayList<>();
            for (LocalDate d : result.periods()) periods.add(d.toString());
            outcome = detected.withParse(FileOutcome.INGESTED, periods, result.partitionRows(), result.rowsRead(),
                    result.rowsAccepted(), result.rowsRejected(), result.rowsControl(), result.warnings())
                    .withUnknownOrganisations(knownOrganisations.isEmpty() ? null : unknownRows);
        } catch (FileRejectedException e) {
            out.clear();
            rejects.clear();
            outcome = detected.withStatus(FileOutcome.REJECTED, e.rule(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            out.clear();
            rejects.clear();
            outcome = detected.withStatus(FileOutcome.FAILED, "internal", "failed while reading: " + e);
        }
        FileSystem fs = new Path(staging).getFileSystem(conf.value());
        if (!rejects.isEmpty()) {
            StringBuilder lines = new StringBuilder();
            for (Map<String, Object> r : rejects) lines.append(JSON.writeValueAsString(r)).append('\n');
            write(fs, new Path(staging, "rejects/" + fileId + ".jsonl"), lines.toString());
        }
        write(fs, new Path(staging, "summaries/" + fileId + ".json"), JSON.writeValueAsString(outcome));
        return out.iterator();
    }

    private static void write(FileSystem fs, Path path, String text) throws IOException {
        try (OutputStream o = fs.create(path, true)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A rejects-table row (data-schemas/runs/rejects.json) as a map of column to value. */
    static Map<String, Object> reject(FileOutcome f, String runId, long line, String column, String raw, String rule,
                                      String reason) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("run_id", runId);
        r.put("source_file", f.path());
        r.put("source_sha256", f.sha256());
        r.put("detected_return", f.detectedReturn());
        r.put("input_shape", f.inputShape());
        r.put("line_number", line);
        r.put("column_name", column);
        r.put("raw_value", raw);
        r.put("rule", rule);
        r.put("reason", reason);
        return Collections.unmodifiableMap(r);
    }

    static FileOutcome fromJson(String json) {
        try {
            return JSON.readValue(json, FileOutcome.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
