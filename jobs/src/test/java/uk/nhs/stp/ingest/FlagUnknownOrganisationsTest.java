package uk.nhs.stp.ingest;

import org.junit.jupiter.api.Test;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.contract.TableContract;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The unknown-organisation flag on rows of the real RTT contract, whose organisation columns are
 * the provider's and the commissioner's codes; expected flags written out.
 */
class FlagUnknownOrganisationsTest {
    private static final TableContract RTT = Contracts.conformed("rtt_pathways");
    private static final Set<String> KNOWN = Set.of("RJ1", "00L");

    /** An RTT row's values with the two codes and the flags a parse gave it. */
    private static Object[] row(String provider, String commissioner, List<String> flags) {
        Object[] values = new Object[RTT.columns().size()];
        values[RTT.position("provider_org_code")] = provider;
        values[RTT.position("commissioner_org_code")] = commissioner;
        values[RTT.position("data_flags")] = flags;
        return values;
    }

    private static Object flags(Object[] values) {
        return values[RTT.position("data_flags")];
    }

    @Test
    void everyUnknownCodeIsFlaggedAfterTheFlagsTheRowHad() {
        Object[] values = row("RXX", "99Z", List.of("suppressed:total_count"));
        assertTrue(new FlagUnknownOrganisations(RTT, KNOWN).flag(values), "a row with unknown codes");
        assertEquals(List.of("suppressed:total_count", "unknown_org:provider_org_code:RXX",
                "unknown_org:commissioner_org_code:99Z"), flags(values), "both codes, in the contract's column order");
    }

    @Test
    void aRowOfKnownOrMissingCodesIsLeftAsItWas() {
        List<String> before = List.of();
        Object[] known = row("RJ1", "00L", before);
        Object[] missing = row("RJ1", null, before);
        FlagUnknownOrganisations flag = new FlagUnknownOrganisations(RTT, KNOWN);
        assertFalse(flag.flag(known), "known codes");
        assertFalse(flag.flag(missing), "a missing commissioner is not an unknown one");
        assertSame(before, flags(known), "the flags untouched");
        assertSame(before, flags(missing), "the flags untouched");
    }

    @Test
    void onlyTheUnknownOneOfTwoCodesIsFlagged() {
        Object[] values = row("RJ1", "15N", List.of());
        assertTrue(new FlagUnknownOrganisations(RTT, KNOWN).flag(values));
        assertEquals(List.of("unknown_org:commissioner_org_code:15N"), flags(values));
    }

    @Test
    void withNoLookupLoadedNothingIsFlagged() {
        Object[] values = row("RXX", "99Z", List.of());
        assertFalse(new FlagUnknownOrganisations(RTT, Set.of()).flag(values), "no lookup: no code can be called unknown");
        assertEquals(List.of(), flags(values));
    }
}
