package uk.nhs.stp.ingest.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.ingest.read.FileParseResult;
import uk.nhs.stp.ingest.read.OutputRow;
import uk.nhs.stp.testing.RealData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CcgSuccessorsCsvTest {
    private final CcgSuccessorsCsv format = new CcgSuccessorsCsv();

    @Test
    void readsEveryMergerOfTheRealFile() throws Exception {
        Path file = RealData.file("lookups_stp/ccg_successors.csv");
        List<List<String>> raw = LookupFiles.rawRecords(file, 1);
        assertEquals(104, raw.size(), "PROVENANCE.md: 104 rows");

        FileParseResult result = LookupFiles.read(format, file);

        assertEquals(104, result.rowsAccepted(), LookupFiles.first(result));
        Map<String, Object> successor = result.rows().stream()
                .collect(Collectors.toMap(r -> (String) r.get("org_code"), r -> r.get("successor_code")));
        for (List<String> f : raw) assertEquals(f.get(1), successor.get(f.get(0)), f.get(0));
        OutputRow first = result.rows().get(0);
        assertEquals("00C", first.get("org_code"), "first data line: 00C,16C");
        assertEquals("16C", first.get("successor_code"));
        assertEquals(LocalDate.of(2020, 4, 1), first.get("effective_from"));
    }

    @Test
    void aCcgCannotSucceedItselfNorBeListedTwice(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ccg_successors.csv");
        Files.writeString(file, "old_ccg,ccg20cdh\n00C,16C\n01A,01A\n00C,84H\n");

        FileParseResult result = LookupFiles.read(format, file);

        assertEquals(3, result.rowsRead());
        assertEquals(3, result.rowsAccepted() + result.rowsRejected(), "every line accounted for");
        assertTrue(result.problems().stream().anyMatch(p -> p.line() == 3 && p.rule().equals("self_successor")),
                LookupFiles.first(result));
        assertTrue(result.rowsRejected() >= 2, "the duplicate old code is rejected too: " + LookupFiles.first(result));
    }
}
