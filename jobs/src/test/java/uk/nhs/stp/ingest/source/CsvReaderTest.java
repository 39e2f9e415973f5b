package uk.nhs.stp.ingest.source;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The CSV reader on hand-written input: fields, quotes, line endings and line numbers, each
 * expected value written out below. Every case is read with buffers of 1 to 9 characters as well
 * as the default, so records, fields and quotes that straddle a refill are read the same.
 */
class CsvReaderTest {

    /** A record as the test states it: line, fields joined by '|', terminated, open quote. */
    private static String describe(CsvRecord r) {
        return r.line() + ":" + String.join("|", r.fields()) + (r.terminated() ? "" : " (unterminated)")
                + (r.openQuote() ? " (open quote)" : "");
    }

    private static List<String> read(String text, int bufferChars) throws IOException, FileRejectedException {
        List<String> out = new ArrayList<>();
        try (CsvReader reader = bufferChars == 0 ? new CsvReader(new StringReader(text))
                : new CsvReader(new StringReader(text), bufferChars)) {
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) out.add(describe(r));
        }
        return out;
    }

    private static void assertReads(String text, String... expected) throws Exception {
        // size 0 stands for the default buffer
        for (int size = 0; size <= 9; size++) {
            assertEquals(List.of(expected), read(text, size), "buffer " + (size == 0 ? "default" : size + " chars"));
        }
    }

    @Test
    void plainFieldsAndEveryLineEnding() throws Exception {
        assertReads("Period,Provider Org Code,Total\nRTT-April-2026,RJ1,12\r\nRTT-April-2026,RGT,\rlast,,7\n",
                "1:Period|Provider Org Code|Total",
                "2:RTT-April-2026|RJ1|12",
                "3:RTT-April-2026|RGT|",
                "4:last||7");
    }

    @Test
    void aLastRecordWithoutLineEndingIsReadAndMarked() throws Exception {
        assertReads("a,b\nc,d", "1:a|b", "2:c|d (unterminated)");
    }

    @Test
    void quotedFieldsKeepCommasEscapedQuotesAndLineBreaks() throws Exception {
        // the record on lines 2-3 holds a line break inside quotes; the next record starts on line 4
        assertReads("\"Guy's and St Thomas', London\",\"say \"\"hi\"\"\",x\n\"two\nlines\",y\nz,\"\"\n",
                "1:Guy's and St Thomas', London|say \"hi\"|x",
                "2:two\nlines|y",
                "4:z|");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsKeptAsWritten() throws Exception {
        assertReads("ab\"c,5\" wide,\"q\"tail\n", "1:ab\"c|5\" wide|qtail");
    }

    @Test
    void aCarriageReturnLineFeedInsideQuotesIsKeptAndCountedAsOneLine() throws Exception {
        assertReads("\"a\r\nb\",c\r\nd\r\n", "1:a\r\nb|c", "3:d");
    }

    @Test
    void endOfFileInsideQuotesIsReported() throws Exception {
        assertReads("a,\"open\nb", "1:a|open\nb (unterminated) (open quote)");
    }

    @Test
    void blankLinesAreRecordsOfOneEmptyField() throws Exception {
        assertReads("a\n\n,\n", "1:a", "2:", "3:|");
    }
}
