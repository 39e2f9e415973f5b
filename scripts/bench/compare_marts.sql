-- Correctness check of scripts/bench.sh: Spark's published England and footprint metric-month
-- marts against DuckDB's rebuild (scripts/bench/duckdb_rebuild.sql), for the metrics DuckDB computes.
--
-- Placeholders (DuckDbRun.java fills them in):
--   {warehouse}  the Spark warehouse; marts are read from {warehouse}/marts/<table>/*.parquet
--   {duckdb}     the Parquet file duckdb_rebuild.sql wrote
--
-- A row disagrees when it has data on one side only, when a numerator or denominator differs by
-- more than 0.05 (counts are whole or halves), or when a value differs by more than 0.0001 (the
-- marts round values half-up to 4 decimal places, DuckDB rounds its double). Spark rows without
-- data (has_data false: the dense grid's empty months) are not compared.
-- Output: one summary row (compared, disagreements), then up to 20 disagreeing rows.

CREATE TEMP TABLE duck AS SELECT * FROM read_parquet('{duckdb}');

CREATE TEMP TABLE spark AS
SELECT area_level, area_code, month, metric_id, numerator, denominator, value
FROM read_parquet(['{warehouse}/marts/england_metric_month/*.parquet',
                   '{warehouse}/marts/footprint_metric_month/*.parquet'])
WHERE has_data AND metric_id IN (SELECT DISTINCT metric_id FROM duck);

CREATE TEMP TABLE compared AS
SELECT area_level, area_code, month, metric_id,
       s.numerator AS spark_numerator, d.numerator AS duckdb_numerator,
       s.denominator AS spark_denominator, d.denominator AS duckdb_denominator,
       s.value AS spark_value, d.value AS duckdb_value,
       CASE WHEN s.metric_id IS NULL THEN 'only in duckdb'
            WHEN d.metric_id IS NULL THEN 'only in spark'
            WHEN (s.numerator IS NULL) <> (d.numerator IS NULL)
              OR abs(s.numerator::DOUBLE - d.numerator::DOUBLE) > 0.05 THEN 'numerator'
            WHEN (s.denominator IS NULL) <> (d.denominator IS NULL)
              OR abs(s.denominator::DOUBLE - d.denominator::DOUBLE) > 0.05 THEN 'denominator'
            WHEN (s.value IS NULL) <> (d.value IS NULL)
              OR abs(s.value::DOUBLE - d.value::DOUBLE) > 0.0001 + 1e-9 THEN 'value'
       END AS disagreement
FROM spark s FULL OUTER JOIN duck d USING (area_level, area_code, month, metric_id);

SELECT count(*) AS compared, count(disagreement) AS disagreements,
       count(DISTINCT metric_id) AS metrics, count(DISTINCT month) AS months,
       count(DISTINCT area_code) FILTER (WHERE area_level = 'footprint') AS footprints
FROM compared;

SELECT * FROM compared WHERE disagreement IS NOT NULL
ORDER BY month, metric_id, area_level, area_code LIMIT 20;
