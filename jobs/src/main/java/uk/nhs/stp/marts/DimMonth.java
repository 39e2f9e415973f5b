package uk.nhs.stp.marts;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import uk.nhs.stp.contract.Contracts;
import uk.nhs.stp.spark.ContractSchemas;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The month dimension ({@code data-schemas/marts/dim_month.json}): calendar months with their
 * NHS financial year, financial-year month and quarter and display labels. Pure Java: the rows
 * depend only on the span asked for, so the caller turns them into a dataset with
 * {@code createDataFrame(DimMonth.rows(first, last), DimMonth.SCHEMA)}.
 *
 * <p>Output columns: {@code month DATE, financial_year STRING (2017/18), fy_month STRING (M01 =
 * April … M12 = March), fy_quarter STRING (Q1 = April–June … Q4 = January–March),
 * calendar_year INT, month_name STRING (April), month_label STRING (Apr-2017)}. Grain: one row
 * per calendar month.
 */
public final class DimMonth {
    /** The columns of the contract, in its order. */
    public static final StructType SCHEMA = ContractSchemas.schema(Contracts.table("marts", "dim_month"));

    /** The NHS financial year starts in April: April is M01. */
    private static final int FIRST_MONTH_OF_FINANCIAL_YEAR = 4;

    private DimMonth() { }

    /**
     * One row per month from the month of {@code first} to the month of {@code last}, both
     * included, in order; {@code month} is the first day of each.
     *
     * @throws IllegalArgumentException when {@code last} falls in a month before {@code first}'s
     */
    public static List<Row> rows(LocalDate first, LocalDate last) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        LocalDate from = first.withDayOfMonth(1);
        LocalDate to = last.withDayOfMonth(1);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the month span ends (" + to + ") before it starts (" + from
                    + "): give the first month, then the last");
        }
        List<Row> rows = new ArrayList<>();
        for (LocalDate m = from; !m.isAfter(to); m = m.plusMonths(1)) rows.add(row(m));
        return rows;
    }

    private static Row row(LocalDate month) {
        int fyMonth = Math.floorMod(month.getMonthValue() - FIRST_MONTH_OF_FINANCIAL_YEAR, 12) + 1;
        int fyStart = month.getMonthValue() >= FIRST_MONTH_OF_FINANCIAL_YEAR ? month.getYear() : month.getYear() - 1;
        String name = month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        // the label takes the first three letters of the name: locale short forms differ (en-GB writes "Sept")
        return RowFactory.create(month,
                String.format(Locale.ROOT, "%d/%02d", fyStart, (fyStart + 1) % 100),
                String.format(Locale.ROOT, "M%02d", fyMonth),
                "Q" + ((fyMonth - 1) / 3 + 1),
                month.getYear(),
                name,
                name.substring(0, 3) + "-" + month.getYear());
    }
}
