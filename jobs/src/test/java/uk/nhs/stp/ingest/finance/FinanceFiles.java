package uk.nhs.stp.ingest.finance;

import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.read.ReturnFormat;
import uk.nhs.stp.ingest.source.FileRejectedException;
import uk.nhs.stp.ingest.source.LocalSourceFile;
import uk.nhs.stp.ingest.source.SourceContent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test plumbing: reads one file with a format the way the ingest does, and inspects the result. */
final class FinanceFiles {
    private FinanceFiles() { }

    static SourceContent open(Path file) throws IOException, FileRejectedException {
        return SourceContent.open(new LocalSourceFile(file));
    }

    static FileParseResult read(ReturnFormat format, Path file) throws IOException, FileRejectedException {
        FileParse parse = new FileParse(format.contract());
        format.read(open(file), parse);
        FileParseResult result = parse.finish(format.singlePeriod());
        assertEquals(result.rowsRead(), result.rowsAccepted() + result.rowsRejected() + result.rowsControl(),
                "read = accepted + rejected + control");
        return result;
    }

    /** The row's data_flags, e.g. {@code scientific_notation:operating_cost_gbp_k:-3.67E+05}. */
    @SuppressWarnings("unchecked")
    static List<String> flags(FileParseResult result, OutputRow row) {
        Object[] v = result.values(row, "file", "sha", "run");
        return (List<String>) v[result.table().position("data_flags")];
    }
}
