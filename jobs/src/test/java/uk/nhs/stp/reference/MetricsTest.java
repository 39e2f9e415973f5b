package uk.nhs.stp.reference;

import org.junit.jupiter.api.Test;
import uk.nhs.stp.contract.Contracts;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {
    private static final String HEADER = "metric_id,name,unit,direction,basis,source_table,numerator_definition,"
            + "denominator_definition,definition\n";
    /** Metrics reported without a national standard: the waiting-list size and the 92nd-percentile wait. */
    private static final Set<String> WITHOUT_TARGET = Set.of("rtt_incomplete_total", "rtt_p92_weeks");

    @Test
    void holdsEveryMetricOfTheProject() {
        Set<String> expected = new TreeSet<>(List.of("ae_4h", "ae_4h_type1", "ae_12h_dta", "rtt_18w_incomplete",
                "rtt_52w_plus", "rtt_incomplete_total", "rtt_p92_weeks", "cancer_2ww", "cancer_2ww_breast",
                "cancer_31d_first", "cancer_31d_sub_surgery", "cancer_31d_sub_drugs", "cancer_31d_sub_radio",
                "cancer_62d_gp", "cancer_62d_screening", "cancer_28d_fds", "cancer_31d_combined", "cancer_62d_combined"));
        assertEquals(expected, ids(Metrics.all()), "metric ids in reference/metrics.csv");
    }

    @Test
    void agreesWithTheTargets() {
        Set<String> targeted = Targets.all().stream().map(Target::metricId).collect(Collectors.toCollection(TreeSet::new));
        Set<String> defined = ids(Metrics.all());
        assertTrue(defined.containsAll(targeted), "every target's metric is defined: missing "
                + targeted.stream().filter(t -> !defined.contains(t)).toList());
        Set<String> expectedTargeted = new TreeSet<>(defined);
        expectedTargeted.removeAll(WITHOUT_TARGET);
        assertEquals(expectedTargeted, targeted, "every metric but " + WITHOUT_TARGET + " has a target");
        Map<String, Metric> byId = Metrics.all().stream().collect(Collectors.toMap(Metric::metricId, m -> m));
        for (Target t : Targets.all()) {
            Metric m = byId.get(t.metricId());
            assertEquals(m.direction(), t.direction(), t.metricId() + ": direction of the metric and of its target");
            Metric.Unit unit = t.standardPct() != null ? Metric.Unit.PCT : Metric.Unit.COUNT;
            assertEquals(unit, m.unit(), t.metricId() + ": a percentage standard for a pct metric, a count for a count");
        }
    }

    @Test
    void rttMetricsAreCommissionerBasedTheRestProviderBasedAndEachNamesAConformedTable() {
        for (Metric m : Metrics.all()) {
            // RTT is published per provider and commissioner; A&E and cancer per provider only
            assertEquals(m.sourceTable().equals("rtt_pathways") ? "commissioner" : "provider", m.basis(),
                    m.metricId() + " basis");
            assertTrue(Contracts.list("conformed").contains(m.sourceTable()), m.metricId() + " source " + m.sourceTable());
            assertTrue(m.definition().length() > 40 && m.definition().contains("NHS"),
                    m.metricId() + " cites its published definition");
            if (m.unit() == Metric.Unit.PCT) {
                assertTrue(m.denominatorDefinition() != null, m.metricId() + " has a denominator");
            } else {
                assertNull(m.denominatorDefinition(), m.metricId() + " has no denominator");
            }
        }
        assertEquals(Metric.Unit.WEEKS, Metrics.byId("rtt_p92_weeks").orElseThrow().unit(), "the percentile is in weeks");
    }

    @Test
    void readsAValidTableSortedById() throws Exception {
        List<Metric> m = Metrics.read(new StringReader(HEADER
                + "rtt_52w_plus,52 weeks,count,lower_is_better,provider,rtt_pathways,Σ over_52_weeks_count,,def\n"
                + "ae_4h,\"A&E 4-hour, all types\",pct,higher_is_better,provider,ae_attendances,within,all,def\n"), "test");
        assertEquals(List.of("ae_4h", "rtt_52w_plus"), m.stream().map(Metric::metricId).toList(), "sorted");
        assertEquals("A&E 4-hour, all types", m.get(0).name(), "quoted name");
        assertEquals(Target.Direction.LOWER_IS_BETTER, m.get(1).direction(), "direction");
        assertEquals("count", m.get(1).unit().id(), "unit id");
    }

    @Test
    void rejectsRowsBreakingTheContractListingEveryProblem() {
        String csv = HEADER
                + "ae_4h,A&E,pct,higher_is_better,provider,ae_attendances,within,,def\n"
                + "ae_12h_dta,12h,count,lower_is_better,provider,ae_attendances,waits,all,def\n"
                + "rtt_x,x,percent,higher_is_better,provider,rtt_pathways,n,d,def\n"
                + "rtt_y,y,pct,sideways,resident,rtt_pathways,n,d,def\n"
                + "Bad-Id,b,count,lower_is_better,provider,finance_monthly,n,,def\n"
                + "rtt_z,z,count,lower_is_better,provider,rtt_pathways,n,,\n"
                + "rtt_z,z,count,lower_is_better,provider,rtt_pathways,n,,def\n"
                + "rtt_z,z,count,lower_is_better,provider,rtt_pathways,n,,def\n";
        String message = assertThrows(IllegalStateException.class,
                () -> Metrics.read(new StringReader(csv), "test")).getMessage();
        for (String expected : List.of("line 2: ae_4h is a pct metric and needs a denominator_definition",
                "line 3: ae_12h_dta is a count metric and has no denominator", "'percent' is not one of",
                "'sideways' is not one of", "'resident' is not one of", "'Bad-Id' does not match",
                "'finance_monthly' is not one of", "line 7: definition is required", "line 9: [metric_id] [rtt_z] repeats line 8")) {
            assertTrue(message.contains(expected), "expected '" + expected + "' in: " + message);
        }
    }

    @Test
    void rejectsAHeaderThatDoesNotMatchTheContract() {
        String message = assertThrows(IllegalStateException.class, () -> Metrics.read(new StringReader(
                "metric_id,name,unit,direction,basis,source_table,numerator_definition,definition,colour\n"), "test"))
                .getMessage();
        assertTrue(message.contains("header lacks column denominator_definition"), message);
        assertTrue(message.contains("header has column colour the contract does not declare"), message);
    }

    private static Set<String> ids(List<Metric> metrics) {
        return metrics.stream().map(Metric::metricId).collect(Collectors.toCollection(TreeSet::new));
    }
}
