package uk.nhs.stp.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.testing.PublishedDemoWarehouse;
import uk.nhs.stp.testing.Stp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code stp query} on a warehouse of three generated months (April to June 2017): the three formats,
 * a result file, and each kind of refusal as exit 2 with one line on standard error.
 */
class QueryCommandTest {
    private static String warehouse;

    @TempDir
    Path tmp;

    @BeforeAll
    static void warehouse() {
        warehouse = PublishedDemoWarehouse.path();
    }

    private static Stp.Result query(String sql, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("query", "--warehouse", warehouse, "--sql", sql));
        args.addAll(List.of(more));
        return Stp.run(args.toArray(new String[0]));
    }

    private static String usageError(String sql) {
        Stp.Result r = query(sql);
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals(1, r.err().lines().count(), "one line, no stack trace: " + r);
        assertTrue(r.err().startsWith("stp: "), r.toString());
        return r.err().strip().substring("stp: ".length());
    }

    @Test
    void csvHasAHeaderIsoDatesAndPlainDecimals() {
        Stp.Result r = query("SELECT month, fy_month, financial_year FROM dim_month ORDER BY month", "--format", "csv");
        assertEquals(0, r.exitCode(), r.toString());
        // April to June 2017 are M01-M03 of 2017/18
        assertEquals(List.of("month,fy_month,financial_year", "2017-04-01,M01,2017/18", "2017-05-01,M02,2017/18",
                "2017-06-01,M03,2017/18"), r.out().lines().toList());
        Stp.Result decimals = query("SELECT CAST(95 AS DECIMAL(12,4)) AS target, CAST(NULL AS STRING) AS nothing, "
                + "'a, \"b\"' AS quoted", "--format", "csv");
        assertEquals(List.of("target,nothing,quoted", "95.0000,,\"a, \"\"b\"\"\""), decimals.out().lines().toList());
    }

    @Test
    void jsonKeepsNumbersBooleansAndNulls() throws Exception {
        Stp.Result r = query("SELECT CAST(12.5 AS DECIMAL(12,4)) AS value, true AS target_met, CAST(NULL AS DATE) AS month, "
                + "DATE '2017-04-01' AS first, 7L AS n", "--format", "json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertEquals(1, rows.size());
        JsonNode row = rows.get(0);
        assertTrue(row.get("value").isNumber() && row.get("value").decimalValue().compareTo(new java.math.BigDecimal("12.5")) == 0);
        assertTrue(row.get("target_met").booleanValue());
        assertTrue(row.get("month").isNull());
        assertEquals("2017-04-01", row.get("first").textValue());
        assertEquals(7, row.get("n").longValue());
        assertEquals("[]", query("SELECT * FROM dim_month WHERE false", "--format", "json").out().strip());
    }

    @Test
    void theTableFormatAlignsColumnsAndCountsRows() {
        Stp.Result r = query("SELECT fy_month, month FROM dim_month ORDER BY month");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("fy_month  month", "--------  ----------", "M01       2017-04-01", "M02       2017-05-01",
                "M03       2017-06-01", "(3 rows)"), r.out().lines().toList());
    }

    @Test
    void everyMartIsAViewHoldingThePublishedRows() {
        // row counts from the publish log, the same numbers stp nightly printed
        Stp.Result r = query("SELECT (SELECT count(*) FROM footprint_metric_month) AS f, (SELECT count(*) FROM dim_month) AS m",
                "--format", "csv");
        String[] counts = r.out().lines().toList().get(1).split(",");
        assertEquals("3", counts[1], "three generated months");
        Stp.Result tables = Stp.run("tables", "--warehouse", warehouse);
        assertTrue(tables.out().contains("footprint_metric_month  " + String.format("%,d", Long.parseLong(counts[0])) + " rows"),
                tables.toString());
    }

    @Test
    void aResultFileHoldsTheCsv() throws Exception {
        Path out = tmp.resolve("months.csv");
        Stp.Result r = query("SELECT month FROM dim_month ORDER BY month", "--format", "csv", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("month\r\n2017-04-01\r\n2017-05-01\r\n2017-06-01\r\n", Files.readString(out, StandardCharsets.UTF_8));
        assertTrue(r.out().isEmpty(), "nothing on standard output: " + r);
        assertTrue(r.err().contains("3 rows written"), r.toString());
    }

    @Test
    void refusalsAreOneLineAndExitTwo() {
        assertTrue(usageError("DROP VIEW dim_month").contains("read-only"));
        assertTrue(usageError("SELECT * FROM dim_months").startsWith("unknown table dim_months; the marts are: dim_footprint, "
                + "dim_metric, dim_month, dim_organisation"));
        String column = usageError("SELECT fy_mnth FROM dim_month");
        assertTrue(column.startsWith("unknown column fy_mnth; did you mean one of: fy_month"), column);
        assertTrue(usageError("SELECT 1 / 0").startsWith("query failed: Division by zero"));
        assertTrue(usageError("SELEC 1").contains("'SELEC' is not allowed"));
        assertEquals(2, Stp.run("query", "--warehouse", warehouse, "--sql", "SELECT 1", "--format", "xml").exitCode());
    }

    @Test
    void aWarehouseWithoutPublishedMartsSaysWhatToRun() {
        Stp.Result r = Stp.run("query", "--warehouse", tmp.toString(), "--sql", "SELECT 1");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("has no published marts: run stp nightly"), r.toString());
        assertFalse(r.err().contains("Exception"), r.toString());
    }
}
