package uk.nhs.stp.generate;

import uk.nhs.stp.ingest.source.CsvReader;
import uk.nhs.stp.ingest.source.CsvRecord;
import uk.nhs.stp.ingest.source.FileRejectedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisations the generator writes returns for: the 42 footprints of April 2018, their trusts
 * and their CCGs, read from reference files on the classpath ({@code generate/*.csv}).
 *
 * <p>The reference files hold real public codes and names: footprints from ONS's STP18 and NHS
 * region lists (with the footprints' ODS codes from NHS Digital's practice mapping), trusts from the
 * 2017/18 trust-to-STP lookup (three northern STPs merged into E54000049) topped up from the ODS trust
 * list where a footprint had only one trust, with each trust's 2017/18 income and surplus/(deficit)
 * from its accounts, and CCGs from ONS's CCG18 lookup with their 2018 populations. The files list
 * organisations in order of preference within a footprint, and a {@link Scale} keeps the first few.
 * At {@link Scale#NATIONAL} the other trusts of the 2017/18 accounts ({@code trusts_national.csv}:
 * specialist, community, mental health and ambulance trusts) and the independent urgent care sites of
 * the A&E return ({@code urgent_care_sites.csv}) are added.
 */
public final class OrgUniverse {
    private final Scale scale;
    private final List<Footprint> footprints;
    private final List<Provider> providers;
    private final List<Ccg> ccgs;
    private final List<UrgentCareSite> sites;

    private OrgUniverse(Scale scale, List<Footprint> footprints, List<Provider> providers, List<Ccg> ccgs,
                        List<UrgentCareSite> sites) {
        this.scale = scale;
        this.footprints = List.copyOf(footprints);
        this.providers = providers.stream().sorted(Comparator.comparing(Provider::code)).toList();
        this.ccgs = ccgs.stream().sorted(Comparator.comparing(Ccg::code)).toList();
        this.sites = sites.stream().sorted(Comparator.comparing(UrgentCareSite::code)).toList();
    }

    /** The universe at the given scale. */
    public static OrgUniverse load(Scale scale) {
        Map<String, Footprint> byCode = new LinkedHashMap<>();
        for (String[] f : rows("footprints.csv")) {
            byCode.put(f[0], new Footprint(f[0], f[1], f[2], f[3], f[4], f[5]));
        }
        List<Provider> providers = new ArrayList<>();
        Map<String, Integer> kept = new LinkedHashMap<>();
        List<String[]> trusts = new ArrayList<>(rows("trusts.csv"));
        if (scale.publishedVolumes()) trusts.addAll(rows("trusts_national.csv"));
        for (String[] t : trusts) {
            if (kept.merge(t[4], 1, Integer::sum) > scale.providersPerFootprint()) continue;
            providers.add(new Provider(t[0], t[1], t[2], ProviderKind.valueOf(t[3]), footprint(byCode, t[4]),
                    Long.parseLong(t[5]), Long.parseLong(t[6])));
        }
        List<Ccg> ccgs = new ArrayList<>();
        kept.clear();
        for (String[] c : rows("ccgs.csv")) {
            if (kept.merge(c[3], 1, Integer::sum) > scale.ccgsPerFootprint()) continue;
            ccgs.add(new Ccg(c[0], c[1], c[2], footprint(byCode, c[3]), Long.parseLong(c[4])));
        }
        List<UrgentCareSite> sites = new ArrayList<>();
        if (scale.publishedVolumes()) {
            for (String[] u : rows("urgent_care_sites.csv")) {
                sites.add(new UrgentCareSite(u[0], u[1], u[2], Long.parseLong(u[3])));
            }
        }
        return new OrgUniverse(scale, new ArrayList<>(byCode.values()), providers, ccgs, sites);
    }

    /** The scale the universe was loaded at. */
    public Scale scale() { return scale; }

    /** The footprints in code order. */
    public List<Footprint> footprints() { return footprints; }

    /** Every trust, in ODS code order. */
    public List<Provider> providers() { return providers; }

    /** Every CCG, in ODS code order. */
    public List<Ccg> ccgs() { return ccgs; }

    /** Independent and urgent care sites of the A&E return, in code order; none at the sample scale. */
    public List<UrgentCareSite> sites() { return sites; }

    /** The CCGs of one footprint, in ODS code order. */
    public List<Ccg> ccgsOf(Footprint footprint) {
        return ccgs.stream().filter(c -> c.footprint().equals(footprint)).toList();
    }

    private static Footprint footprint(Map<String, Footprint> byCode, String code) {
        Footprint f = byCode.get(code);
        if (f == null) throw new IllegalStateException("reference file names unknown footprint " + code);
        return f;
    }

    /** Data rows of a reference file (header skipped). */
    private static List<String[]> rows(String name) {
        String resource = "/generate/" + name;
        InputStream in = OrgUniverse.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("reference file " + resource + " is missing from the classpath");
        List<String[]> rows = new ArrayList<>();
        try (CsvReader csv = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            csv.next();
            CsvRecord r;
            while ((r = csv.next()) != null) {
                if (!r.isBlank()) rows.add(r.fields());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FileRejectedException e) {
            throw new IllegalStateException("reference file " + resource + " " + e.getMessage(), e);
        }
        return rows;
    }
}
