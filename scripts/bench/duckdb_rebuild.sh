#!/usr/bin/env bash
# DuckDB full rebuild for scripts/bench.sh, as one process tree to time:
#   scripts/bench/duckdb_rebuild.sh DUCKDB_JAR LANDING OUT.parquet
# 1. puts every RTT full extract of LANDING/rtt as a plain CSV into a scratch folder: the zipped
#    ones unzipped (DuckDB cannot read a zip; `stp ingest` reads them as published), the plain ones
#    hard-linked (copied when the file system refuses links);
# 2. runs scripts/bench/duckdb_rebuild.sql on it with DuckDbRun.java, writing OUT.parquet;
# 3. deletes the scratch folder.
# Exit codes: 0 done; 1 a step failed; 2 usage error.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -eq 3 ] || { echo "usage: $0 DUCKDB_JAR LANDING OUT.parquet" >&2; exit 2; }
jar="$1" landing="$2" out="$3"
[ -d "$landing/rtt" ] || { echo "duckdb_rebuild: no rtt folder in $landing" >&2; exit 2; }

rtt="$(mktemp -d "${TMPDIR:-/tmp}/duckdb-rtt.XXXXXX")"
trap 'rm -rf "$rtt"' EXIT
t0="$(date +%s.%N)"
for f in "$landing"/rtt/*; do
  case "$f" in
    *.zip|*.ZIP)
      # the CSV entries, not the __MACOSX/._* shadows some published zips carry
      unzip -Z1 "$f" | grep -i '\.csv$' | grep -v '^__MACOSX/' | while IFS= read -r entry; do
        unzip -q -o -j "$f" "$entry" -d "$rtt"
      done ;;
    *.csv|*.CSV) ln "$f" "$rtt/" 2>/dev/null || cp "$f" "$rtt/" ;;
  esac
done
echo "duckdb_rebuild: $(find "$rtt" -type f | wc -l) RTT extract(s) ready in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}') s (unzipped or linked)" >&2
java -cp "$jar" "$here/DuckDbRun.java" "$here/duckdb_rebuild.sql" "landing=$landing" "rtt=$rtt" "out=$out"
