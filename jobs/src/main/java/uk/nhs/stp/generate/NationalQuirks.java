package uk.nhs.stp.generate;

import java.time.Month;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The publication quirks the national scale reproduces, so that a long run of generated months
 * exercises what the real ones do. Each is a rule of the calendar and the seed, so a month's files
 * never depend on which other months are generated.
 *
 * <ul>
 *   <li><b>Revised file.</b> Every July the A&E file of the April before is re-issued as
 *       {@code ae/April-YYYY-CSV-revised.csv} (the publisher's own naming), with the figures of
 *       {@value #REVISED_TRUSTS} acute trusts restated and every other row as first published. It is
 *       written with July's files, after the original, so it is the more recently modified of the two.</li>
 *   <li><b>Missing submission.</b> In every financial year one acute trust, chosen by the seed, does not
 *       submit its A&E return for one month, also chosen by the seed: its row is absent from that
 *       month's file (and from a revision of it), and the file's {@code TOTAL} row sums the trusts that
 *       did submit.</li>
 * </ul>
 */
final class NationalQuirks {
    /** Month whose A&E file is re-issued. */
    static final Month REVISED_MONTH = Month.APRIL;
    /** How many months later the revision is published. */
    static final int REVISED_AFTER_MONTHS = 3;
    /** Trusts whose figures a revision restates. */
    static final int REVISED_TRUSTS = 3;

    /** One provider's A&E return that was not submitted. */
    record MissingSubmission(String providerCode, YearMonth month) { }

    private final OrgUniverse orgs;
    private final long seed;

    NationalQuirks(OrgUniverse orgs, long seed) {
        this.orgs = orgs;
        this.seed = seed;
    }

    /** The earlier month whose A&E file is re-issued with {@code issue}'s files, if any. */
    static Optional<YearMonth> aeRevisionIssuedWith(YearMonth issue) {
        YearMonth revised = issue.minusMonths(REVISED_AFTER_MONTHS);
        return revised.getMonth() == REVISED_MONTH ? Optional.of(revised) : Optional.empty();
    }

    /** {@code ae/April-2025-CSV-revised.csv}. */
    static String aeRevisedPath(YearMonth revised) {
        return "ae/" + MonthNames.full(revised) + "-" + revised.getYear() + "-CSV-revised.csv";
    }

    /** Codes of the acute trusts whose figures the revision of {@code revised}'s A&E file restates. */
    Set<String> aeRestatedTrusts(YearMonth revised) {
        List<Provider> acute = acuteTrusts();
        Rng r = Rng.of(seed, "quirk-revised", revised, "ae");
        Set<String> codes = new TreeSet<>();
        while (codes.size() < Math.min(REVISED_TRUSTS, acute.size())) {
            codes.add(acute.get((int) (r.between(0, 1) * acute.size())).code());
        }
        return codes;
    }

    /** The A&E submission missing in the financial year starting in April of {@code financialYearStart}. */
    MissingSubmission missingAeSubmission(int financialYearStart) {
        List<Provider> acute = acuteTrusts();
        YearMonth april = YearMonth.of(financialYearStart, Month.APRIL);
        Rng r = Rng.of(seed, "quirk-missing", april, "ae");
        Provider trust = acute.get((int) (r.between(0, 1) * acute.size()));
        return new MissingSubmission(trust.code(), april.plusMonths((long) (r.between(0, 1) * 12)));
    }

    /** Whether {@code provider}'s A&E return for {@code month} was submitted. */
    boolean submittedAe(Provider provider, YearMonth month) {
        MissingSubmission missing = missingAeSubmission(MonthNames.financialYearStart(month));
        return !(missing.month().equals(month) && missing.providerCode().equals(provider.code()));
    }

    private List<Provider> acuteTrusts() {
        return orgs.providers().stream().filter(p -> p.kind() == ProviderKind.ACUTE)
                .sorted(Comparator.comparing(Provider::code)).toList();
    }
}
