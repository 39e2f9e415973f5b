package uk.nhs.stp.generate;

import java.io.IOException;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the monthly A&E attendances and emergency admissions provider CSV in its 2020s published
 * form: 22 columns, one row per trust, then a {@code TOTAL} row equal to the column sums.
 *
 * <p>Attendances peak in summer; the 4-hour performance of type 1 departments falls in winter
 * (November to March, worst in January). Over-4-hour counts never exceed their attendances, and the
 * decision-to-admit waits never exceed the admissions.
 *
 * <p>At the national scale the file also has the independent urgent care sites (other A&E
 * department type only), attendances grow and performance falls year on year ({@link Trend}), and
 * the {@link NationalQuirks} apply: a missing submission, and each July a revised April file.
 */
final class AeReturnWriter {
    static final String KIND = "ae";
    static final List<String> HEADER = List.of("Period", "Org Code", "Parent Org", "Org name",
            "A&E attendances Type 1", "A&E attendances Type 2", "A&E attendances Other A&E Department",
            "A&E attendances Booked Appointments Type 1", "A&E attendances Booked Appointments Type 2",
            "A&E attendances Booked Appointments Other Department", "Attendances over 4hrs Type 1",
            "Attendances over 4hrs Type 2", "Attendances over 4hrs Other Department",
            "Attendances over 4hrs Booked Appointments Type 1", "Attendances over 4hrs Booked Appointments Type 2",
            "Attendances over 4hrs Booked Appointments Other Department",
            "Patients who have waited 4-12 hs from DTA to admission",
            "Patients who have waited 12+ hrs from DTA to admission", "Emergency admissions via A&E - Type 1",
            "Emergency admissions via A&E - Type 2", "Emergency admissions via A&E - Other A&E department",
            "Other emergency admissions");
    static final int FIGURES = HEADER.size() - 4;
    /** The month whose published figures size the urgent care sites. */
    private static final YearMonth APRIL_2025 = YearMonth.of(2025, 4);

    /** Random stream of the figures as first published. */
    private static final String FIRST_PUBLISHED = KIND;
    /** Random stream of the figures a revision restates. */
    private static final String RESTATED = "ae-revised";

    private final OrgUniverse orgs;
    private final long seed;
    private final Trend trend;
    private final NationalQuirks quirks;

    AeReturnWriter(OrgUniverse orgs, long seed) {
        this.orgs = orgs;
        this.seed = seed;
        this.trend = Trend.of(orgs.scale());
        this.quirks = orgs.scale().publishedVolumes() ? new NationalQuirks(orgs, seed) : null;
    }

    /** {@code ae/April-2025-CSV.csv}, after the publisher's own file names. */
    static String path(YearMonth m) {
        return "ae/" + MonthNames.full(m) + "-" + m.getYear() + "-CSV.csv";
    }

    /** Writes the month's file and, at the national scale, the revision of an earlier month due with it. */
    void write(OutputTree out, YearMonth month) throws IOException {
        writeFile(out, path(month), month, Set.of());
        if (quirks == null) return;
        Optional<YearMonth> revised = NationalQuirks.aeRevisionIssuedWith(month);
        if (revised.isPresent()) {
            writeFile(out, NationalQuirks.aeRevisedPath(revised.get()), revised.get(),
                    quirks.aeRestatedTrusts(revised.get()));
        }
    }

    /** One file of {@code month}'s figures, those of the {@code restated} trusts drawn afresh. */
    private void writeFile(OutputTree out, String path, YearMonth month, Set<String> restated) throws IOException {
        out.csv(path, KIND, false, csv -> {
            csv.header(HEADER);
            String period = "MSitAE-" + MonthNames.upper(month) + "-" + month.getYear();
            long[] total = new long[FIGURES];
            for (Provider p : orgs.providers()) {
                if (!p.kind().reportsAe() || quirks != null && !quirks.submittedAe(p, month)) continue;
                String stream = restated.contains(p.code()) ? RESTATED : FIRST_PUBLISHED;
                row(csv, period, p.code(), parentOrg(p.footprint().regionName()), p.name(),
                        figures(p, month, stream), total);
            }
            for (UrgentCareSite site : orgs.sites()) {
                row(csv, period, site.code(), parentOrg(site.regionName()), site.name(), figures(site, month), total);
            }
            // the December 2025 file printed its total label with a trailing space; keep that quirk
            String label = month.getMonth() == Month.DECEMBER ? "TOTAL " : "TOTAL";
            List<String> row = new ArrayList<>(List.of(label, label, label, label));
            for (long t : total) row.add(Long.toString(t));
            csv.row(row);
        });
    }

    /** Writes one organisation's row and adds its figures to {@code total}. */
    private static void row(CsvWriter csv, String period, String code, String parentOrg, String name, long[] figures,
                            long[] total) throws IOException {
        List<String> row = new ArrayList<>(HEADER.size());
        row.add(period);
        row.add(code);
        row.add(parentOrg);
        row.add(name);
        for (int i = 0; i < FIGURES; i++) {
            row.add(Long.toString(figures[i]));
            total[i] += figures[i];
        }
        csv.row(row);
    }

    /** The region as the file names it: every region but London carries a trailing space. */
    static String parentOrg(String regionName) {
        String name = "NHS ENGLAND " + regionName.toUpperCase(Locale.ROOT);
        return regionName.equals("London") ? name : name + " ";
    }

    /** The 18 figures of one trust's row, in header order, drawn from the random stream {@code stream}. */
    private long[] figures(Provider p, YearMonth m, String stream) {
        Rng trait = Rng.of(seed, "ae-trait", null, p.code());
        Rng r = Rng.of(seed, stream, m, p.code());
        double demand = Season.summerDemand(m) * Season.days(m) * trend.aeDemand(m);
        double winter = Season.winterPressure(m);
        long[] f = new long[FIGURES];
        switch (p.kind()) {
            case ACUTE -> acute(f, p, trait, r, demand, winter, trend.aePerformanceShift(m));
            case COMMUNITY -> {
                f[2] = r.count(trait.jitter(1500 + p.incomeGbpK() / 60.0, 0.15) * demand);
                f[8] = r.part(f[2], trait.between(0.002, 0.02));
            }
            case MENTAL_HEALTH -> f[17] = r.count(trait.between(30, 150) * Season.days(m));
            case SPECIALIST, AMBULANCE -> throw new IllegalArgumentException(p.kind() + " trusts have no A&E return");
        }
        return f;
    }

    /**
     * The figures of an urgent care site: other-department attendances at its April 2025 level, with
     * the same seasons and trend as the trusts, and a few over four hours, more in winter.
     */
    private long[] figures(UrgentCareSite site, YearMonth m) {
        Rng r = Rng.of(seed, KIND, m, site.code());
        double level = site.otherAttendancesApril2025() / (Season.summerDemand(APRIL_2025) * Season.days(APRIL_2025)
                * trend.aeDemand(APRIL_2025));
        long[] f = new long[FIGURES];
        f[2] = r.count(level * Season.summerDemand(m) * Season.days(m) * trend.aeDemand(m));
        f[8] = r.part(f[2], 0.005 + 0.015 * Season.winterPressure(m));
        return f;
    }

    private static void acute(long[] f, Provider p, Rng trait, Rng r, double demand, double winter,
                              double performanceShift) {
        double base = trait.jitter(3000 + p.incomeGbpK() / 110.0, 0.12);
        boolean eyeUnit = trait.chance(0.12);
        double minorShare = trait.chance(0.55) ? trait.between(0.2, 0.7) : 0;
        double bookedShare = trait.chance(0.3) ? trait.between(0.005, 0.04) : 0;
        double bookedMinorShare = trait.chance(0.4) ? trait.between(0.01, 0.08) : 0;
        double performance = trait.between(0.66, 0.9);
        double admitRate = trait.between(0.24, 0.33);
        double longTrolleyWait = trait.between(0.02, 0.12);

        f[0] = r.count(base * demand);
        f[1] = eyeUnit ? r.count(base * 0.05 * demand) : 0;
        f[2] = r.count(base * minorShare * demand);
        f[3] = r.part(f[0], bookedShare);
        f[5] = r.part(f[2], bookedMinorShare);
        double type1Within = Math.min(0.99, Math.max(0.4, performance - 0.1 * winter + r.normal(0.02) + performanceShift));
        f[6] = r.part(f[0], 1 - type1Within);
        f[7] = r.part(f[1], 0.02);
        f[8] = r.part(f[2], 0.015 + 0.02 * winter);
        f[9] = r.part(f[3], 0.05);
        f[11] = r.part(f[5], 0.01);
        f[14] = r.part(f[0], admitRate * (1 + 0.06 * winter));
        f[15] = r.part(f[1], 0.01);
        f[16] = r.part(f[2], 0.002);
        f[13] = r.part(f[14], longTrolleyWait * (0.4 + winter));
        f[12] = r.part(f[14] - f[13], 0.18 + 0.15 * winter);
        f[17] = r.count(f[0] * trait.between(0.06, 0.12));
    }
}
