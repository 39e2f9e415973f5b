package uk.nhs.stp.contract;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Header normalisation and matching, on headers as publishers have varied them (expected values written out). */
class HeadersTest {

    @Test
    void caseSpacesNoBreakSpacesAndByteOrderMarksDoNotCount() {
        Map<String, String> cases = Map.of(
                "Provider Org Code", "provider org code",
                "  Total  Attendances\u00A0", "total attendances",
                "\uFEFFPeriod", "period",
                "Org\u00A0\u00A0Code", "org code",
                "Gt 00 To 01 Weeks\tSUM 1", "gt 00 to 01 weeks sum 1",
                "A \t\r\n B", "a b",
                "\u00A0\uFEFF \t", "",
                "", "");
        cases.forEach((header, expected) -> assertEquals(expected, Headers.normalise(header), "'" + header + "'"));
        assertEquals("", Headers.normalise(null), "no header");
    }

    @Test
    void aHeaderRowIsMatchedAsOneHeaderAtATimeIs() {
        ColumnSpec code = column("org_code", List.of("Provider Org Code", "Org Code"));
        ColumnSpec name = column("org_name", List.of("Org Code Name"));
        // the same alias in two columns: the first column in order has it, whichever way it is asked
        ColumnSpec shadow = column("other_code", List.of("ORG CODE"));
        InputContract contract = new InputContract("test", "test", "test", "a test", "nobody",
                List.of(code, name, shadow), List.of());
        Map<String, ColumnSpec> byHeader = contract.columnsByHeader();
        for (String header : List.of("org_code", " provider  ORG code", "Org\u00A0Code", "org code name", "Other_Code",
                "unknown")) {
            assertSame(contract.columnForHeader(header), byHeader.get(Headers.normalise(header)), header);
        }
        assertSame(code, byHeader.get("org code"), "the first column wins a shared alias");
        assertSame(name, byHeader.get("org code name"));
        assertNull(byHeader.get("unknown"));
    }

    private static ColumnSpec column(String name, List<String> aliases) {
        return new ColumnSpec(name, ColumnType.parse("string"), true, name, null, null, List.of(), null, aliases, false);
    }
}
