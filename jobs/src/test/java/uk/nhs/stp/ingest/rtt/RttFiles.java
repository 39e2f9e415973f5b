package uk.nhs.stp.ingest.rtt;

import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.source.FileRejectedException;
import uk.nhs.stp.ingest.source.LocalSourceFile;
import uk.nhs.stp.ingest.source.SourceContent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: read a file with the RTT format, and write small RTT extracts for bad cases. */
final class RttFiles {
    static final String DESCRIPTIVE = "Period,Provider Parent Org Code,Provider Parent Name,Provider Org Code,"
            + "Provider Org Name,Commissioner Parent Org Code,Commissioner Parent Name,Commissioner Org Code,"
            + "Commissioner Org Name,RTT Part Type,RTT Part Description,Treatment Function Code,Treatment Function Name";

    private RttFiles() { }

    /** Recognises and reads {@code file} as the RTT full extract. */
    static FileParseResult read(Path file) throws IOException, FileRejectedException {
        RttFullExtractCsv format = new RttFullExtractCsv();
        SourceContent content = SourceContent.open(new LocalSourceFile(file));
        if (!format.recognises(content)) throw new AssertionError(file + " is not recognised as the RTT full extract");
        FileParse parse = new FileParse(format.contract());
        format.read(content, parse);
        return parse.finish(format.singlePeriod());
    }

    /** A header with bands Gt 00 To 01 … and the open band Gt {@code openFrom} Weeks. */
    static String header(int openFrom) {
        StringBuilder sb = new StringBuilder(DESCRIPTIVE);
        for (int w = 0; w < openFrom; w++) sb.append(',').append(String.format("Gt %02d To %02d Weeks SUM 1", w, w + 1));
        sb.append(',').append(String.format("Gt %02d Weeks SUM 1", openFrom));
        return sb.append(",Total,Patients with unknown clock start date,Total All").toString();
    }

    /**
     * A data line; {@code cells} are the band cells then Total, unknown clock start and Total All,
     * as text (blank allowed).
     */
    static String line(String period, String provider, String commissioner, String part, String tfc, List<String> cells) {
        String description = part.startsWith("Part_2") ? "Incomplete Pathways" : "Completed Pathways";
        return period + ",QKK,\"NHS SOUTH EAST LONDON, ICB\"," + provider + ",\"PROVIDER " + provider + ", TRUST\",QKK,"
                + "NHS SOUTH EAST LONDON ICB," + commissioner + ",COMMISSIONER " + commissioner + "," + part + ","
                + description + "," + tfc + "," + (tfc.equals("C_999") ? "Total" : "Service " + tfc) + ","
                + String.join(",", cells);
    }

    /**
     * Incomplete-pathway (Part_2) cells for {@code bandCount} bands with {@code value} in band
     * {@code at}: blank Total and unknown, Total All = value.
     */
    static List<String> incomplete(int bandCount, int at, long value) {
        List<String> cells = new ArrayList<>();
        for (int b = 0; b < bandCount; b++) cells.add(b == at ? Long.toString(value) : (b % 2 == 0 ? "0" : ""));
        cells.add("");
        cells.add("");
        cells.add(Long.toString(value));
        return cells;
    }
}
