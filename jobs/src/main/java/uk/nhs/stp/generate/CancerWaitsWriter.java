package uk.nhs.stp.generate;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes the cancer waiting times provider extract in the long layout
 * {@code period,sheet,part,ods_code,accountable_provider,breakdown_1,breakdown_2,total,within_standard,after_standard}
 * ({@code period} like {@code Sep-25}): the headline sheets of the provider workbook flattened, one row
 * per acute trust × standard (× part, × suspected cancer type), each block closed by an
 * {@code ALL ENGLISH PROVIDERS} row (blank ODS code) equal to the block's sum.
 *
 * <p>Every month uses the standards in force from October 2023 (28-day Faster Diagnosis, 31-day and
 * 62-day combined, urgent suspected cancer referral to first outpatient appointment); earlier months
 * are written in the same layout rather than with the old 2-week-wait and split 31/62-day sheets.
 * Part A of the 31-day and 62-day sheets is the sum of the parts below it. A treatment shared between
 * two trusts counts half to each, so some counts end in {@code .5}; after = total − within.
 */
final class CancerWaitsWriter {
    static final String KIND = "cancer";
    static final List<String> HEADER = List.of("period", "sheet", "part", "ods_code", "accountable_provider",
            "breakdown_1", "breakdown_2", "total", "within_standard", "after_standard");
    static final String ENGLAND = "ALL ENGLISH PROVIDERS";

    /**
     * One block: its labels, its monthly volume per £000 of trust income, the range of the share
     * within standard, and how often a trust has no patients in it.
     */
    private record Block(String sheet, String part, String breakdown1, String breakdown2,
                         double perIncome, double withinLo, double withinHi, double absent, boolean halves) { }

    private static final String FDS = "28-DAY FDS (ALL ROUTES)";
    private static final String D31 = "31-DAY (ALL CANCER)";
    private static final String D62 = "62-DAY (ALL CANCER)";
    private static final String USC = "USC referral to FOA";

    private static final Block FDS_ALL = new Block(FDS, "", "ALL ROUTES", "", 1 / 190.0, 0.68, 0.84, 0, false);
    private static final Block D31_ALL = new Block(D31, "PART A: ALL STAGES", "ALL STAGES", "ALL CANCERS", 0, 0, 0, 0, false);
    private static final List<Block> D31_PARTS = List.of(
            new Block(D31, "PART B: FIRST TREATMENTS", "First Treatment", "ALL CANCERS", 1 / 1700.0, 0.86, 0.97, 0, true),
            new Block(D31, "PART C: SUBSEQUENT TREATMENTS", "Subsequent Treatment", "ALL CANCERS", 1 / 2000.0, 0.84, 0.96, 0.03, true));
    private static final Block D62_ALL = new Block(D62, "PART A: ALL ROUTES", "ALL ROUTES", "ALL CANCERS", 0, 0, 0, 0, false);
    private static final List<Block> D62_PARTS = List.of(
            new Block(D62, "PART B: URGENT SUSPECTED CANCER", "Urgent Suspected Cancer", "ALL CANCERS", 1 / 3200.0, 0.55, 0.8, 0, true),
            new Block(D62, "PART C: BREAST SYMPTOMATIC", "Breast Symptomatic", "ALL CANCERS", 1 / 200000.0, 0.55, 0.85, 0.55, true),
            new Block(D62, "PART D: URGENT SCREENING", "Screening", "ALL CANCERS", 1 / 23000.0, 0.5, 0.8, 0.08, true),
            new Block(D62, "PART E: CONSULTANT UPGRADE", "Consultant Upgrade", "ALL CANCERS", 1 / 5300.0, 0.7, 0.86, 0.02, true));
    /** Suspected cancer types in the order the extract lists them (alphabetical). */
    private static final List<Block> USC_TYPES = List.of(
            usc("Suspected acute leukaemia", 1 / 2000000.0, 0.9),
            usc("Suspected brain/central nervous system tumours", 1 / 60000.0, 0.6),
            usc("Suspected breast cancer", 1 / 1300.0, 0.05),
            usc("Suspected cancer - non-specific symptoms", 1 / 13000.0, 0.35),
            usc("Suspected children's cancer", 1 / 50000.0, 0.2),
            usc("Suspected gynaecological cancer", 1 / 2300.0, 0.05),
            usc("Suspected haematological malignancies (excluding acute leukaemia)", 1 / 30000.0, 0.15),
            usc("Suspected head & neck cancer", 1 / 2200.0, 0.05),
            usc("Suspected lower gastrointestinal cancer", 1 / 1450.0, 0.05),
            usc("Suspected lung cancer", 1 / 13000.0, 0.05),
            usc("Suspected other cancer", 1 / 200000.0, 0.6),
            usc("Suspected sarcoma", 1 / 40000.0, 0.6),
            usc("Suspected skin cancer", 1 / 800.0, 0.05),
            usc("Suspected testicular cancer", 1 / 60000.0, 0.2),
            usc("Suspected upper gastrointestinal cancer", 1 / 3000.0, 0.05),
            usc("Suspected urological malignancies (excluding testicular)", 1 / 2700.0, 0.05));

    private static Block usc(String type, double perIncome, double absent) {
        return new Block(USC, "", type, "", perIncome, 0.6, 0.95, absent, false);
    }

    /** Counts held in half patients, so shared treatments stay exact. */
    private record Halves(long total, long within) {
        Halves plus(Halves o) { return new Halves(total + o.total, within + o.within); }
    }

    private final OrgUniverse orgs;
    private final long seed;

    CancerWaitsWriter(OrgUniverse orgs, long seed) {
        this.orgs = orgs;
        this.seed = seed;
    }

    /** {@code cancer/SEPTEMBER-2025-CWT-CRS-PROVIDER-headline-standards.csv}. */
    static String path(YearMonth m) {
        return "cancer/" + MonthNames.upper(m) + "-" + m.getYear() + "-CWT-CRS-PROVIDER-headline-standards.csv";
    }

    void write(OutputTree out, YearMonth month) throws IOException {
        List<Provider> trusts = orgs.providers().stream()
                .filter(p -> p.kind().treatsCancer())
                .sorted(Comparator.comparing(Provider::name))
                .toList();
        String period = MonthNames.shortYear(month);
        out.csv(path(month), KIND, false, csv -> {
            csv.header(HEADER);
            writeBlock(csv, period, FDS_ALL, List.of(FDS_ALL), trusts, month);
            writeBlock(csv, period, D31_ALL, D31_PARTS, trusts, month);
            for (Block b : D31_PARTS) writeBlock(csv, period, b, List.of(b), trusts, month);
            writeBlock(csv, period, D62_ALL, D62_PARTS, trusts, month);
            for (Block b : D62_PARTS) writeBlock(csv, period, b, List.of(b), trusts, month);
            Halves[] england = new Halves[USC_TYPES.size()];
            for (Provider p : trusts) {
                for (int i = 0; i < USC_TYPES.size(); i++) {
                    Halves h = counts(p, USC_TYPES.get(i), month);
                    england[i] = england[i] == null ? h : england[i].plus(h);
                    if (h.total() > 0) csv.row(row(period, USC_TYPES.get(i), p.code(), p.name(), h));
                }
            }
            for (int i = 0; i < USC_TYPES.size(); i++) csv.row(row(period, USC_TYPES.get(i), "", ENGLAND, england[i]));
        });
    }

    /** Rows of one block: each trust's sum over {@code sources}, then the England row. */
    private void writeBlock(CsvWriter csv, String period, Block label, List<Block> sources, List<Provider> trusts,
                            YearMonth month) throws IOException {
        Halves england = new Halves(0, 0);
        for (Provider p : trusts) {
            Halves h = new Halves(0, 0);
            for (Block b : sources) h = h.plus(counts(p, b, month));
            if (h.total() == 0) continue;
            csv.row(row(period, label, p.code(), p.name(), h));
            england = england.plus(h);
        }
        csv.row(row(period, label, "", ENGLAND, england));
    }

    private Halves counts(Provider p, Block b, YearMonth m) {
        String key = p.code() + "/" + b.sheet() + "/" + b.part() + "/" + b.breakdown1();
        Rng trait = Rng.of(seed, "cancer-trait", null, key);
        if (trait.chance(b.absent())) return new Halves(0, 0);
        double within = trait.between(b.withinLo(), b.withinHi());
        Rng r = Rng.of(seed, KIND, m, key);
        long total = r.count(p.incomeGbpK() * b.perIncome() * trait.jitter(1, 0.2) * Season.days(m));
        double share = Math.min(1, Math.max(0, within - 0.05 * Season.winterPressure(m) + r.normal(0.03)));
        long inside = r.part(total, share);
        long totalHalves = 2 * total;
        long withinHalves = 2 * inside;
        if (b.halves() && r.chance(0.12)) {
            totalHalves++;
            if (r.chance(share)) withinHalves++;
        }
        return new Halves(totalHalves, withinHalves);
    }

    private static List<String> row(String period, Block b, String code, String name, Halves h) {
        return List.of(period, b.sheet(), b.part(), code, name, b.breakdown1(), b.breakdown2(),
                number(h.total()), number(h.within()), number(h.total() - h.within()));
    }

    /** A count in half patients as the extract prints it: {@code 12} or {@code 12.5}. */
    static String number(long halves) {
        return halves % 2 == 0 ? Long.toString(halves / 2) : String.format(Locale.ROOT, "%d.5", halves / 2);
    }
}
