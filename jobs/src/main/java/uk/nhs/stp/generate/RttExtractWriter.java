package uk.nhs.stp.generate;

import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
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
 *
 * <p>At the sample scale each trust has ten treatment functions and only its own footprint's CCGs
 * (and sometimes the national hub). At the national scale it has every treatment function of the
 * published extract, sized by its share of the April 2026 waiting list and waiting about as long,
 * and also patients from the other CCGs of its region (a specialist trust draws most of its patients
 * from there), so that a month has about as many rows as the published extract (~180,000).
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

    /**
     * Every treatment function of the published extract (April 2026): its share of the incomplete
     * pathways (Part_2) and its wait length relative to the average, from the share of its list within
     * 18 weeks (ln(0.35) / ln(1 − share within 18 weeks), 0.35 being the average share beyond 18 weeks).
     */
    private static final List<Function> ALL_FUNCTIONS = List.of(
            new Function("C_100", "General Surgery Service", 0.0537, 1.06),
            new Function("C_101", "Urology Service", 0.0531, 1.00),
            new Function("C_110", "Trauma and Orthopaedic Service", 0.1162, 1.18),
            new Function("C_120", "Ear Nose and Throat Service", 0.0827, 1.20),
            new Function("C_130", "Ophthalmology Service", 0.0860, 0.80),
            new Function("C_140", "Oral Surgery Service", 0.0451, 1.32),
            new Function("C_150", "Neurosurgical Service", 0.0080, 1.08),
            new Function("C_160", "Plastic Surgery Service", 0.0144, 1.26),
            new Function("C_170", "Cardiothoracic Surgery Service", 0.0013, 0.82),
            new Function("C_300", "General Internal Medicine Service", 0.0053, 0.85),
            new Function("C_301", "Gastroenterology Service", 0.0522, 0.90),
            new Function("C_320", "Cardiology Service", 0.0532, 0.91),
            new Function("C_330", "Dermatology Service", 0.0534, 0.98),
            new Function("C_340", "Respiratory Medicine Service", 0.0264, 0.76),
            new Function("C_400", "Neurology Service", 0.0294, 1.14),
            new Function("C_410", "Rheumatology Service", 0.0162, 0.88),
            new Function("C_430", "Elderly Medicine Service", 0.0037, 0.60),
            new Function("C_502", "Gynaecology Service", 0.0793, 1.14),
            new Function("X02", "Other - Medical Services", 0.0871, 0.86),
            new Function("X03", "Other - Mental Health Services", 0.0004, 0.67),
            new Function("X04", "Other - Paediatric Services", 0.0450, 0.93),
            new Function("X05", "Other - Surgical Services", 0.0654, 0.99),
            new Function("X06", "Other - Other Services", 0.0223, 0.73));

    /** National scale: share of an acute trust's patients who live in its own footprint (the rest in its region). */
    private static final double LOCAL_SHARE_ACUTE = 0.9;
    /** National scale: the same for a specialist trust, which serves its whole region. */
    private static final double LOCAL_SHARE_SPECIALIST = 0.35;
    /** National scale: chance that an acute trust holds a list for an out-of-area CCG in a treatment function. */
    private static final double OUT_OF_AREA_LIST_CHANCE = 0.35;
    /** National scale: treatment functions a specialist trust offers. */
    private static final int SPECIALIST_FUNCTIONS = 4;

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

    /**
     * A commissioner as the extract prints it (the national hub has no parent), its share of the
     * trust's patients, and whether it is outside the trust's footprint.
     */
    private record Commissioner(String parentCode, String parentName, String code, String name, double share,
                                boolean outOfArea) { }

    private static final Commissioner NATIONAL_HUB =
            new Commissioner("", "", "13Q", "NATIONAL COMMISSIONING HUB 1", 0.03, true);

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
    private final boolean national;
    private final List<Function> functions;

    RttExtractWriter(OrgUniverse orgs, long seed) {
        this.orgs = orgs;
        this.seed = seed;
        this.national = orgs.scale().publishedVolumes();
        this.functions = national ? ALL_FUNCTIONS : FUNCTIONS;
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
            for (Provider p : orgs.providers()) {
                if (p.kind().reportsRtt()) writeProvider(csv, p, month);
            }
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
                for (Function f : functions) {
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

    /**
     * The footprint's CCGs, shares by population, and for some trusts the national hub; at the national
     * scale also the other CCGs of the region. In code order.
     */
    private List<Commissioner> commissioners(Provider p) {
        List<Ccg> ccgs = orgs.ccgsOf(p.footprint());
        double population = ccgs.stream().mapToLong(Ccg::population).sum();
        List<Commissioner> list = new ArrayList<>();
        if (Rng.of(seed, "rtt-trait", null, p.code() + "/hub").chance(0.35)) list.add(NATIONAL_HUB);
        double local = !national ? 1 : p.kind() == ProviderKind.SPECIALIST ? LOCAL_SHARE_SPECIALIST : LOCAL_SHARE_ACUTE;
        for (Ccg c : ccgs) list.add(commissioner(c, local * c.population() / population, false));
        if (national) {
            List<Ccg> region = orgs.ccgs().stream()
                    .filter(c -> c.footprint().regionCode().equals(p.footprint().regionCode()))
                    .filter(c -> !c.footprint().equals(p.footprint()))
                    .toList();
            double regionPopulation = region.stream().mapToLong(Ccg::population).sum();
            for (Ccg c : region) list.add(commissioner(c, (1 - local) * c.population() / regionPopulation, true));
        }
        list.sort(Comparator.comparing(Commissioner::code));
        return list;
    }

    private static Commissioner commissioner(Ccg c, double share, boolean outOfArea) {
        return new Commissioner(c.footprint().odsCode(), upper(c.footprint().name()), c.code(), upper(c.name()), share,
                outOfArea);
    }

    /**
     * Whether the trust holds a waiting list for this commissioner in this treatment function: an acute
     * trust nearly always does for the footprint's large CCGs, less often for small ones and the hub.
     * At the national scale a trust holds out-of-area lists less often, and a specialist trust only in
     * the few functions it offers.
     */
    private boolean commissions(Provider p, Commissioner c, Function f) {
        Rng trait = Rng.of(seed, "rtt-trait", null, p.code() + "/" + c.code() + "/" + f.code());
        if (!national) {
            double p0 = c == NATIONAL_HUB ? 0.25 : p.kind() == ProviderKind.ACUTE ? Math.min(0.9, 0.3 + c.share()) : 0.3;
            return trait.chance(p0);
        }
        if (p.kind() == ProviderKind.SPECIALIST && !offers(p, f)) return false;
        double p0 = c == NATIONAL_HUB ? 0.25
                : p.kind() == ProviderKind.ACUTE || p.kind() == ProviderKind.SPECIALIST
                ? (c.outOfArea() ? OUT_OF_AREA_LIST_CHANCE : Math.min(0.95, 0.5 + c.share()))
                : (c.outOfArea() ? 0.05 : 0.3);
        return trait.chance(p0);
    }

    /** Whether a specialist trust offers a treatment function: a few, chosen once per trust. */
    private boolean offers(Provider p, Function f) {
        Rng trait = Rng.of(seed, "rtt-trait", null, p.code() + "/services");
        List<Function> offered = new ArrayList<>(ALL_FUNCTIONS);
        for (int i = offered.size() - 1; i > 0; i--) {
            Collections.swap(offered, i, (int) (trait.between(0, 1) * (i + 1)));
        }
        return offered.subList(0, SPECIALIST_FUNCTIONS).contains(f);
    }

    private Counts counts(Provider p, Commissioner c, Function f, Part part, YearMonth m) {
        Rng trait = Rng.of(seed, "rtt-trait", null, p.code() + "/" + f.code());
        double era = Season.waitingEra(m);
        double kindSize = p.kind() == ProviderKind.ACUTE ? 1 : p.kind() == ProviderKind.SPECIALIST ? 0.5 : 0.08;
        // a specialist trust's list is spread over the few functions it offers, whatever their national share
        double functionShare = p.kind() == ProviderKind.SPECIALIST ? 1.0 / SPECIALIST_FUNCTIONS : f.share();
        double list = p.incomeGbpK() / 12.0 * kindSize * trait.jitter(1, 0.2) * c.share() * functionShare
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
