package uk.nhs.stp.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import uk.nhs.stp.testing.DatasetAssertions;
import uk.nhs.stp.testing.SharedSpark;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DimMonthTest {

    private static Row month(String day, String fy, String fyMonth, String quarter, int year, String name, String label) {
        return RowFactory.create(LocalDate.parse(day), fy, fyMonth, quarter, year, name, label);
    }

    @Test
    void labelsEveryMonthWithItsFinancialYearMonthAndQuarter() {
        List<Row> rows = DimMonth.rows(LocalDate.of(2017, 3, 15), LocalDate.of(2018, 4, 30));
        assertEquals(14, rows.size(), "March 2017 to April 2018 inclusive");
        assertEquals(month("2017-03-01", "2016/17", "M12", "Q4", 2017, "March", "Mar-2017"), rows.get(0), "last month of 2016/17");
        assertEquals(month("2017-04-01", "2017/18", "M01", "Q1", 2017, "April", "Apr-2017"), rows.get(1), "April is M01");
        assertEquals(month("2017-06-01", "2017/18", "M03", "Q1", 2017, "June", "Jun-2017"), rows.get(3), "end of Q1");
        assertEquals(month("2017-07-01", "2017/18", "M04", "Q2", 2017, "July", "Jul-2017"), rows.get(4), "start of Q2");
        assertEquals(month("2017-09-01", "2017/18", "M06", "Q2", 2017, "September", "Sep-2017"), rows.get(6),
                "three-letter label, not the en-GB 'Sept'");
        assertEquals(month("2017-12-01", "2017/18", "M09", "Q3", 2017, "December", "Dec-2017"), rows.get(9), "Q3");
        assertEquals(month("2018-01-01", "2017/18", "M10", "Q4", 2018, "January", "Jan-2018"), rows.get(10),
                "January belongs to the financial year that started the April before");
        assertEquals(month("2018-03-01", "2017/18", "M12", "Q4", 2018, "March", "Mar-2018"), rows.get(12), "M12");
        assertEquals(month("2018-04-01", "2018/19", "M01", "Q1", 2018, "April", "Apr-2018"), rows.get(13), "next year");
    }

    @Test
    void writesTheCenturyTurnWithTwoDigitsAndAcceptsOneMonth() {
        assertEquals(List.of(month("2099-04-01", "2099/00", "M01", "Q1", 2099, "April", "Apr-2099")),
                DimMonth.rows(LocalDate.of(2099, 4, 1), LocalDate.of(2099, 4, 1)), "2099/00");
    }

    @Test
    void refusesASpanThatEndsBeforeItStarts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DimMonth.rows(LocalDate.of(2018, 4, 1), LocalDate.of(2018, 3, 31)));
        assertTrue(e.getMessage().contains("give the first month, then the last"), e.getMessage());
    }

    @Test
    void rowsFitTheContractSchema() {
        Dataset<Row> df = SharedSpark.session().createDataFrame(
                DimMonth.rows(LocalDate.of(2016, 4, 1), LocalDate.of(2026, 3, 1)), DimMonth.SCHEMA);
        assertEquals(120, df.count(), "ten financial years");
        assertEquals(10, df.select("financial_year").distinct().count(), "2016/17 to 2025/26");
        assertEquals(0, df.filter("fy_month = 'M01' AND month_name <> 'April'").count(), "M01 is always April");
        DatasetAssertions.assertSchema(DimMonth.SCHEMA, df.schema(), "dim_month");
    }
}
