package uk.nhs.stp.query;

import org.junit.jupiter.api.Test;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.contract.TableContract;
import uk.nhs.stp.testing.PublishedDemoWarehouse;
import uk.nhs.stp.testing.Stp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code stp tables} on a warehouse of three generated months (April to June 2017). */
class TablesCommandTest {

    @Test
    void everyMartIsListedWithItsDescriptionGrainColumnsRowsAndLatestMonth() {
        Stp.Result r = Stp.run("tables", "--warehouse", PublishedDemoWarehouse.path());
        assertEquals(0, r.exitCode(), r.toString());
        for (String name : Contracts.list("marts")) {
            TableContract t = Contracts.table("marts", name);
            assertTrue(r.out().contains("\n" + name + "  "), name + " listed: " + r);
            assertTrue(r.out().contains(t.description()) && r.out().contains("grain: " + t.grain()), name + ": " + r);
        }
        // the last generated month is June 2017; as-of months of trajectories run to it too
        assertTrue(r.out().contains("\nfootprint_metric_month  ") && r.out().contains("rows, latest month 2017-06-01\n"), r.toString());
        assertTrue(r.out().contains("rows, latest as_of_month 2017-06-01\n"), r.toString());
        assertTrue(r.out().contains("\ndim_month  3 rows, latest month 2017-06-01\n"), r.toString());
        assertTrue(r.out().contains("columns: month date, financial_year string, fy_month string"), r.toString());
    }

    @Test
    void oneTableShowsItsColumnsAndExample() {
        Stp.Result r = Stp.run("tables", "--warehouse", PublishedDemoWarehouse.path(), "dim_month");
        assertEquals(0, r.exitCode(), r.toString());
        TableContract t = Contracts.table("marts", "dim_month");
        assertTrue(r.out().contains(t.column("fy_month").description()), r.toString());
        assertTrue(r.out().contains("example: " + t.example().question()), r.toString());
        Stp.Result unknown = Stp.run("tables", "--warehouse", PublishedDemoWarehouse.path(), "dim_months");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().startsWith("stp: unknown table dim_months; the marts are: "), unknown.toString());
    }
}
