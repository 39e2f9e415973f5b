package uk.nhs.stp.query;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.contract.ExampleQuery;
import uk.nhs.stp.io.Warehouse;
import uk.nhs.stp.publish.PublishedMarts;
import uk.nhs.stp.testing.PublishedDemoWarehouse;
import uk.nhs.stp.testing.SharedSpark;
import uk.nhs.stp.testing.Stp;

import java.io.IOException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every mart's worked example (its contract's {@code example}, rendered in the data dictionary) runs
 * through {@code stp query} against a built warehouse, reads its own mart, and answers with rows
 * wherever the mart has any: no example in the dictionary can rot.
 */
class ExampleQueriesTest {

    @TestFactory
    Stream<DynamicTest> everyMartsExampleQueryRunsAndAnswers() throws IOException {
        String warehouse = PublishedDemoWarehouse.path();
        SparkSession spark = SharedSpark.session();
        PublishedMarts marts = PublishedMarts.require(new Warehouse(warehouse, spark.sparkContext().hadoopConfiguration()));
        return Contracts.list("marts").stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            ExampleQuery example = Contracts.table("marts", name).example();
            assertTrue(example.sql().matches("(?s).*\\b" + name + "\\b.*"), name + "'s example reads " + name + ": " + example.sql());
            Stp.Result r = Stp.run("query", "--warehouse", warehouse, "--format", "csv", "--sql", example.sql());
            assertEquals(0, r.exitCode(), name + " example: " + r);
            long rows = r.out().lines().count() - 1;
            if (marts.rows(name) > 0) assertTrue(rows > 0, name + " has rows, so its example should answer with some: " + r);
        }));
    }
}
