package uk.nhs.stp.query;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.nhs.stp.testing.SharedSpark;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link ReadOnlyQuery} lets through and how it words a refusal, on a five-row view. */
class ReadOnlyQueryTest {
    private static final List<String> TABLES = List.of("dim_month");
    private static SparkSession session;

    @BeforeAll
    static void view() {
        SparkSession spark = SharedSpark.session();
        session = spark.newSession();
        session.conf().set("spark.sql.runSQLOnFiles", "false");
        StructType schema = new StructType().add("month", DataTypes.StringType).add("fy_month", DataTypes.StringType);
        List<Row> rows = List.of(RowFactory.create("2017-04-01", "M01"), RowFactory.create("2017-05-01", "M02"),
                RowFactory.create("2017-06-01", "M03"), RowFactory.create("2017-07-01", "M04"),
                RowFactory.create("2017-08-01", "M05"));
        session.createDataFrame(rows, schema).createOrReplaceTempView("dim_month");
    }

    private static String refusal(String sql) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReadOnlyQuery.plan(session, sql, TABLES), "refused: " + sql);
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void selectAndWithQueriesRunWithCommentsAndParenthesesBeforeThem() {
        assertEquals(5, ReadOnlyQuery.plan(session, "SELECT * FROM dim_month", TABLES).count());
        assertEquals(2, ReadOnlyQuery.plan(session, "-- the first quarter\n/* two */ WITH q AS (SELECT * FROM dim_month "
                + "WHERE fy_month < 'M03') SELECT * FROM q", TABLES).count());
        assertEquals(1, ReadOnlyQuery.plan(session, "  (select max(month) from dim_month)", TABLES).count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DROP VIEW dim_month", "INSERT INTO dim_month VALUES ('2018-01-01', 'M10')",
            "CREATE TABLE x AS SELECT * FROM dim_month", "delete from dim_month", "SET spark.sql.runSQLOnFiles=true",
            "CACHE TABLE dim_month", "EXPLAIN SELECT * FROM dim_month", "ADD JAR /tmp/x.jar", ""})
    void statementsThatAreNotQueriesAreRefusedBeforeSparkSeesThem(String sql) {
        assertTrue(refusal(sql).startsWith("stp query runs read-only queries, starting SELECT or WITH"), sql);
        assertEquals(5, session.table("dim_month").count(), "the view is untouched");
    }

    @Test
    void aWriteHiddenBehindWithIsRefused() {
        String message = refusal("WITH q AS (SELECT * FROM dim_month) INSERT INTO dim_month SELECT * FROM q");
        assertTrue(message.contains("this statement writes"), message);
    }

    @Test
    void javaCallsAndFilePathsAreRefused() {
        assertTrue(refusal("SELECT reflect('java.lang.System', 'getProperty', 'user.home')").contains("reflect()"));
        assertTrue(refusal("SELECT * FROM dim_month WHERE java_method('java.lang.Math', 'abs', -1) = 1").contains("reflect()"));
        String path = Path.of("target").toAbsolutePath().toString();
        String message = refusal("SELECT * FROM parquet.`" + path + "`");
        assertFalse(message.isBlank(), message);
    }

    @Test
    void twoStatementsAreASyntaxError() {
        assertTrue(refusal("SELECT 1; DROP VIEW dim_month").startsWith("SQL syntax error"));
        assertEquals(5, session.table("dim_month").count());
    }

    @Test
    void unknownTablesAndColumnsAreNamedWithWhatThereIs() {
        String table = refusal("SELECT * FROM dim_months");
        assertEquals("unknown table dim_months; the marts are: dim_month (stp tables describes them)", table);
        String column = refusal("SELECT fy_mnth FROM dim_month");
        assertTrue(column.startsWith("unknown column fy_mnth; did you mean one of: fy_month"), column);
        assertTrue(refusal("SELECT month FROM dim_month WHERE month >").startsWith("SQL syntax error"));
    }
}
