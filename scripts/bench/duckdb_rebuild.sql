-- DuckDB side of scripts/bench.sh: the England and footprint metric-month values of the compared
-- metrics, rebuilt from the landing CSVs in one pass, by the definitions of docs/methods.md
-- (every rate a ratio of summed counts; published total rows left out).
--
-- Placeholders (DuckDbRun.java fills them in):
--   {landing}  the landing folder as `stp generate` lays it out: ae/*.csv, cancer/*.csv,
--              lookups/Trust-STP-lookup.csv, lookups/ccg18_to_stp18_to_nhser18.csv
--   {rtt}      a folder holding every RTT full extract as plain CSV. DuckDB cannot read a zip, so
--              scripts/bench/duckdb_rebuild.sh unzips the zipped extracts into it (and links the
--              plain ones) inside the timed process.
--   {out}      Parquet file written: area_level, area_code, month, metric_id, numerator,
--              denominator, value (the columns of england_metric_month / footprint_metric_month)
--
-- What it reads is chosen by folder, not by content as `stp ingest` does: this script is a
-- yardstick for the generated landing, not a second ingest.

-- Footprints of the landed lookups (vintage 2018, as `stp marts` resolves "latest" for them):
-- providers through the trust lookup (A&E, cancer), commissioners through the CCG lookup (RTT).
CREATE TEMP TABLE provider_footprint AS
SELECT DISTINCT trim(code) AS org_code, trim(STP_code) AS footprint_code
FROM read_csv('{landing}/lookups/Trust-STP-lookup.csv', header = true, all_varchar = true);

CREATE TEMP TABLE commissioner_footprint AS
SELECT DISTINCT trim(ccg18cdh) AS org_code, trim(stp18cd) AS footprint_code
FROM read_csv('{landing}/lookups/ccg18_to_stp18_to_nhser18.csv', header = true, all_varchar = true);

-- A&E: one file per month, or two when a revised file re-issues a month; as in `stp ingest`, the
-- most recently modified file of a month wins (a file named "revised" on a tie: DuckDB's
-- modification times are whole seconds).
CREATE TEMP TABLE ae_rows AS
SELECT strptime(Period, 'MSitAE-%B-%Y')::DATE AS month, trim("Org Code") AS org_code, filename,
       "A&E attendances Type 1" + "A&E attendances Type 2" + "A&E attendances Other A&E Department"
         + "A&E attendances Booked Appointments Type 1" + "A&E attendances Booked Appointments Type 2"
         + "A&E attendances Booked Appointments Other Department" AS attended,
       "Attendances over 4hrs Type 1" + "Attendances over 4hrs Type 2" + "Attendances over 4hrs Other Department"
         + "Attendances over 4hrs Booked Appointments Type 1" + "Attendances over 4hrs Booked Appointments Type 2"
         + "Attendances over 4hrs Booked Appointments Other Department" AS over_4h
FROM read_csv('{landing}/ae/*.csv', header = true, filename = true, union_by_name = true,
              types = {'Period': 'VARCHAR', 'Org Code': 'VARCHAR'})
WHERE upper(trim("Org Code")) <> 'TOTAL';

CREATE TEMP TABLE ae_file_of_month AS
SELECT month, filename FROM (
  SELECT r.month, r.filename,
         row_number() OVER (PARTITION BY r.month
                            ORDER BY f.last_modified DESC, r.filename LIKE '%revised%' DESC, r.filename DESC) AS rank
  FROM (SELECT DISTINCT month, filename FROM ae_rows) r
  JOIN read_blob('{landing}/ae/*.csv') f ON f.filename = r.filename)
WHERE rank = 1;

-- RTT: incomplete pathways (Part_2), the C_999 total rows left out. Bands 0-17 are waits up to
-- 18 weeks; bands from "Gt 52 To 53" (to the open "Gt 104") are waits over 52 weeks.
CREATE TEMP TABLE rtt_rows AS
SELECT strptime(Period, 'RTT-%B-%Y')::DATE AS month, "Commissioner Org Code" AS commissioner,
       "Total All" AS total_all,
       list_sum([*COLUMNS('^Gt (0[0-9]|1[0-7]) To ')]) AS within_18,
       list_sum([*COLUMNS('^Gt (5[2-9]|[6-9][0-9]|10[0-3]) To |^Gt 104 Weeks')]) AS over_52
FROM read_csv('{rtt}/*.csv', header = true)
WHERE "RTT Part Type" = 'Part_2' AND "Treatment Function Code" <> 'C_999';

-- Cancer: the headline rows of each standard (CancerMetricCounts.HEADLINE_ROWS), England rows
-- (blank ODS code) left out. Counts can be halves.
CREATE TEMP TABLE cancer_rows AS
SELECT strptime(period, '%b-%y')::DATE AS month, trim(ods_code) AS org_code,
       CASE WHEN sheet = '28-DAY FDS (ALL ROUTES)' AND part IS NULL AND breakdown_1 = 'ALL ROUTES'
                 AND breakdown_2 IS NULL THEN 'cancer_28d_fds'
            WHEN sheet = '31-DAY (ALL CANCER)' AND part = 'PART A: ALL STAGES' AND breakdown_1 = 'ALL STAGES'
                 AND breakdown_2 = 'ALL CANCERS' THEN 'cancer_31d_combined'
            WHEN sheet = '62-DAY (ALL CANCER)' AND part = 'PART A: ALL ROUTES' AND breakdown_1 = 'ALL ROUTES'
                 AND breakdown_2 = 'ALL CANCERS' THEN 'cancer_62d_combined'
            WHEN sheet = 'USC referral to FOA' AND part IS NULL AND breakdown_2 IS NULL THEN 'cancer_2ww'
       END AS metric_id,
       within_standard, total
FROM read_csv('{landing}/cancer/*.csv', header = true, all_varchar = false,
              types = {'period': 'VARCHAR', 'ods_code': 'VARCHAR', 'part': 'VARCHAR', 'breakdown_2': 'VARCHAR',
                       'total': 'DECIMAL(18,1)', 'within_standard': 'DECIMAL(18,1)',
                       'after_standard': 'DECIMAL(18,1)'})
WHERE ods_code IS NOT NULL AND trim(ods_code) <> '';

-- Counts per month x metric x organisation (the organisation of the metric's footprint basis).
CREATE TEMP TABLE org_counts AS
SELECT a.month, 'ae_4h' AS metric_id, a.org_code, 'provider' AS basis,
       sum(attended - over_4h)::DECIMAL(18,1) AS numerator, sum(attended)::DECIMAL(18,1) AS denominator
FROM ae_rows a JOIN ae_file_of_month f USING (month, filename)
GROUP BY ALL
UNION ALL
SELECT month, 'rtt_18w_incomplete', commissioner, 'commissioner', sum(within_18), sum(total_all)
FROM rtt_rows GROUP BY ALL
UNION ALL
SELECT month, 'rtt_incomplete_total', commissioner, 'commissioner', sum(total_all), NULL
FROM rtt_rows GROUP BY ALL
UNION ALL
SELECT month, 'rtt_52w_plus', commissioner, 'commissioner', sum(over_52), NULL
FROM rtt_rows GROUP BY ALL
UNION ALL
SELECT month, metric_id, org_code, 'provider', sum(within_standard), sum(total)
FROM cancer_rows WHERE metric_id IS NOT NULL GROUP BY ALL;

COPY (
  WITH areas AS (
    SELECT 'england' AS area_level, 'E92000001' AS area_code, month, metric_id, numerator, denominator
    FROM org_counts
    UNION ALL
    SELECT 'footprint', coalesce(p.footprint_code, c.footprint_code), o.month, o.metric_id, o.numerator, o.denominator
    FROM org_counts o
    LEFT JOIN provider_footprint p ON o.basis = 'provider' AND p.org_code = o.org_code
    LEFT JOIN commissioner_footprint c ON o.basis = 'commissioner' AND c.org_code = o.org_code
    WHERE coalesce(p.footprint_code, c.footprint_code) IS NOT NULL)
  SELECT area_level, area_code, month, metric_id,
         sum(numerator) AS numerator, sum(denominator) AS denominator,
         CASE WHEN metric_id IN ('rtt_incomplete_total', 'rtt_52w_plus') THEN sum(numerator)
              WHEN sum(denominator) > 0 THEN round(100 * sum(numerator)::DOUBLE / sum(denominator)::DOUBLE, 4)
         END AS value
  FROM areas
  GROUP BY area_level, area_code, month, metric_id
  ORDER BY area_level, area_code, month, metric_id
) TO '{out}' (FORMAT parquet);
