package uk.nhs.stp.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import uk.nhs.stp.contract.Contracts;
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

import scala.jdk.javaapi.CollectionConverters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Phase 2 of an ingest, run on an executor per file: parse the file once into envelope rows —
 * conformed rows ({@code kind = row}), rejected rows ({@code kind = reject}) and one summary
 * ({@code kind = summary}, the file's {@link FileOutcome} as JSON). A file rejected as a whole
 * yields only its summary: nothing of it is published.
 */
final class ParseLandingFile {
    static final String ROW = "row";
    static final String REJECT = "reject";
    static final String SUMMARY = "summary";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParseLandingFile() { }

    /** The envelope schema for one conformed table. */
    static StructType envelope(TableContract table) {
        return new StructType()
                .add("kind", DataTypes.StringType, false)
                .add("row", ContractSchemas.schema(table), true)
                .add("reject", ContractSchemas.schema(Contracts.table("runs", "rejects")), true)
                .add("summary", DataTypes.StringType, true);
    }

    static Iterator<Row> parse(FileOutcome detected, String runId, SerializableConfiguration conf) {
        List<Row> out = new ArrayList<>();
        HadoopSourceFile source = new HadoopSourceFile(detected.path(), conf);
        FileOutcome outcome;
        try {
            SourceContent content = SourceContent.open(source);
            ReturnFormat format = ReturnFormats.byName(detected.inputShape());
            FileParse parse = new FileParse(format.contract());
            format.read(content, parse);
            FileParseResult result = parse.finish(format.singlePeriod());
            for (OutputRow r : result.rows()) {
                Object[] values = result.values(r, detected.path(), detected.sha256(), runId);
                for (int i = 0; i < values.length; i++) {
                    // Row encoders take Scala sequences for array columns
                    if (values[i] instanceof List<?> list) values[i] = CollectionConverters.asScala(list).toSeq();
                }
                out.add(RowFactory.create(ROW, RowFactory.create(values), null, null));
            }
            for (RowProblem p : result.problems()) {
                out.add(RowFactory.create(REJECT, null, reject(detected, runId, p.line(), p.column(), p.rawValue(),
                        p.rule(), p.reason()), null));
            }
            List<String> periods = new ArrayList<>();
            for (LocalDate d : result.periods()) periods.add(d.toString());
            outcome = detected.withParse(FileOutcome.INGESTED, periods, result.partitionValues(), result.rowsRead(), result.rowsAccepted(),
                    result.rowsRejected(), result.rowsControl(), result.warnings());
        } catch (FileRejectedException e) {
            outcome = detected.withStatus(FileOutcome.REJECTED, e.rule(), e.getMessage());
            out.clear();
        } catch (IOException | RuntimeException e) {
            outcome = detected.withStatus(FileOutcome.FAILED, "internal", "failed while reading: " + e);
            out.clear();
        }
        out.add(RowFactory.create(SUMMARY, null, null, toJson(outcome)));
        return out.iterator();
    }

    static Row reject(FileOutcome f, String runId, long line, String column, String raw, String rule,
                              String reason) {
        return RowFactory.create(runId, f.path(), f.sha256(), f.detectedReturn(), f.inputShape(), line, column,
                raw, rule, reason);
    }

    static String toJson(FileOutcome outcome) {
        try {
            return JSON.writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FileOutcome fromJson(String json) {
        try {
            return JSON.readValue(json, FileOutcome.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
