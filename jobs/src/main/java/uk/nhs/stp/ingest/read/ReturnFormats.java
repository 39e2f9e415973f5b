package uk.nhs.stp.ingest.read;

import uk.nhs.stp.ingest.source.FileRejectedException;
import uk.nhs.stp.ingest.source.SourceContent;

import java.util.List;

/**
 * Every published shape the ingest recognises, in recognition order (more specific shapes
 * first). The one place to register a new format.
 */
public final class ReturnFormats {
    private ReturnFormats() { }

    public static List<ReturnFormat> all() {
        return List.of(
                new uk.nhs.stp.ingest.rtt.RttFullExtractCsv());
    }

    /** The first format recognising the content. */
    public static ReturnFormat detect(SourceContent content) throws FileRejectedException {
        for (ReturnFormat f : all()) {
            if (f.recognises(content)) return f;
        }
        throw new FileRejectedException("not_a_return", content.kind() == uk.nhs.stp.ingest.source.ContentKind.XLSX
                ? "is an Excel workbook that is not a recognised return (expected the Cancer Waiting Times provider workbook)"
                : "is not a recognised return: its first lines match no known header (A&E, RTT, cancer, finance or "
                + "an organisation lookup); see data-schemas/inputs/ for the accepted shapes");
    }
}
