package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.reference.Metrics;
import uk.nhs.stp.spark.ContractSchemas;
import uk.nhs.stp.testing.DatasetAssertions;
import uk.nhs.stp.testing.SharedSpark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class AeMetricCountsTest {
    private static final StructType INPUT = ContractSchemas.schema(Contracts.conformed("ae_attendances"));
    private static final LocalDate APRIL_2025 = LocalDate.of(2025, 4, 1);
    private static final LocalDate MARCH_2017 = LocalDate.of(2017, 3, 1);

    /** One ae_attendances row: the given columns, every other one null, not a control row. */
    private static Row row(LocalDate month, String org, Object... columnValuePairs) {
        Map<String, Object> v = new HashMap<>();
        v.put("month", month);
        v.put("period_label", month.toString());
        v.put("org_code", org);
        v.put("is_control_row", false);
        for (int i = 0; i < columnValuePairs.length; i += 2) v.put((String) columnValuePairs[i], columnValuePairs[i + 1]);
        Object[] values = new Object[INPUT.size()];
        for (int i = 0; i < values.length; i++) values[i] = v.get(INPUT.fields()[i].name());
        return RowFactory.create(values);
    }

    private static Row counts(LocalDate month, String org, String metric, String numerator, String denominator) {
        // published per provider only: no commissioner
        return RowFactory.create(month, org, metric, numerator == null ? null : new BigDecimal(numerator),
                denominator == null ? null : new BigDecimal(denominator), null);
    }

    private static Dataset<Row> input(List<Row> rows) {
        return SharedSpark.session().createDataFrame(rows, INPUT);
    }

    @Test
    void countsTheFourHourStandardOverAllTypesWithBookedAppointmentsAndTypeOneAlone() {
        List<Row> in = new ArrayList<>();
        // a 2020s-format trust: unbooked and booked attendances of every type
        in.add(row(APRIL_2025, "RTD",
                "attendances_type_1_count", 1000L, "attendances_type_2_count", 50L, "attendances_other_count", 400L,
                "attendances_booked_type_1_count", 20L, "attendances_booked_type_2_count", 5L,
                "attendances_booked_other_count", 30L,
                "over_4h_type_1_count", 300L, "over_4h_type_2_count", 2L, "over_4h_other_count", 10L,
                "over_4h_booked_type_1_count", 4L, "over_4h_booked_type_2_count", 0L, "over_4h_booked_other_count", 1L,
                "dta_12h_plus_count", 25L));
        // an urgent treatment centre: zero type 1 attendances are still reported
        in.add(row(APRIL_2025, "NDJ",
                "attendances_type_1_count", 0L, "attendances_type_2_count", 0L, "attendances_other_count", 2350L,
                "attendances_booked_type_1_count", 0L, "attendances_booked_type_2_count", 0L,
                "attendances_booked_other_count", 0L,
                "over_4h_type_1_count", 0L, "over_4h_type_2_count", 0L, "over_4h_other_count", 0L,
                "over_4h_booked_type_1_count", 0L, "over_4h_booked_type_2_count", 0L, "over_4h_booked_other_count", 0L,
                "dta_12h_plus_count", 0L));
        // the national TOTAL row is a control row and adds nothing
        Row total = row(APRIL_2025, "TOTAL", "attendances_type_1_count", 999999L, "over_4h_type_1_count", 1L,
                "dta_12h_plus_count", 999L);
        Object[] t = new Object[INPUT.size()];
        for (int i = 0; i < t.length; i++) t[i] = total.get(i);
        t[INPUT.fieldIndex("is_control_row")] = true;
        in.add(RowFactory.create(t));

        List<Row> expected = List.of(
                // 1000+50+400+20+5+30 = 1505 attendances; 300+2+10+4+0+1 = 317 over four hours; 1505-317 = 1188
                counts(APRIL_2025, "RTD", "ae_4h", "1188", "1505"),
                // type 1: 1000+20 = 1020; 300+4 = 304 over; 1020-304 = 716
                counts(APRIL_2025, "RTD", "ae_4h_type1", "716", "1020"),
                counts(APRIL_2025, "RTD", "ae_12h_dta", "25", null),
                counts(APRIL_2025, "NDJ", "ae_4h", "2350", "2350"),
                counts(APRIL_2025, "NDJ", "ae_4h_type1", "0", "0"),
                counts(APRIL_2025, "NDJ", "ae_12h_dta", "0", null));
        DatasetAssertions.assertSameRows(SharedSpark.session().createDataFrame(expected, MetricCounts.SCHEMA),
                AeMetricCounts.from(input(in)), "2020s-format rows");
    }

    @Test
    void nullColumnsCountZeroButARowWithoutAttendancesAddsNothing() {
        List<Row> in = List.of(
                // tidy history: no booked columns, no type 2 line, no decision-to-admit waits
                row(MARCH_2017, "RXX", "attendances_type_1_count", 800L, "attendances_other_count", 200L,
                        "over_4h_type_1_count", 150L, "over_4h_other_count", 5L),
                // only booked type 1 attendances published
                row(MARCH_2017, "RYY", "attendances_booked_type_1_count", 10L, "over_4h_booked_type_1_count", 1L),
                // no attendance column at all, only the 12-hour waits
                row(MARCH_2017, "RZZ", "over_4h_type_1_count", 7L, "dta_12h_plus_count", 3L),
                // type 2 only: all-types figure but no type 1 figure
                row(MARCH_2017, "RWW", "attendances_type_2_count", 40L, "over_4h_type_2_count", 4L));
        List<Row> expected = List.of(
                // 800+200 = 1000 attendances, 150+5 = 155 over, 845 within
                counts(MARCH_2017, "RXX", "ae_4h", "845", "1000"),
                counts(MARCH_2017, "RXX", "ae_4h_type1", "650", "800"),
                counts(MARCH_2017, "RYY", "ae_4h", "9", "10"),
                counts(MARCH_2017, "RYY", "ae_4h_type1", "9", "10"),
                counts(MARCH_2017, "RZZ", "ae_12h_dta", "3", null),
                counts(MARCH_2017, "RWW", "ae_4h", "36", "40"));
        DatasetAssertions.assertSameRows(SharedSpark.session().createDataFrame(expected, MetricCounts.SCHEMA),
                AeMetricCounts.from(input(in)), "null columns");
    }

    @Test
    void keepsTheMetricCountsSchemaAndReferencedMetricIds() {
        SparkSession spark = SharedSpark.session();
        Dataset<Row> out = AeMetricCounts.from(spark.createDataFrame(List.of(), INPUT));
        DatasetAssertions.assertSchema(MetricCounts.SCHEMA, out.schema(), "A&E metric counts");
        for (String id : List.of(AeMetricCounts.FOUR_HOURS, AeMetricCounts.FOUR_HOURS_TYPE_1,
                AeMetricCounts.TWELVE_HOURS_FROM_DECISION)) {
            assertTrue(Metrics.byId(id).isPresent(), id + " is defined in reference/metrics.csv");
        }
    }
}
