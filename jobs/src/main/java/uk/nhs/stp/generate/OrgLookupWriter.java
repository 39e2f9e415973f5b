package uk.nhs.stp.generate;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the organisation-to-footprint lookups for the generated organisations, in the shapes of the
 * published ones: the trust lookup ({@code NHS England Region,Trust,code,STP,STP_code}; UTF-8 with a
 * byte-order mark, rows by STP then trust name) and the CCG lookup
 * ({@code ccg18cd,ccg18cdh,ccg18nm,stp18cd,stp18nm,nhser18cd,nhser18nm}; rows by CCG code).
 * Both are written once per run, not per month.
 */
final class OrgLookupWriter {
    static final String TRUST_KIND = "trust_lookup";
    static final String CCG_KIND = "ccg_lookup";
    static final String TRUST_PATH = "lookups/Trust-STP-lookup.csv";
    static final String CCG_PATH = "lookups/ccg18_to_stp18_to_nhser18.csv";
    static final List<String> TRUST_HEADER = List.of("NHS England Region", "Trust", "code", "STP", "STP_code");
    static final List<String> CCG_HEADER =
            List.of("ccg18cd", "ccg18cdh", "ccg18nm", "stp18cd", "stp18nm", "nhser18cd", "nhser18nm");

    private final OrgUniverse orgs;

    OrgLookupWriter(OrgUniverse orgs) {
        this.orgs = orgs;
    }

    void write(OutputTree out) throws IOException {
        out.csv(TRUST_PATH, TRUST_KIND, true, csv -> {
            csv.header(TRUST_HEADER);
            List<Provider> trusts = orgs.providers().stream()
                    .sorted(Comparator.comparing((Provider p) -> p.footprint().name()).thenComparing(Provider::lookupName))
                    .toList();
            for (Provider p : trusts) {
                Footprint f = p.footprint();
                csv.row(f.regionName() + " Commissioning Region", p.lookupName(), p.code(), f.name(), f.code());
            }
        });
        out.csv(CCG_PATH, CCG_KIND, false, csv -> {
            csv.header(CCG_HEADER);
            List<Ccg> ccgs = orgs.ccgs().stream().sorted(Comparator.comparing(Ccg::onsCode)).toList();
            for (Ccg c : ccgs) {
                Footprint f = c.footprint();
                csv.row(c.onsCode(), c.code(), c.name(), f.code(), f.name(), f.regionCode(), f.regionName());
            }
        });
    }
}
