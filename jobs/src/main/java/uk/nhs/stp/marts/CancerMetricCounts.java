package uk.nhs.stp.marts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

import java.util.List;
import java.util.Locale;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

/**
 * The cancer waiting times metrics of each provider and month as {@link MetricCounts} rows:
 * numerator = Σ {@code within_standard_count}, denominator = Σ {@code total_count} over the
 * HEADLINE rows of each standard, chosen by {@link #HEADLINE_ROWS}.
 *
 * <p>Input: {@code cancer_waiting_times} (conformed) with at least {@code month}, {@code org_code},
 * {@code standard}, {@code sheet}, {@code part}, {@code breakdown_1}, {@code breakdown_2},
 * {@code is_control_row}, {@code total_count}, {@code within_standard_count}.
 *
 * <p>Output: {@link MetricCounts#SCHEMA}, one row per month × provider × metric that has headline
 * rows: {@code cancer_28d_fds}, {@code cancer_31d_combined}, {@code cancer_62d_combined},
 * {@code cancer_2ww}, {@code cancer_2ww_breast}, and for months before October 2023 (long extracts)
 * {@code cancer_31d_first}, {@code cancer_31d_sub_surgery}, {@code cancer_31d_sub_drugs},
 * {@code cancer_31d_sub_radio}, {@code cancer_62d_gp}, {@code cancer_62d_screening}. The
 * consultant-upgrade standard ({@code 62d_upgrade}) has no national target and no metric.
 *
 * <p>Counts stay decimal (a breach shared between two providers counts 0.5 to each). A suppressed
 * (null) count makes the provider's sum for that metric null rather than a partial sum passed off
 * as the whole. The ALL ENGLISH PROVIDERS control rows are left out.
 */
public final class CancerMetricCounts {

    /**
     * Which published rows make up each metric's headline figure: exactly the rows whose sum over
     * providers equals the publisher's ALL ENGLISH PROVIDERS headline row. Every other row repeats
     * patients already in these: PART A of the 31-day and 62-day sheets already includes parts B
     * to E (first / subsequent treatments; the routes), and the BY ROUTE, BY CANCER and BY
     * TREATMENT MODALITY sheets split the same patients again, so adding any of them would count
     * patients twice. The USC sheet has no all-types row: each provider has one row per suspected
     * cancer type, each patient in exactly one, so its headline is their sum; the UBS sheet has a
     * single referral reason. A long extract that names the standard but no sheet, part or
     * breakdown has one row per provider and standard, which is the headline (the pre-October-2023
     * standards only come that way); a long extract that splits a standard by breakdowns without a
     * sheet matches no rule, so its figures are left out rather than risk a double count.
     * Labels are compared ignoring case and repeated or non-breaking spaces.
     */
    static final List<HeadlineRows> HEADLINE_ROWS = List.of(
            new HeadlineRows("28d_fds", is("28-DAY FDS (ALL ROUTES)"), absent(), is("ALL ROUTES"), absent(), "cancer_28d_fds"),
            new HeadlineRows("31d_combined", is("31-DAY (ALL CANCER)"), is("PART A: ALL STAGES"), is("ALL STAGES"),
                    is("ALL CANCERS"), "cancer_31d_combined"),
            new HeadlineRows("62d_combined", is("62-DAY (ALL CANCER)"), is("PART A: ALL ROUTES"), is("ALL ROUTES"),
                    is("ALL CANCERS"), "cancer_62d_combined"),
            new HeadlineRows("2ww_usc", is("USC referral to FOA"), absent(), any(), absent(), "cancer_2ww"),
            new HeadlineRows("2ww_breast_symptomatic", is("UBS referral to FHA"), absent(), any(), absent(), "cancer_2ww_breast"),
            longExtract("28d_fds", "cancer_28d_fds"),
            longExtract("31d_combined", "cancer_31d_combined"),
            longExtract("62d_combined", "cancer_62d_combined"),
            longExtract("2ww_usc", "cancer_2ww"),
            longExtract("2ww_breast_symptomatic", "cancer_2ww_breast"),
            longExtract("31d_first", "cancer_31d_first"),
            longExtract("31d_subsequent_surgery", "cancer_31d_sub_surgery"),
            longExtract("31d_subsequent_drugs", "cancer_31d_sub_drugs"),
            longExtract("31d_subsequent_radiotherapy", "cancer_31d_sub_radio"),
            longExtract("62d_gp", "cancer_62d_gp"),
            longExtract("62d_screening", "cancer_62d_screening"));

    private static final DataType COUNT = MetricCounts.COUNT_TYPE;

    private CancerMetricCounts() { }

    /** The cancer metrics per month and provider; see the class comment. */
    public static Dataset<Row> from(Dataset<Row> cancerWaitingTimes) {
        Column metricId = null;
        for (HeadlineRows rule : HEADLINE_ROWS) {
            Column match = rule.matches();
            metricId = metricId == null ? when(match, lit(rule.metricId())) : metricId.when(match, lit(rule.metricId()));
        }
        return cancerWaitingTimes.filter(not(col("is_control_row")))
                .withColumn("metric_id", metricId)
                .filter(col("metric_id").isNotNull())
                .groupBy(col("month"), col("org_code"), col("metric_id"))
                .agg(sumUnlessAnyNull("within_standard_count").as("numerator"),
                        sumUnlessAnyNull("total_count").as("denominator"))
                .select(col("month"), col("org_code"), col("metric_id"),
                        col("numerator").cast(COUNT).as("numerator"), col("denominator").cast(COUNT).as("denominator"),
                        MetricCounts.noCommissioner());
    }

    /** Σ of the column, or null when any row of the group has it null (suppressed). */
    private static Column sumUnlessAnyNull(String column) {
        return when(count(col(column)).equalTo(count(lit(1))), sum(col(column)));
    }

    /**
     * The rows of one standard that form a metric's headline: a match on each of the labels that
     * place a row in the published workbook.
     */
    record HeadlineRows(String standard, Match sheet, Match part, Match breakdown1, Match breakdown2, String metricId) {
        Column matches() {
            return col("standard").equalTo(lit(standard))
                    .and(sheet.on(col("sheet")))
                    .and(part.on(col("part")))
                    .and(breakdown1.on(col("breakdown_1")))
                    .and(breakdown2.on(col("breakdown_2")));
        }
    }

    /** What a label must be: a given text ({@code value}), absent ({@code null}), or anything ({@code any}). */
    record Match(String value, boolean any) {
        Column on(Column label) {
            if (any) return lit(true);
            if (value == null) return label.isNull();
            // spaces normalised, then matched ignoring case by Java's case rules: Spark's upper() maps
            // case with ICU, whose tables take about a second to load in each new JVM
            return trim(regexp_replace(label, "[\\s\\u00A0]+", " "))
                    .rlike("(?iu)^" + java.util.regex.Pattern.quote(normalise(value)) + "$");
        }

        private static String normalise(String text) {
            return text.replaceAll("[\\s\\u00A0]+", " ").trim().toUpperCase(Locale.ROOT);
        }
    }

    private static Match is(String value) { return new Match(value, false); }

    private static Match absent() { return new Match(null, false); }

    private static Match any() { return new Match(null, true); }

    /** A long extract's one row per provider for a standard: no sheet, part or breakdown. */
    private static HeadlineRows longExtract(String standard, String metricId) {
        return new HeadlineRows(standard, absent(), absent(), absent(), absent(), metricId);
    }
}
