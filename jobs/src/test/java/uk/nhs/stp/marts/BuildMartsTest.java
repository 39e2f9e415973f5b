package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.nhs.stp.cli.StpCommand;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.generate.SampleReturnsGenerator;
import uk.nhs.stp.spark.ContractSchemas;
import uk.nhs.stp.testing.DatasetAssertions;
import uk.nhs.stp.testing.RawCsv;
import uk.nhs.stp.testing.SharedSpark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code stp marts} on two generated months: every mart's real schema equals its contract, the
 * grid is dense, and the England A&E figures equal sums taken by hand from the generated files.
 */
class BuildMartsTest {
    @TempDir
    static Path tmp;
    private static SparkSession spark;
    private static String warehouse;
    private static String output;

    @BeforeAll
    static void buildMarts() throws IOException {
        spark = SharedSpark.session();
        new SampleReturnsGenerator().generate(new SampleReturnsGenerator.Options(tmp.resolve("landing").toString(),
                YearMonth.of(2017, 4), 2, 11));
        // a planned trajectory return beside the generated ones: England's A&E plan and a footprint's do-nothing line
        Files.createDirectories(tmp.resolve("landing/plans"));
        Files.writeString(tmp.resolve("landing/plans/planned-trajectory.csv"), "area_code,metric_id,month,planned_value\n"
                + "E92000001,ae_4h,2017-04,90\nE54000049,finance_do_nothing_gbp_k,2020-04,\"(50,000)\"\n");
        warehouse = tmp.resolve("wh").toString();
        StringWriter out = new StringWriter();
        CommandLine cl = StpCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        assertEquals(0, cl.execute("ingest", "--landing", tmp.resolve("landing").toString(), "--warehouse", warehouse));
        assertEquals(0, cl.execute("marts", "--warehouse", warehouse), out.toString());
        output = out.toString();
    }

    private static Dataset<Row> mart(String name) {
        return spark.read().parquet(warehouse + "/marts/" + name);
    }

    @TestFactory
    Stream<DynamicTest> everyMartMatchesItsContract() {
        return Contracts.list("marts").stream().map(name -> DynamicTest.dynamicTest(name, () ->
                DatasetAssertions.assertSchema(ContractSchemas.schema(Contracts.table("marts", name)),
                        mart(name).schema(), name + " as written vs data-schemas/marts/" + name + ".json")));
    }

    @Test
    void theEnglandGridIsDenseAndEveryRowHasItsUnit() {
        Dataset<Row> england = mart("england_metric_month");
        long series = england.select("metric_id").distinct().count();
        assertEquals(series * 2, england.count(), "every metric with data has a row for both months: " + output);
        assertEquals(0, england.filter("unit IS NULL OR footprint_vintage IS NULL").count());
        assertEquals(2, mart("dim_month").count());
    }

    @Test
    void englandFourHourPerformanceEqualsHandSumsOfTheGeneratedFiles() throws IOException {
        Path ae;
        try (Stream<Path> s = Files.list(tmp.resolve("landing/ae"))) {
            ae = s.filter(p -> p.getFileName().toString().startsWith("April")).findFirst().orElseThrow();
        }
        long attendances = 0;
        long over4h = 0;
        List<String> lines = Files.readAllLines(ae);
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = RawCsv.split(line);
            if (c.get(1).trim().equals("TOTAL")) continue;
            for (int i = 4; i <= 9; i++) attendances += Long.parseLong(c.get(i).trim());
            for (int i = 10; i <= 15; i++) over4h += Long.parseLong(c.get(i).trim());
        }
        Row april = mart("england_metric_month").filter("metric_id = 'ae_4h' AND month = DATE'2017-04-01'").first();
        assertEquals(0, BigDecimal.valueOf(attendances).compareTo(april.getAs("denominator")));
        assertEquals(0, BigDecimal.valueOf(attendances - over4h).compareTo(april.getAs("numerator")));
        BigDecimal expected = BigDecimal.valueOf(100 * (attendances - over4h))
                .divide(BigDecimal.valueOf(attendances), 4, java.math.RoundingMode.HALF_UP);
        assertEquals(0, expected.compareTo(april.getAs("value")),
                "value = 100 x within / all: " + expected + " vs " + april.getAs("value"));
        assertEquals(0, new BigDecimal("95").compareTo(april.getAs("target")), "95% was the standard in April 2017");
    }

    @Test
    void footprintSumsPlusUnmappedActivityAreEngland() {
        String april = "metric_id = 'ae_4h' AND month = DATE'2017-04-01'";
        BigDecimal england = mart("england_metric_month").filter(april).first().getAs("denominator");
        Row footprints = mart("footprint_metric_month").filter(april).agg(
                org.apache.spark.sql.functions.sum("denominator")).first();
        Row unmapped = mart("dq_unmapped_activity").filter(april).first();
        BigDecimal inFootprints = footprints.getDecimal(0);
        BigDecimal notMapped = unmapped.getAs("unmapped_denominator");
        assertEquals(0, england.compareTo(inFootprints.add(notMapped)),
                "England " + england + " = footprints " + inFootprints + " + unmapped " + notMapped);
        assertEquals(0, england.compareTo(unmapped.getAs("national_denominator")), "national activity is England's");
        assertEquals(0, mart("region_metric_month").filter(april).agg(org.apache.spark.sql.functions.sum("denominator"))
                .first().getDecimal(0).compareTo(inFootprints), "regions hold the footprints' activity");
        assertTrue(output.contains("footprints vintage 2018 (latest)"), "both lookups landed: latest is 2018: " + output);
    }

    @Test
    void anUnknownFootprintVintageIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cl = StpCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("marts", "--warehouse", warehouse, "--footprint-vintage", "2016"), err.toString());
        assertTrue(err.toString().contains("2017, 2018, 2022, latest"), err.toString());
    }

    @Test
    void theTrajectoriesReadThePlannedTrajectoryReturn() {
        // the plan for England in April 2017 is 90%; variance = value - 90
        Row april = mart("england_target_trajectory").filter("metric_id = 'ae_4h' AND as_of_month = DATE'2017-04-01'").first();
        assertEquals(0, new BigDecimal("90").compareTo(april.getAs("planned_value")), "planned value of the return");
        assertEquals(0, ((BigDecimal) april.getAs("value")).subtract(new BigDecimal("90"))
                .compareTo(april.getAs("variance_to_plan")), "variance = actual - planned");
        assertEquals("insufficient_data", april.getAs("status"), "two months give no rolling year");
        Row finance = mart("footprint_finance_trajectory").filter("basis = 'finance_return' AND area_code = 'E54000049'").first();
        assertEquals("insufficient_data", finance.getAs("balance_status"), "one financial year is one point");
        assertEquals(0, new BigDecimal("-50000").compareTo(finance.getAs("do_nothing_at_target_year_gbp_k")),
                "the plan's do-nothing deficit for 2020/21: " + finance);
    }
}
