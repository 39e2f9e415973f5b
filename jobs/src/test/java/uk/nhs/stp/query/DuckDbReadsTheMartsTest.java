package uk.nhs.stp.query;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import uk.nhs.stp.contract.ColumnSpec;
import uk.nhs.stp.contract.ColumnType;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.contract.TableContract;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.publish.PublishedMarts;
import uk.nhs.stp.testing.PublishedDemoWarehouse;
import uk.nhs.stp.testing.SharedSpark;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reader that is not Spark sees what Spark wrote: DuckDB (as a BI tool would) reads every mart from
 * the stable folder {@code <warehouse>/marts/<table>/} and gets the same row count, and for each
 * column the same non-null count, sum (numbers), minimum and maximum (dates), count of trues
 * (booleans) and distinct count (text), as Spark reading the published version. Trues are summed
 * with CASE rather than count_if, which DuckDB makes null over a column of nulls where Spark gives 0.
 */
class DuckDbReadsTheMartsTest {
    private static Connection duckdb;
    private static SparkSession spark;
    private static PublishedMarts marts;
    private static String warehouse;

    @BeforeAll
    static void open() throws Exception {
        warehouse = PublishedDemoWarehouse.path();
        spark = SharedSpark.session();
        marts = PublishedMarts.require(new Warehouse(warehouse, spark.sparkContext().hadoopConfiguration()));
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    static void close() throws SQLException {
        duckdb.close();
    }

    /** One SQL both engines accept: the same aggregates over {@code FROM_TABLE}. */
    static String profile(TableContract contract) {
        List<String> aggregates = new ArrayList<>(List.of("count(*)"));
        for (ColumnSpec c : contract.columns()) {
            String col = c.name();
            aggregates.add("count(" + col + ")");
            ColumnType.Kind kind = c.type().kind();
            if (kind == ColumnType.Kind.INT || kind == ColumnType.Kind.LONG || kind == ColumnType.Kind.DECIMAL) {
                aggregates.add("sum(" + col + ")");
            } else if (kind == ColumnType.Kind.DATE) {
                aggregates.add("min(" + col + ")");
                aggregates.add("max(" + col + ")");
            } else if (kind == ColumnType.Kind.BOOLEAN) {
                aggregates.add("sum(CASE WHEN " + col + " THEN 1 ELSE 0 END)");
            } else if (kind == ColumnType.Kind.STRING) {
                aggregates.add("count(DISTINCT " + col + ")");
            }
        }
        return "SELECT " + String.join(", ", aggregates) + " FROM FROM_TABLE";
    }

    private static String normal(Object v) {
        if (v == null) return "null";
        if (v instanceof Number) return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
        return v.toString();
    }

    @TestFactory
    Stream<DynamicTest> duckDbSeesTheSameRowsAsSpark() {
        return Contracts.list("marts").stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String sql = profile(Contracts.table("marts", name));
            spark.read().parquet(marts.path(name).toString()).createOrReplaceTempView("duck_check_" + name);
            Row sparkRow = spark.sql(sql.replace("FROM_TABLE", "duck_check_" + name)).first();
            List<String> fromSpark = new ArrayList<>();
            for (int i = 0; i < sparkRow.length(); i++) fromSpark.add(normal(sparkRow.get(i)));

            String folder = new Warehouse(warehouse, spark.sparkContext().hadoopConfiguration()).mart(name).toUri().getPath();
            List<String> fromDuckDb = new ArrayList<>();
            try (Statement st = duckdb.createStatement();
                 ResultSet rs = st.executeQuery(sql.replace("FROM_TABLE", "read_parquet('" + folder + "/*.parquet')"))) {
                assertTrue(rs.next());
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) fromDuckDb.add(normal(rs.getObject(i)));
            }
            assertEquals(String.valueOf(marts.rows(name)), fromSpark.get(0), name + ": Spark reads the rows the publish log counts");
            assertEquals(fromSpark, fromDuckDb, name + ": " + sql);
        }));
    }
}
