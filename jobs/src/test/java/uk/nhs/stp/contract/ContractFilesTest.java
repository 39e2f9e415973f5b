package uk.nhs.stp.contract;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import uk.nhs.stp.ingest.read.ReturnFormat;
import uk.nhs.stp.ingest.read.ReturnFormats;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every contract in data-schemas/ parses and is complete enough to drive readers and the dictionary. */
class ContractFilesTest {

    @TestFactory
    Stream<DynamicTest> everyTableContractIsComplete() {
        return Stream.of("conformed", "reference", "marts", "runs")
                .flatMap(folder -> Contracts.list(folder).stream().map(name -> DynamicTest.dynamicTest(folder + "/" + name, () -> {
                    TableContract t = Contracts.table(folder, name);
                    assertEquals(name, t.name(), "file name and contract name agree");
                    assertNotNull(t.description(), name + " has a description");
                    assertNotNull(t.grain(), name + " states its grain");
                    for (ColumnSpec c : t.columns()) {
                        assertTrue(c.name().matches("[a-z][a-z0-9_]*"), name + "." + c.name() + " is snake_case");
                        assertTrue(c.description() != null && c.description().length() > 10,
                                name + "." + c.name() + " has a description");
                    }
                    if ("conformed".equals(folder)) {
                        assertNotNull(t.partitionColumn(), name + " is partitioned");
                        assertFalse(t.keys().isEmpty(), name + " declares its keys");
                        assertTrue(t.has("source_line") && t.has("run_id"), name + " carries lineage");
                    }
                    if ("marts".equals(folder)) {
                        assertEquals("mart", t.kind(), name + " is of kind mart");
                        assertFalse(t.keys().isEmpty(), name + " declares its keys");
                        for (ColumnSpec lineage : Contracts.LINEAGE_COLUMNS) {
                            assertFalse(t.has(lineage.name()), name + " is built, not read: no lineage column " + lineage.name());
                        }
                    }
                })));
    }

    @Test
    void theConformedFolderHoldsContracts() {
        assertFalse(Contracts.list("conformed").isEmpty());
        assertTrue(Contracts.list("runs").contains("rejects"));
        assertTrue(Contracts.list("marts").containsAll(List.of("dim_metric", "dim_month")), "the mart dimensions");
    }

    @TestFactory
    Stream<DynamicTest> everyInputContractLandsInAConformedTable() {
        return Contracts.list("inputs").stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            InputContract in = Contracts.input(name);
            assertEquals(name, in.name());
            assertNotNull(in.returnName(), name + " names its return");
            assertNotNull(Contracts.conformed(in.table()), name + " lands in " + in.table());
            assertFalse(in.columns().isEmpty(), name + " lists its published columns");
            Set<String> headers = new HashSet<>();
            for (ColumnSpec c : in.columns()) {
                assertTrue(headers.add(Headers.normalise(c.name())), name + ": header '" + c.name() + "' listed once");
                for (String a : c.aliases()) {
                    assertTrue(headers.add(Headers.normalise(a)), name + ": alias '" + a + "' is unambiguous");
                }
            }
        }));
    }

    @Test
    void everyRegisteredFormatHasAnInputContractAndEveryInputContractAReader() {
        List<String> inputs = Contracts.list("inputs");
        Set<String> registered = new HashSet<>();
        for (ReturnFormat f : ReturnFormats.all()) {
            assertTrue(inputs.contains(f.contract().name()), f.contract().name() + " has a contract file");
            assertTrue(registered.add(f.contract().name()), f.contract().name() + " registered once");
        }
        assertEquals(new HashSet<>(inputs), registered, "every input contract has a registered reader");
    }
}
