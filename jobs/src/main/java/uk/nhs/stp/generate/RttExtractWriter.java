package uk.nhs.stp.generate;

import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes the monthly referral-to-treatment full CSV extract as published: 13 descriptive columns,
 * 105 weekly bands ({@code Gt 00 To 01 Weeks SUM 1} … {@code Gt 104 Weeks SUM 1}), {@code Total},
 * {@code Patients with unknown clock start date}, {@code Total All}; one row per provider ×
 * commissioner × RTT part × treatment function, and after each provider × commissioner × part group
 * a {@code C_999} row equal to the sum of the group. Months with an even index since year 0 are
 * written zipped ({@code .csv.zip}, one entry), the others as plain CSV: both forms are published.
 *
 * <p>Blank cells follow the publication: completed pathways (Part_1A/1B) fill the bands,
 * {@code Total} and usually the unknown-clock-start count, with {@code Total All} = Total + unknown;
 * incomplete pathways (Part_2/2A) leave {@code Total} and unknown blank and put the total in
 * {@code Total All}; new periods (Part_3) fill only {@code Total All}. Waits decay over the weeks with
 * a thin tail past 52 weeks, longer since the pandemic; a group with no patients is not written.
 */
final class RttExtractWriter {
    static final String KIND = "rtt";
    static final int BANDS = 105;
    static final List<String> HEADER = header();

    /** A treatment function: code, published name, share of a trust's list, length of its waits. */
    private record Function(String code, String name, double share, double waitFactor) { }

    private static final List<Function> FUNCTIONS = List.of(
            new Function("C_100", "General Surgery Service", 0.10, 1.0),
            new Function("C_101", "Urology Service", 0.08, 1.0),
            new Function("C_110", "Trauma and Orthopaedic Service", 0.15, 1.3),
            new Function("C_120", "Ear Nose and Throat Service", 0.09, 1.2),
            new Function("C_130", "Ophthalmology Service", 0.12, 1.0),
            new Function("C_300", "General Internal Medicine Service", 0.04, 0.8),
            new Function("C_320", "Cardiology Service", 0.07, 0.9),
            new Function("C_330", "Dermatology Service", 0.08, 1.0),
            new Function("C_502", "Gynaecology Service", 0.09, 1.2),
            new Function("X02", "Other - Medical Services", 0.18, 0.9));

    /** An RTT part: type, description, size against the incomplete list, wait length, how it is written. */
    private enum Part {
        PART_1A("Part_1A", "Completed Pathways For Admitted Patients", 0.07, 0.9),
        PART_1B("Part_1B", "Completed Pathways For Non-Admitted Patients", 0.27, 0.55),
        PART_2("Part_2", "Incomplete Pathways", 1.0, 1.0),
        PART_2A("Part_2A", "Incomplete Pathways with DTA", 0.22, 1.25),
        PART_3("Part_3", "New RTT Periods - All Patients", 0.37, 0);

        final String type;
        final String description;
        final double volume;
        final double waitFactor;

        Part(String type, String description, double volume, double waitFactor) {
            this.type = type;
            this.description = description;
            this.volume = volume;
            this.waitFactor = waitFactor;
        }

        boolean completed() { return this == PART_1A || this == PART_1B; }

        boolean hasBands() { return this != PART_3; }
    }

    /** A commissioner as the extract prints it; the national hub has no parent. */
    private record Commissioner(String parentCode, String parentName, String code, String name, double share) { }

    private static final Commissioner NATIONAL_HUB =
            new Commissioner("", "", "13Q", "NATIONAL COMMISSIONING HUB 1", 0.03);

    /** One row's numbers; a null total or unknown count is written blank. */
    private static final class Counts {
        final long[] bands = new long[BANDS];
        Long total;
        Long unknown;
        long totalAll;

        void add(Counts o) {
            for (int i = 0; i < BANDS; i++) bands[i] += o.bands[i];
            if (o.total != null) total = (total == null ? 0 : total) + o.total;
            if (o.unknown != null) unknown = (unknown == null ? 0 : unknown) + o.unknown;
            totalAll += o.totalAll;
        }
    }

    private final OrgUniverse orgs;
    private final long seed;

    RttExtractWriter(OrgUniverse orgs, long seed) {
        this.orgs = orgs;
        this.seed = seed;
    }

    private static List<String> header() {
        List<String> h = new ArrayList<>(List.of("Period", "Provider Parent Org Code", "Provider Parent Name",
                "Provider Org Code", "Provider Org Name", "Commissioner Parent Org Code", "Commissioner Parent Name",
                "Commissioner Org Code", "Commissioner Org Name", "RTT Part Type", "RTT Part Description",
                "Treatment Function Code", "Treatment Function Name"));
        for (int w = 0; w < BANDS - 1; w++) {
            h.add(String.format(Locale.ROOT, "Gt %02d To %02d Weeks SUM 1", w, w + 1));
        }
        h.add("Gt 104 Weeks SUM 1");
        h.addAll(List.of("Total", "Patients with unknown clock start date", "Total All"));
        return List.copyOf(h);
    }

    /** Whether a month's extract is written zipped: every other month, April 2026 (published zipped) among them. */
    static boolean zipped(YearMonth m) {
        return (m.getYear() * 12L + m.getMonthValue()) % 2 == 0;
    }

    /** {@code rtt/20260430-RTT-April-2026-full-extract.csv} (or {@code .csv.zip}), as the publisher names it. */
    static String path(YearMonth m) {
        String name = m.atEndOfMonth().format(DateTimeFormatter.BASIC_ISO_DATE) + "-RTT-" + MonthNames.full(m)
                + "-" + m.getYear() + "-full-extract.csv";
        return "rtt/" + name + (zipped(m) ? ".zip" : "");
    }

    void write(OutputTree out, YearMonth month) throws IOException {
        OutputTree.CsvBody body = csv -> {
            csv.header(HEADER);
            for (Provider p : orgs.providers()) writeProvider(csv, p, month);
        };
        if (zipped(month)) {
            out.zippedCsv(path(month), KIND, month.plusMonths(2).atDay(10).atTime(9, 30), body);
        } else {
            out.csv(path(month), KIND, false, body);
        }
    }

    private void writeProvider(CsvWriter csv, Provider p, YearMonth month) throws IOException {
        String period = "RTT-" + MonthNames.full(month) + "-" + month.getYear();
        List<String> provider = List.of(period, p.footprint().odsCode(), upper(p.footprint().name()), p.code(), p.name());
        for (Commissioner c : commissioners(p)) {
            for (Part part : Part.values()) {
                Counts sum = new Counts();
                boolean any = false;
                for (Function f : FUNCTIONS) {
                    if (!commissions(p, c, f)) continue;
                    Counts counts = counts(p, c, f, part, month);
                    if (counts.totalAll == 0) continue;
                    csv.row(line(provider, c, part, f.code(), f.name(), counts));
                    sum.add(counts);
                    any = true;
                }
                if (any) csv.row(line(provider, c, part, "C_999", "Total", sum));
            }
        }
    }

    /** The footprint's CCGs in code order, shares by population, and for some trusts the national hub. */
    private List<Commissioner> commissioners(Provider p) {
        List<Ccg> ccgs = orgs.ccgsOf(p.footprint());
        double population = ccgs.stream().mapToLong(Ccg::population).sum();
        List<Commissioner> list = new ArrayList<>();
        if (Rng.of(seed, "rtt-trait", null, p.code() + "/hub").chance(0.35)) list.add(NATIONAL_HUB);
        for (Ccg c : ccgs) {
            String parent = upper(c.footprint().name());
            list.add(new Commissioner(c.footprint().odsCode(), parent, c.code(), upper(c.name()),
                    c.population() / population));
        }
        list.sort(Comparator.comparing(Commissioner::code));
        return list;
    }

    /**
     * Whether the trust holds a waiting list for this commissioner in this treatment function: an acute
     * trust nearly always does for the footprint's large CCGs, less often for small ones and the hub.
     */
    private boolean commissions(Provider p, Commissioner c, Function f) {
        double p0 = c == NATIONAL_HUB ? 0.25 : p.kind() == ProviderKind.ACUTE ? Math.min(0.9, 0.3 + c.share()) : 0.3;
        return Rng.of(seed, "rtt-trait", null, p.code() + "/" + c.code() + "/" + f.code()).chance(p0);
    }

    private Counts counts(Provider p, Commissioner c, Function f, Part part, YearMonth m) {
        Rng trait = Rng.of(seed, "rtt-trait", null, p.code() + "/" + f.code());
        double era = Season.waitingEra(m);
        double kindSize = p.kind() == ProviderKind.ACUTE ? 1 : 0.08;
        double list = p.incomeGbpK() / 12.0 * kindSize * trait.jitter(1, 0.2) * c.share() * f.share()
                * Math.sqrt(era);
        double tau = trait.between(5, 9) * f.waitFactor() * era
                * (1 + 0.1 * Season.winterPressure(m)) * part.waitFactor;

        Rng r = Rng.of(seed, KIND, m, p.code() + "/" + c.code() + "/" + f.code() + "/" + part.type);
        double mean = list * part.volume * (part == Part.PART_2 || part == Part.PART_2A ? 1 : Season.electiveActivity(m));
        Counts counts = new Counts();
        if (!part.hasBands()) {
            counts.totalAll = r.count(mean);
            return counts;
        }
        double[] shape = waitShape(tau, 0.0008 * era * era * era);
        long sum = 0;
        for (int w = 0; w < BANDS; w++) {
            counts.bands[w] = r.count(mean * shape[w]);
            sum += counts.bands[w];
        }
        if (part.completed()) {
            counts.total = sum;
            if (!r.chance(0.04)) counts.unknown = r.chance(0.1) ? r.count(1 + mean * 0.01) : 0L;
            counts.totalAll = sum + (counts.unknown == null ? 0 : counts.unknown);
        } else {
            counts.totalAll = sum;
        }
        return counts;
    }

    /**
     * Share of patients in each weekly band: exponential decay with mean wait {@code tau} weeks plus a
     * thin tail of relative weight {@code tail} out past 104 weeks (the last band holds everyone beyond
     * it, so it weighs more).
     */
    private static double[] waitShape(double tau, double tail) {
        double[] shape = new double[BANDS];
        double decay = Math.exp(-1 / tau);
        double tailDecay = Math.exp(-1 / 60.0);
        double main = 1;
        double sum = 0;
        for (int w = 0; w < BANDS; w++) {
            shape[w] = main + tail;
            main *= decay;
            tail *= tailDecay;
        }
        shape[BANDS - 1] *= 3;
        for (double s : shape) sum += s;
        for (int w = 0; w < BANDS; w++) shape[w] /= sum;
        return shape;
    }

    private static List<String> line(List<String> provider, Commissioner c, Part part, String tfCode, String tfName,
                                     Counts counts) {
        List<String> row = new ArrayList<>(HEADER.size());
        row.addAll(provider);
        row.addAll(List.of(c.parentCode(), c.parentName(), c.code(), c.name(), part.type, part.description, tfCode, tfName));
        for (long b : counts.bands) row.add(part.hasBands() ? Long.toString(b) : "");
        row.add(counts.total == null ? "" : counts.total.toString());
        row.add(counts.unknown == null ? "" : counts.unknown.toString());
        row.add(Long.toString(counts.totalAll));
        return row;
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
