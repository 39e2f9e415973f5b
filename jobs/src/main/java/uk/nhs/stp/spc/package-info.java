/**
 * Statistical process control (Making Data Count XmR charts) for every area × metric series.
 *
 * <p>The pure core — {@link uk.nhs.stp.spc.XmrChart} with {@link uk.nhs.stp.spc.ProcessLimits},
 * {@link uk.nhs.stp.spc.SpecialCauseRules} and {@link uk.nhs.stp.spc.SeriesSummary} — works on one
 * series in plain Java; its defaults ({@link uk.nhs.stp.spc.SpcParameters#DEFAULTS}) reproduce
 * the NHS-R {@code NHSRplotthedots} package. {@link uk.nhs.stp.spc.SpcMarts} runs it on Spark
 * executors, one series per group, to build {@code spc_metric_month} and {@code spc_summary}.
 */
package uk.nhs.stp.spc;
