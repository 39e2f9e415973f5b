package uk.nhs.stp.ingest.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.ingest.read.FileParse;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.ingest.read.ReturnFormats;
import uk.nhs.stp.ingest.read.RowProblem;
import uk.nhs.stp.ingest.source.LocalSourceFile;
import uk.nhs.stp.ingest.source.SourceContent;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planned trajectory return: recognised by its header, months and metrics checked, amounts as in finance. */
class PlannedTrajectoryCsvTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path file = dir.resolve("plan.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static FileParseResult read(Path file) throws Exception {
        PlannedTrajectoryCsv format = new PlannedTrajectoryCsv();
        FileParse parse = new FileParse(format.contract());
        format.read(SourceContent.open(new LocalSourceFile(file)), parse);
        FileParseResult result = parse.finish(format.singlePeriod());
        assertEquals(result.rowsRead(), result.rowsAccepted() + result.rowsRejected() + result.rowsControl(),
                "read = accepted + rejected + control");
        return result;
    }

    @Test
    void readsPlansOfEveryAreaAndTheDoNothingLine() throws Exception {
        Path file = write("\uFEFFarea_code,metric_id,month,planned_value\r\n"
                + "E54000016,ae_4h,2018-03,91.5\r\n"
                + "RCF,rtt_52w_plus,2018-04-01,0\r\n"
                + "E54000016,finance_do_nothing_gbp_k,2020-04,\"(399,300)\"\r\n");
        assertInstanceOf(PlannedTrajectoryCsv.class, ReturnFormats.detect(SourceContent.open(new LocalSourceFile(file))));
        FileParseResult result = read(file);
        assertEquals(3, result.rowsAccepted(), "rows accepted: " + result.problems());
        List<OutputRow> rows = result.rows();
        assertEquals(LocalDate.of(2018, 3, 1), rows.get(0).get("month"));
        assertEquals(0, new BigDecimal("91.5").compareTo((BigDecimal) rows.get(0).get("planned_value")));
        assertEquals(LocalDate.of(2018, 4, 1), rows.get(1).get("month"), "YYYY-MM-01 is accepted too");
        assertEquals(0, new BigDecimal("-399300").compareTo((BigDecimal) rows.get(2).get("planned_value")),
                "a deficit in brackets with thousands separators");
    }

    @Test
    void rejectsUnknownMetricsBadMonthsAndMissingValues() throws Exception {
        FileParseResult result = read(write("area_code,metric_id,month,planned_value\n"
                + "E54000016,ae_5h,2018-03,91\n"
                + "E54000016,ae_4h,March 2018,91\n"
                + "E54000016,ae_4h,2018-13,91\n"
                + "E54000016,ae_4h,2018-03-15,91\n"
                + "E54000016,ae_4h,2018-03,\n"
                + "E54000016,ae_4h,2018-04,92\n"));
        assertEquals(1, result.rowsAccepted());
        assertEquals(5, result.rowsRejected(), "problems: " + result.problems());
        List<String> columns = result.problems().stream().map(RowProblem::column).toList();
        assertEquals(List.of("metric_id", "month", "month", "month", "planned_value"), columns);
    }

    @Test
    void monthsAreFirstDaysOnly() {
        assertEquals(LocalDate.of(2019, 1, 1), PlannedTrajectoryCsv.month("2019-01"));
        assertNull(PlannedTrajectoryCsv.month("2019-1"));
        assertNull(PlannedTrajectoryCsv.month("2019-00"));
        assertTrue(PlannedTrajectoryCsv.month("2019-12-01").getMonthValue() == 12);
    }
}
