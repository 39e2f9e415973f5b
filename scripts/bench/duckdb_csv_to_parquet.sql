-- DuckDB side of scripts/bench-ingest.sh: the CSV -> Parquet baseline, one typed pass.
-- DuckDbRun.java replaces {csv} and {out} with the paths (single quotes doubled), then executes.
-- sample_size=-1 makes the type sniffer look at every row, as a contract-typed parse must.
COPY (
  SELECT * FROM read_csv('{csv}', header = true, all_varchar = false, sample_size = -1)
) TO '{out}' (FORMAT parquet);
