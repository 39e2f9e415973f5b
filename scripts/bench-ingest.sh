#!/usr/bin/env bash
# Ingest benchmark: `stp ingest` against DuckDB turning the same CSV into Parquet.
#
# Usage:
#   scripts/bench-ingest.sh [--runs N] [--file PATH] [--rows N] [--workdir DIR] [--keep] [--help]
#
#   --runs N       timed runs per variant (default 5); the table reports median, min and max
#   --file PATH    benchmark this file instead of the RTT April 2026 full extract. A .zip is
#                  unzipped once for the "unzipped" variants; a plain CSV is zipped once here
#                  (zip, or python3) so both stp variants still run. The file must be a return
#                  `stp ingest` recognises, or the run stops.
#   --rows N       data rows used for rows/s (default: 180,781 for the RTT extract, otherwise
#                  the row count DuckDB reports for the file)
#   --workdir DIR  scratch folder for landings, warehouses and logs (default: a fresh mktemp -d,
#                  deleted at the end unless --keep)
#   --keep         keep the scratch folder
#
# Environment:
#   STP_REAL_DATA  real data folder (default <repo>/../shared/data/real); the default input is
#                  $STP_REAL_DATA/rtt_full_extract/20260430-RTT-April-2026-full-extract.csv.zip
#   DUCKDB_JAR     duckdb_jdbc jar (default: org.duckdb:duckdb_jdbc:1.5.6.0 from the local Maven
#                  repository, fetched with `mvn -o dependency:get` when it is not there yet)
#   STP_JAVA_OPTS  passed through to scripts/stp (e.g. -Xmx8g)
#
# Variants, each timed as a WHOLE process (JVM start included) with a fresh, empty output:
#   stp zip        scripts/stp ingest, landing folder holding the zip as published
#   stp csv        scripts/stp ingest, landing folder holding the CSV unzipped beforehand (not timed)
#   duckdb         java -cp duckdb_jdbc.jar scripts/bench/DuckDbRun.java \
#                    scripts/bench/duckdb_csv_to_parquet.sql csv=CSV out=OUT.parquet
# The variants are interleaved run by run (zip, csv, duckdb, zip, ...) so that load from other
# processes on the machine spreads over all of them. The application is built before timing
# (scripts/stp --version). Wall time is taken with `date +%s.%N` around each process; peak RSS
# comes from `/usr/bin/time -v` ("Maximum resident set size", the largest over the runs) when
# GNU time is available (installed with apt-get when running as root), otherwise n/a.
#
# Exit codes: 0 done; 1 a run failed (its output is shown); 2 usage error or missing input.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_name=bench-ingest
# shellcheck source=bench/lib.sh
. "$root/scripts/bench/lib.sh"
die() { bench_die "$@"; }

RTT_NAME="20260430-RTT-April-2026-full-extract.csv.zip"
RTT_ROWS=180781

runs=5 file="" rows="" workdir="" keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) bench_usage "${BASH_SOURCE[0]}"; exit 0 ;;
    --runs) [ $# -ge 2 ] || die "--runs needs a value"; runs="$2"; shift 2 ;;
    --runs=*) runs="${1#*=}"; shift ;;
    --file) [ $# -ge 2 ] || die "--file needs a value"; file="$2"; shift 2 ;;
    --file=*) file="${1#*=}"; shift ;;
    --rows) [ $# -ge 2 ] || die "--rows needs a value"; rows="$2"; shift 2 ;;
    --rows=*) rows="${1#*=}"; shift ;;
    --workdir) [ $# -ge 2 ] || die "--workdir needs a value"; workdir="$2"; shift 2 ;;
    --workdir=*) workdir="${1#*=}"; shift ;;
    --keep) keep=1; shift ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
bench_need_count --runs "$runs"
[ -z "$rows" ] || bench_need_count --rows "$rows"

# ---- input -------------------------------------------------------------------------------------
if [ -z "$file" ]; then
  real="${STP_REAL_DATA:-$root/../shared/data/real}"
  file="$real/rtt_full_extract/$RTT_NAME"
  if [ ! -f "$file" ]; then
    echo "bench-ingest: the real RTT full extract is missing: $file" >&2
    echo "bench-ingest: set STP_REAL_DATA to the real data folder, or pass --file PATH" >&2
    exit 2
  fi
  [ -n "$rows" ] || rows=$RTT_ROWS
  expect_rows=$RTT_ROWS
else
  [ -f "$file" ] || die "no such file: $file"
  expect_rows=""
fi
file="$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"

# ---- tools -------------------------------------------------------------------------------------
command -v java >/dev/null || die "java is not on the PATH"
bench_find_gnutime
bench_find_duckdb
sql="$root/scripts/bench/duckdb_csv_to_parquet.sql"
runner="$root/scripts/bench/DuckDbRun.java"

# ---- scratch folder: landings prepared once, outside the timings ----------------------------------
bench_scratch "$workdir" "$keep"
rm -rf "$work/land-zip" "$work/land-csv" "$work/logs" "$work"/*.times   # a reused --workdir
mkdir -p "$work/land-zip" "$work/land-csv" "$work/logs"

case "$file" in
  *.zip|*.ZIP)
    cp "$file" "$work/land-zip/"
    command -v unzip >/dev/null || die "unzip is needed to unzip $file beforehand"
    unzip -q -o -j "$file" '*.csv' '*.CSV' -x '__MACOSX/*' -d "$work/land-csv" 2>/dev/null || true
    zip_note="as published" ;;
  *)
    cp "$file" "$work/land-csv/"
    zipped="$work/land-zip/$(basename "$file").zip"
    if command -v zip >/dev/null; then (cd "$work/land-csv" && zip -q -X "$zipped" "$(basename "$file")")
    elif command -v python3 >/dev/null; then
      python3 -c 'import sys,zipfile,os; zipfile.ZipFile(sys.argv[1],"w",zipfile.ZIP_DEFLATED).write(sys.argv[2],os.path.basename(sys.argv[2]))' "$zipped" "$file"
    else die "zip or python3 is needed to zip $file for the zip variant"; fi
    zip_note="zipped here" ;;
esac
csvs=("$work"/land-csv/*)
[ ${#csvs[@]} -eq 1 ] && [ -f "${csvs[0]}" ] || die "expected exactly one CSV from $file, got: ${csvs[*]}"
csv="${csvs[0]}"

# ---- machine and build -----------------------------------------------------------------------
echo "== machine"
bench_machine
echo "== build (not timed)"
bench_build
echo "duckdb:  $duckdb_jar"
echo "== input"
echo "file:    $file ($(du -h "$file" | cut -f1))"
echo "csv:     $(basename "$csv") ($(du -h "$csv" | cut -f1), unzipped beforehand)"
echo "runs:    $runs per variant, interleaved; time: date +%s.%N; RSS: ${gnutime:-n/a (no GNU time)}"

# ---- timing (timed, median, stats: scripts/bench/lib.sh) ---------------------------------------
run_stp() {
  local variant="$1" i="$2" wh="$work/wh-$1-$2"
  rm -rf "$wh"
  timed "stp-$variant" "$work/logs/stp-$variant-$i" "$root/scripts/stp" ingest --landing "$work/land-$variant" --warehouse "$wh"
  grep -q '^files: 1 ingested' "$work/logs/stp-$variant-$i" || {
    echo "bench-ingest: stp $variant run $i did not ingest the file:" >&2
    sed 's/^/  | /' "$work/logs/stp-$variant-$i" "$work/logs/stp-$variant-$i.err" >&2; exit 1; }
  rm -rf "$wh"
}

run_duckdb() {
  local i="$1" out="$work/duckdb-$1.parquet"
  rm -f "$out"
  timed duckdb "$work/logs/duckdb-$i" java -cp "$duckdb_jar" "$runner" "$sql" "csv=$csv" "out=$out"
  rm -f "$out"
}

for i in $(seq 1 "$runs"); do
  echo "== round $i/$runs"
  run_stp zip "$i";  echo "  stp zip     $(tail -n 1 "$work/stp-zip.times" | cut -d' ' -f1) s"
  run_stp csv "$i";  echo "  stp csv     $(tail -n 1 "$work/stp-csv.times" | cut -d' ' -f1) s"
  run_duckdb "$i";   echo "  duckdb      $(tail -n 1 "$work/duckdb.times" | cut -d' ' -f1) s"
done

# ---- report ----------------------------------------------------------------------------------
duck_rows="$(sed -n 's/^duckdb: \([0-9]*\) rows.*/\1/p' "$work/logs/duckdb-1.err")"
if [ -z "$rows" ]; then
  [ -n "$duck_rows" ] || { echo "bench-ingest: could not read DuckDB's row count; pass --rows N" >&2; exit 1; }
  rows="$duck_rows"; rows_from="as counted by DuckDB"
else rows_from="${expect_rows:+RTT April 2026 full extract}"; rows_from="${rows_from:-from --rows}"; fi
if [ -n "$expect_rows" ] && [ -n "$duck_rows" ] && [ "$duck_rows" != "$expect_rows" ]; then
  echo "warning: DuckDB wrote $duck_rows rows, the extract has $expect_rows" >&2
fi

read -r zmed zmin zmax zrss zcpu <<<"$(stats stp-zip)"
read -r cmed cmin cmax crss ccpu <<<"$(stats stp-csv)"
read -r dmed dmin dmax drss dcpu <<<"$(stats duckdb)"
rate() { group "$(awk -v r="$rows" -v s="$1" 'BEGIN { if (s > 0) printf "%.0f", r / s; else print "n/a" }')"; }
ratio() { awk -v a="$1" -v b="$dmed" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "n/a" }'; }

echo
echo "== results: $(basename "$file"), $(group "$rows") rows ($rows_from), medians of $runs run(s), whole processes"
fmt="%-34s %4s %9s %7s %7s %9s %10s %11s %10s\n"
# shellcheck disable=SC2059
{
printf "$fmt" variant runs "median s" "min s" "max s" "peak MiB" "CPU s" "rows/s" "vs duckdb"
printf "$fmt" "stp ingest, zip ($zip_note)" "$runs" "$zmed" "$zmin" "$zmax" "$zrss" "$zcpu" "$(rate "$zmed")" "$(ratio "$zmed")"
printf "$fmt" "stp ingest, csv (unzipped before)" "$runs" "$cmed" "$cmin" "$cmax" "$crss" "$ccpu" "$(rate "$cmed")" "$(ratio "$cmed")"
printf "$fmt" "duckdb read_csv -> parquet" "$runs" "$dmed" "$dmin" "$dmax" "$drss" "$dcpu" "$(rate "$dmed")" "1.0x"
}
echo "(median s, min, max: wall clock; peak MiB: largest max RSS over the runs; CPU s: median user+sys;"
echo " rows/s: rows / median wall; vs duckdb: median wall / DuckDB's median wall)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min average, after the runs)"

echo
echo "== where the time goes (last run)"
for v in zip csv; do
  echo "stp $v, run $runs ($(tail -n 1 "$work/stp-$v.times" | cut -d' ' -f1) s wall):"
  grep -v '^manifest:' "$work/logs/stp-$v-$runs" | sed 's/^/  /'
  awk '/^  (list|detect|ingest) / && match($0, /\(([0-9.]+) s\)$/) { s += substr($0, RSTART+1, RLENGTH-4) }
       END { printf "  = %.1f s in the steps above; the rest of the wall time is JVM and Spark start-up, manifest and shutdown\n", s }' \
    "$work/logs/stp-$v-$runs"
done
echo "duckdb, run $runs ($(tail -n 1 "$work/duckdb.times" | cut -d' ' -f1) s wall):"
sed 's/^/  /' "$work/logs/duckdb-$runs.err"
echo "  (the rest of the wall time is JVM start, compiling DuckDbRun.java and loading DuckDB's native library)"
