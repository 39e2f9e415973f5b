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
    void aHeaderFindsItsColumnByNameOrAliasAndASharedAliasBelongsToTheFirstColumn() {
        ColumnSpec code = column("org_code", List.of("Provider Org Code", "Org Code"));
        ColumnSpec name = column("org_name", List.of("Org Code Name"));
        ColumnSpec other = column("other_code", List.of("ORG CODE"));
        InputContract contract = new InputContract("test", "test", "test", "a test", "nobody",
                List.of(code, name, other), List.of());
        assertSame(code, contract.columnForHeader(" provider  ORG code"), "an alias, spaced and cased as published");
        assertSame(code, contract.columnForHeader("Org\u00A0Code"), "an alias both org_code and other_code have: the first");
        assertSame(name, contract.columnForHeader("org code name"));
        assertSame(other, contract.columnForHeader("Other_Code"), "the column's own name");
        assertNull(contract.columnForHeader("unknown"));
        Map<String, ColumnSpec> byHeader = contract.columnsByHeader();
        assertEquals(Map.of("org_code", code, "provider org code", code, "org code", code, "org_name", name,
                "org code name", name, "other_code", other), byHeader, "every name and alias, normalised");
    }

    private static ColumnSpec column(String name, List<String> aliases) {
        return new ColumnSpec(name, ColumnType.parse("string"), true, name, null, null, List.of(), null, aliases, false);
    }
}
