package uk.nhs.stp.ingest.ae;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.read.ReturnFormats;
import uk.nhs.stp.testing.RealData;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Back-test of the monthly provider CSV reader on the nine real 2025 files: every line
 * accounted, the TOTAL row kept as the only control row and reconciling, and the national
 * attendances and four-hour breaches recomputed here from the raw lines.
 */
class AeMonthlyProviderCsvRealFilesTest {
    private final AeMonthlyProviderCsv format = new AeMonthlyProviderCsv();

    /** File, data rows including TOTAL (PROVENANCE.md §1), and the month it publishes. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "April-2025-CSV-revised.csv, 199, 2025-04-01",
            "May-2025-CSV-revised.csv, 201, 2025-05-01",
            "June-2025-CSV-revised.csv, 202, 2025-06-01",
            "July-2025-CSV-revised.csv, 202, 2025-07-01",
            "August-2025-CSV-revised.csv, 202, 2025-08-01",
            "September-2025-CSV-revised.csv, 202, 2025-09-01",
            "October-2025-CSV-hg6dl.csv, 197, 2025-10-01",
            "November-2025-CSV-G9pr3.csv, 198, 2025-11-01",
            "December-2025-CSV-K7F4Sp.csv, 198, 2025-12-01"})
    void readsRealMonth(String name, long provenanceRows, LocalDate month) throws Exception {
        Path file = RealData.file("ae_monthly_provider/" + name);
        assertTrue(format.recognises(AeFiles.open(file)), name + " is recognised as the monthly provider CSV");
        assertInstanceOf(AeMonthlyProviderCsv.class, ReturnFormats.detect(AeFiles.open(file)),
                name + " is detected as the monthly provider CSV among all formats");

        FileParseResult result = AeFiles.parse(format, file);

        assertEquals(List.of(), result.problems(), name + ": no rejects");
        assertEquals(0, result.rowsRejected(), name + ": rows rejected");
        assertEquals(provenanceRows, result.rowsRead(), name + ": rows read = PROVENANCE.md row count");
        assertEquals(1, result.rowsControl(), name + ": exactly one control row");
        assertEquals(result.rowsRead(), result.rowsAccepted() + result.rowsControl(), name + ": read = accepted + control");
        assertEquals(List.of(), result.warnings(), name + ": TOTAL reconciles, no warnings");
        assertEquals(List.of(month), result.periods(), name + ": the single month published");

        Hand hand = Hand.of(file);
        long attendances = 0;
        long breaches = 0;
        for (String type : List.of("type_1", "type_2", "other")) {
            attendances += AeFiles.sum(result, "attendances_" + type + "_count")
                    + AeFiles.sum(result, "attendances_booked_" + type + "_count");
            breaches += AeFiles.sum(result, "over_4h_" + type + "_count")
                    + AeFiles.sum(result, "over_4h_booked_" + type + "_count");
        }
        assertEquals(hand.providerAttendances, attendances, name + ": national attendances, all types, booked included");
        assertEquals(hand.providerBreaches, breaches, name + ": national 4-hour breaches, all types, booked included");
        assertEquals(hand.totalAttendances, attendances, name + ": attendances equal the published TOTAL row");
        assertEquals(hand.totalBreaches, breaches, name + ": breaches equal the published TOTAL row");

        OutputRow control = result.controls().get(0);
        assertEquals("TOTAL", control.get("org_code"), name + ": control row org_code");
        assertEquals(month, control.get("month"), name + ": control row takes the file's month");
        assertEquals(hand.totalLine, control.line(), name + ": control row is the TOTAL line");
        assertTrue(AeFiles.dataRows(result).stream().noneMatch(r -> ((String) r.get("parent_org")).endsWith(" ")),
                name + ": Parent Org trailing spaces trimmed");
    }

    /**
     * Figures recomputed from the raw lines without the reader: attendance columns are those whose
     * header starts "A&E attendances", breach columns those starting "Attendances over 4hrs".
     */
    private record Hand(long providerAttendances, long providerBreaches, long totalAttendances, long totalBreaches,
                        long totalLine) {
        static Hand of(Path file) throws Exception {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String[] header = AeFiles.split(lines.get(0));
            long att = 0, br = 0, totAtt = 0, totBr = 0, totalLine = -1;
            for (int n = 1; n < lines.size(); n++) {
                if (lines.get(n).isBlank()) continue;
                String[] f = AeFiles.split(lines.get(n));
                boolean total = f[1].trim().equals("TOTAL");
                if (total) totalLine = n + 1;
                for (int i = 0; i < header.length; i++) {
                    boolean isAtt = header[i].startsWith("A&E attendances");
                    boolean isBreach = header[i].startsWith("Attendances over 4hrs");
                    if (!isAtt && !isBreach) continue;
                    long v = Long.parseLong(f[i].trim());
                    if (total && isAtt) totAtt += v;
                    else if (total) totBr += v;
                    else if (isAtt) att += v;
                    else br += v;
                }
            }
            return new Hand(att, br, totAtt, totBr, totalLine);
        }
    }
}
