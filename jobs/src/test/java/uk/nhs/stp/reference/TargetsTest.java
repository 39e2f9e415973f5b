package uk.nhs.stp.reference;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetsTest {
    private static final String HEADER = "metric_id,standard_pct,standard_count,direction,valid_from,valid_to,source,note\n";

    @Test
    void holdsEveryMetricOfTheDomain() {
        Set<String> expected = new TreeSet<>(List.of("ae_4h", "ae_4h_type1", "ae_12h_dta", "rtt_18w_incomplete",
                "rtt_52w_plus", "cancer_2ww", "cancer_2ww_breast", "cancer_31d_first", "cancer_31d_sub_surgery",
                "cancer_31d_sub_drugs", "cancer_31d_sub_radio", "cancer_62d_gp", "cancer_62d_screening",
                "cancer_28d_fds", "cancer_31d_combined", "cancer_62d_combined"));
        Set<String> present = Targets.all().stream().map(Target::metricId).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, present, "metric ids in reference/targets.csv");
    }

    @Test
    void windowsOfOneMetricNeverOverlap() {
        Map<String, List<Target>> byMetric = new TreeMap<>(Targets.all().stream()
                .collect(Collectors.groupingBy(Target::metricId)));
        for (Map.Entry<String, List<Target>> e : byMetric.entrySet()) {
            // every first-of-month from 2016 to 2030 is covered by at most one window
            for (LocalDate m = LocalDate.of(2016, 4, 1); m.isBefore(LocalDate.of(2030, 1, 1)); m = m.plusMonths(1)) {
                LocalDate month = m;
                long n = e.getValue().stream().filter(t -> t.appliesOn(month)).count();
                assertTrue(n <= 1, e.getKey() + " has " + n + " targets in " + month);
            }
            for (Target t : e.getValue()) {
                assertTrue(t.validTo() == null || !t.validTo().isBefore(t.validFrom()), "dates in order: " + t);
            }
        }
    }

    @Test
    void givesTheStandardInForceInAMonth() {
        assertEquals(0, new BigDecimal("95").compareTo(Targets.forMonth("ae_4h", LocalDate.of(2016, 6, 1))
                .orElseThrow().standardPct()), "A&E 4 hours in June 2016");
        assertEquals(0, new BigDecimal("90").compareTo(Targets.forMonth("ae_4h", LocalDate.of(2017, 9, 15))
                .orElseThrow().standardPct()), "interim trajectory from September 2017");
        assertEquals(0, new BigDecimal("76").compareTo(Targets.forMonth("ae_4h", LocalDate.of(2024, 3, 1))
                .orElseThrow().standardPct()), "2023/24 operational standard");
        assertEquals(0L, Targets.forMonth("rtt_52w_plus", LocalDate.of(2019, 1, 1)).orElseThrow().standardCount(),
                "52-week waits: zero tolerance");
        assertEquals(Target.Direction.LOWER_IS_BETTER,
                Targets.forMonth("ae_12h_dta", LocalDate.of(2020, 1, 1)).orElseThrow().direction(), "12-hour waits");
        assertTrue(Targets.forMonth("cancer_2ww", LocalDate.of(2023, 9, 1)).isPresent(), "2ww until September 2023");
        assertFalse(Targets.forMonth("cancer_2ww", LocalDate.of(2023, 10, 1)).isPresent(), "2ww retired October 2023");
    }

    @Test
    void hasNoFasterDiagnosisStandardBeforeOctober2023() {
        assertFalse(Targets.forMonth("cancer_28d_fds", LocalDate.of(2023, 9, 1)).isPresent(), "September 2023");
        assertTrue(Targets.all().stream().filter(t -> t.metricId().equals("cancer_28d_fds"))
                .noneMatch(t -> t.validFrom().isBefore(LocalDate.of(2023, 10, 1))), "no earlier window");
        assertEquals(0, new BigDecimal("75").compareTo(Targets.forMonth("cancer_28d_fds", LocalDate.of(2023, 10, 1))
                .orElseThrow().standardPct()), "75% from October 2023");
    }

    @Test
    void rejectsOverlappingWindows() {
        String csv = HEADER
                + "ae_4h,95,,higher_is_better,2016-04-01,2017-09-30,doc,\n"
                + "ae_4h,90,,higher_is_better,2017-09-01,,doc,\n";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Targets.read(new StringReader(csv), "test"));
        assertTrue(e.getMessage().contains("overlaps"), e.getMessage());
    }

    @Test
    void rejectsRowsBreakingTheContract() {
        String csv = HEADER
                + "ae_4h,95,0,higher_is_better,2016-04-01,,doc,\n"
                + "rtt_18w,101,,higher_is_better,2016-04-01,,doc,\n"
                + "rtt_52w,,0,sideways,2016-04-01,,doc,\n"
                + "cancer,85,,higher_is_better,2018-04-01,2017-03-31,doc,\n"
                + "cancer_2ww,93.555,,higher_is_better,2016-04-01,,,\n";
        String message = assertThrows(IllegalStateException.class,
                () -> Targets.read(new StringReader(csv), "test")).getMessage();
        for (String expected : List.of("line 2: give exactly one", "exceeds 100", "'sideways' is not one of",
                "valid_to 2017-03-31 is before valid_from", "'93.555' is not a decimal(5,2)", "line 6: source is required")) {
            assertTrue(message.contains(expected), "expected '" + expected + "' in: " + message);
        }
    }

    @Test
    void readsAValidTable() throws Exception {
        List<Target> t = Targets.read(new StringReader(HEADER
                + "rtt_52w_plus,,0,lower_is_better,2016-04-01,,doc,zero\n"
                + "ae_4h,95,,higher_is_better,2016-04-01,2017-08-31,doc,\n"
                + "ae_4h,90,,higher_is_better,2017-09-01,,\"doc, with comma\",\n"), "test");
        assertEquals(List.of("ae_4h", "ae_4h", "rtt_52w_plus"), t.stream().map(Target::metricId).toList(), "sorted");
        assertEquals(new BigDecimal("95.00"), t.get(0).standardPct(), "scale 2");
        assertEquals("doc, with comma", t.get(1).source(), "quoted source");
    }
}
