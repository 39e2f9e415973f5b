#!/usr/bin/env bash
# National-scale benchmark: the full rebuild and the nightly run of stp against DuckDB computing the
# same England and footprint metrics, on years of generated national returns.
#
# Usage:
#   scripts/bench.sh [--years N] [--runs R] [--scaling LIST] [--seed S] [--workdir DIR] [--keep] [--help]
#
#   --years N       years of history (financial years ending March 2026; default 10)
#   --runs R        timed runs of each measurement (default 3); the tables report medians
#   --scaling LIST  comma-separated history lengths in years for the scaling table (default 1,3,10);
#                   lengths above N are left out, N itself is always in it
#   --seed S        generator seed (default 2016)
#   --workdir DIR   scratch folder (default: a fresh mktemp -d, deleted at the end unless --keep).
#                   Generated years are kept in DIR/gen and reused by a later run with the same seed
#                   and the same generator sources
#   --keep          keep the scratch folder
#
# Environment:
#   DUCKDB_JAR      duckdb_jdbc jar (default: org.duckdb:duckdb_jdbc:1.5.6.0 from the local Maven
#                   repository, fetched with `mvn dependency:get` when it is not there yet)
#   STP_JAVA_OPTS   passed through to scripts/stp (e.g. -Xmx8g)
#   STP_CDS         passed through to scripts/stp (off: no class-data-sharing archive)
#
# Phase 1 (not timed): builds the application, then generates the national returns one financial
# year at a time (`stp generate --scale national`, ~180,000 RTT rows a month) into DIR/gen/fy-YYYY,
# plus April 2026 as the nightly run's new month. A month's files do not depend on which months are
# generated with it, so a history of Y years is the hard-linked files of its last Y years.
#
# Phase 2 (timed): each measurement runs as WHOLE processes (JVM start included), R times,
# interleaved round by round so that load from other processes spreads over all of them:
#   full rebuild   scripts/stp ingest --landing L --warehouse W (fresh W), then scripts/stp marts
#                  --warehouse W (marts, SPC and trajectories); reported as ingest, marts and their sum
#   duckdb         scripts/bench/duckdb_rebuild.sh: unzips the zipped RTT extracts (DuckDB cannot read
#                  a zip; stp reads them as published) and runs scripts/bench/duckdb_rebuild.sql, which
#                  reads the same landing CSVs and computes England and footprint values of ae_4h,
#                  rtt_18w_incomplete, rtt_incomplete_total, rtt_52w_plus, cancer_28d_fds,
#                  cancer_31d_combined, cancer_62d_combined and cancer_2ww. It does less than stp (no
#                  validation, lineage, rejects, other metrics, SPC or trajectories): a yardstick
#   nightly        after a round's full rebuild, April 2026's files are added to its landing and
#                  `scripts/stp nightly --landing L --warehouse W` is timed, when `scripts/stp nightly
#                  --help` prints the nightly command's usage; otherwise this line is skipped with a note
# Wall time is taken with `date +%s.%N` around each process; peak RSS and CPU seconds come from
# `/usr/bin/time -v` when GNU time is available, otherwise n/a. Rows/s = data rows of the landing
# files (control rows included) / median wall. The scaling table repeats the full rebuild and DuckDB
# for each history length of --scaling (R runs each) and reports seconds per million rows.
#
# Phase 3 (correctness, not timed): in the first round of every history length, Spark's published
# england_metric_month and footprint_metric_month (read by DuckDB from W/marts/<table>/) are compared
# with DuckDB's values for the same metrics: the same (area, month, metric) rows with data, counts
# equal to 0.05, values to 0.0001. After the nightly run, the marts are compared with DuckDB over the
# landing with the new month. Any disagreement fails the benchmark.
#
# Exit codes: 0 done, Spark and DuckDB agree; 1 a run failed (its output is shown) or Spark and
# DuckDB disagree (the disagreeing rows are shown); 2 usage error or missing tool.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_name=bench
# shellcheck source=bench/lib.sh
. "$root/scripts/bench/lib.sh"

LAST_FY=2025                       # the history ends with financial year 2025/26 (March 2026)
NEXT_MONTH="$((LAST_FY + 1))-04"   # the month the nightly run adds

years=10 runs=3 scaling="1,3,10" seed=2016 workdir="" keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) bench_usage "${BASH_SOURCE[0]}"; exit 0 ;;
    --years) [ $# -ge 2 ] || bench_die "--years needs a value"; years="$2"; shift 2 ;;
    --years=*) years="${1#*=}"; shift ;;
    --runs) [ $# -ge 2 ] || bench_die "--runs needs a value"; runs="$2"; shift 2 ;;
    --runs=*) runs="${1#*=}"; shift ;;
    --scaling) [ $# -ge 2 ] || bench_die "--scaling needs a value"; scaling="$2"; shift 2 ;;
    --scaling=*) scaling="${1#*=}"; shift ;;
    --seed) [ $# -ge 2 ] || bench_die "--seed needs a value"; seed="$2"; shift 2 ;;
    --seed=*) seed="${1#*=}"; shift ;;
    --workdir) [ $# -ge 2 ] || bench_die "--workdir needs a value"; workdir="$2"; shift 2 ;;
    --workdir=*) workdir="${1#*=}"; shift ;;
    --keep) keep=1; shift ;;
    *) bench_die "unknown argument '$1' (see --help)" ;;
  esac
done
bench_need_count --years "$years"
bench_need_count --runs "$runs"
[[ "$seed" =~ ^-?[0-9]+$ ]] || bench_die "--seed must be a whole number, not '$seed'"
[[ "$scaling" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || bench_die "--scaling must be a list like 1,3,10, not '$scaling'"
# history lengths: those of --scaling up to N, and N; ascending, no repeats
lengths="$( (tr ',' '\n' <<<"$scaling"; echo "$years") | awk -v n="$years" '$1 <= n' | sort -n -u | tr '\n' ' ')"

command -v java >/dev/null || bench_die "java is not on the PATH"
command -v unzip >/dev/null || bench_die "unzip is needed by the DuckDB side (DuckDB cannot read a zip)"
bench_find_gnutime
bench_find_duckdb
bench_scratch "$workdir" "$keep"
duckdb_run() { java -cp "$duckdb_jar" "$root/scripts/bench/DuckDbRun.java" "$@"; }

echo "== machine"
bench_machine
echo "== build (not timed)"
bench_build
echo "duckdb:  $duckdb_jar"
# the nightly command exists when its own help comes back (an unknown command prints the top-level help)
nightly=0
if "$root/scripts/stp" nightly --help 2>/dev/null | grep -q 'Usage: stp nightly'; then nightly=1; fi

# ---- phase 1: generate each financial year once (not timed) ------------------------------------
# A chunk is reused when its marker records the same seed and the same generator sources.
generator="$(cd "$root" && { git rev-parse HEAD:jobs/src/main/java/uk/nhs/stp/generate \
  HEAD:jobs/src/main/resources/generate 2>/dev/null; git diff --quiet HEAD -- jobs/src/main/java/uk/nhs/stp/generate \
  jobs/src/main/resources/generate 2>/dev/null || echo "uncommitted $(date +%s)"; } | tr '\n' ' ')"
mkdir -p "$work/gen" "$work/logs"
# generate_chunk NAME FROM MONTHS: DIR/gen/NAME holds MONTHS months from FROM; its data rows in DIR/gen/NAME.rows
generate_chunk() {
  local name="$1" from="$2" months="$3" dir="$work/gen/$1"
  local marker="seed=$seed from=$from months=$months generator=$generator"
  if [ -f "$dir.done" ] && [ "$(cat "$dir.done")" = "$marker" ]; then echo "  $name reused"; return; fi
  rm -rf "$dir" "$dir.done" "$dir.rows"
  local t0; t0="$(date +%s)"
  "$root/scripts/stp" generate --scale national --out "$dir" --from "$from" --months "$months" --seed "$seed" \
    >"$work/logs/generate-$name" 2>"$work/logs/generate-$name.err" \
    || { echo "$bench_name: generating $name failed:" >&2; sed 's/^/  | /' "$work/logs/generate-$name"* >&2; exit 1; }
  awk '/ file\(s\), / {gsub(",", "", $(NF-1)); rows += $(NF-1)} END {print rows + 0}' "$work/logs/generate-$name" >"$dir.rows"
  echo "$marker" >"$dir.done"
  echo "  $name: $months month(s) from $from, $(group "$(cat "$dir.rows")") rows, $(du -sh "$dir" | cut -f1) ($(( $(date +%s) - t0 )) s)"
}
echo "== generate (not timed): $years year(s) of national returns, seed $seed"
first_fy=$((LAST_FY - years + 1))
for fy in $(seq "$first_fy" "$LAST_FY"); do generate_chunk "fy-$fy" "$fy-04" 12; done
[ "$nightly" = 0 ] || generate_chunk next "$NEXT_MONTH" 1

# landing_rows Y: data rows of the last Y years' files (the lookups counted once)
landing_rows() {
  local y="$1" total=0 lookups fy
  lookups="$(awk '/^  (trust|ccg)_lookup / {gsub(",", "", $(NF-1)); s += $(NF-1)} END {print s + 0}' "$work/logs/generate-fy-$LAST_FY")"
  for fy in $(seq $((LAST_FY - y + 1)) "$LAST_FY"); do total=$((total + $(cat "$work/gen/fy-$fy.rows") - lookups)); done
  echo $((total + lookups))
}
# link_returns SRC DST: hard links (modification times kept) to SRC's returns in DST, lookups left out
link_returns() {
  local sub
  for sub in "$1"/*/; do
    sub="${sub%/}"
    [ "$(basename "$sub")" = lookups ] && continue
    mkdir -p "$2/$(basename "$sub")"
    cp -al "$sub/." "$2/$(basename "$sub")/"
  done
}
# make_landing Y DIR: DIR holds the last Y years' returns and the lookups (the same bytes in every year)
make_landing() {
  local y="$1" dir="$2" fy
  rm -rf "$dir"; mkdir -p "$dir"
  for fy in $(seq $((LAST_FY - y + 1)) "$LAST_FY"); do link_returns "$work/gen/fy-$fy" "$dir"; done
  cp -al "$work/gen/fy-$LAST_FY/lookups" "$dir/lookups"
}
# add_next_month DIR: April 2026's returns join DIR
add_next_month() { link_returns "$work/gen/next" "$1"; }

# ---- phase 2 and 3: timed runs and the comparison ----------------------------------------------
# compare Y LABEL WAREHOUSE DUCKDB_PARQUET: Spark's marts against DuckDB's values; exit 1 on disagreement
compare() {
  local y="$1" label="$2" out="$work/logs/compare-$1y-$2"
  duckdb_run "$root/scripts/bench/compare_marts.sql" "warehouse=$3" "duckdb=$4" >"$out" 2>"$out.err" \
    || { echo "$bench_name: the comparison failed to run:" >&2; sed 's/^/  | /' "$out" "$out.err" >&2; exit 1; }
  local compared disagreements
  read -r compared disagreements _ <<<"$(sed -n 2p "$out")"
  if [ "${disagreements:-x}" != 0 ] || [ "${compared:-0}" = 0 ]; then
    echo "$bench_name: Spark and DuckDB DISAGREE ($label, $y year(s)): ${disagreements:-?} of ${compared:-?} rows" >&2
    sed 's/^/  | /' "$out" >&2
    exit 1
  fi
  echo "  check      $label: Spark = DuckDB on $(group "$compared") England and footprint metric-month rows ($(sed -n 2p "$out" | awk -F'\t' '{print $3 " metrics, " $4 " months, " $5 " footprints"}'))"
}

# one_round Y I: full rebuild, DuckDB, (nightly) for a history of Y years, round I
one_round() {
  local y="$1" i="$2" land="$work/land-$1y" wh="$work/wh-$1y" duck="$work/duckdb-$1y.parquet"
  make_landing "$y" "$land"
  rm -rf "$wh" "$duck"
  timed "ingest-$y" "$work/logs/ingest-$y-$i" "$root/scripts/stp" ingest --landing "$land" --warehouse "$wh"
  timed "marts-$y" "$work/logs/marts-$y-$i" "$root/scripts/stp" marts --warehouse "$wh"
  timed "duckdb-$y" "$work/logs/duckdb-$y-$i" "$root/scripts/bench/duckdb_rebuild.sh" "$duckdb_jar" "$land" "$duck"
  printf "  %2d year(s) ingest %8s s  marts %8s s  duckdb %7s s\n" "$y" "$(last_wall "ingest-$y")" \
    "$(last_wall "marts-$y")" "$(last_wall "duckdb-$y")"
  [ "$i" != 1 ] || compare "$y" "full rebuild" "$wh" "$duck"
  if [ "$y" = "$years" ] && [ "$nightly" = 1 ]; then
    add_next_month "$land"
    timed "nightly-$y" "$work/logs/nightly-$y-$i" "$root/scripts/stp" nightly --landing "$land" --warehouse "$wh"
    printf "  %2d year(s) nightly + 1 month %8s s\n" "$y" "$(last_wall "nightly-$y")"
    if [ "$i" = 1 ]; then
      "$root/scripts/bench/duckdb_rebuild.sh" "$duckdb_jar" "$land" "$duck" >"$work/logs/duckdb-next" 2>&1 \
        || { echo "$bench_name: DuckDB over the landing with the new month failed:" >&2; sed 's/^/  | /' "$work/logs/duckdb-next" >&2; exit 1; }
      compare "$y" "after nightly" "$wh" "$duck"
    fi
  fi
  rm -rf "$wh" "$duck" "$land"
}

rm -f "$work"/*.times "$work"/logs/ingest-* "$work"/logs/marts-* "$work"/logs/duckdb-* "$work"/logs/nightly-* \
  "$work"/logs/compare-*   # a reused --workdir: only this run's timings count
echo "== runs: $runs round(s) of the history lengths $lengths(years), interleaved"
[ "$nightly" = 1 ] || echo "note: nightly skipped: \`scripts/stp nightly --help\` does not show a nightly command (not in this build)"
for i in $(seq 1 "$runs"); do
  echo "== round $i/$runs"
  for y in $lengths; do one_round "$y" "$i"; done
done

# ---- report ------------------------------------------------------------------------------------
sum_medians() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/) printf "%.2f", a + b; else print "n/a" }'; }
max_of() { awk -v a="$1" -v b="$2" 'BEGIN { if (a !~ /^[0-9]+$/) print b; else if (b !~ /^[0-9]+$/ || a + 0 > b + 0) print a; else print b }'; }
rate() { group "$(awk -v r="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", r / s; else print "n/a" }')"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b > 0) printf "%.1fx", a / b; else print "n/a" }'; }
per_million() { awk -v r="$1" -v s="$2" 'BEGIN { if (r > 0 && s ~ /^[0-9.]+$/) printf "%.2f", s / (r / 1e6); else print "n/a" }'; }

rows_n="$(landing_rows "$years")"
read -r imed imin imax irss icpu <<<"$(stats "ingest-$years")"
read -r mmed mmin mmax mrss mcpu <<<"$(stats "marts-$years")"
read -r dmed dmin dmax drss dcpu <<<"$(stats "duckdb-$years")"
full="$(sum_medians "$imed" "$mmed")"
echo
echo "== results: $years year(s) of national returns, $(group "$rows_n") rows, medians of $runs run(s), whole processes"
fmt="%-44s %4s %9s %7s %7s %9s %9s %11s %10s\n"
# shellcheck disable=SC2059
{
printf "$fmt" measurement runs "median s" "min s" "max s" "peak MiB" "CPU s" "rows/s" "vs duckdb"
printf "$fmt" "stp ingest (all returns, zips as published)" "$runs" "$imed" "$imin" "$imax" "$irss" "$icpu" "$(rate "$rows_n" "$imed")" "$(ratio "$imed" "$dmed")"
printf "$fmt" "stp marts (metrics, SPC, trajectories)" "$runs" "$mmed" "$mmin" "$mmax" "$mrss" "$mcpu" "" "$(ratio "$mmed" "$dmed")"
printf "$fmt" "(1) full rebuild = ingest + marts" "$runs" "$full" "" "" "$(max_of "$irss" "$mrss")" \
  "$(sum_medians "$icpu" "$mcpu")" "$(rate "$rows_n" "$full")" "$(ratio "$full" "$dmed")"
if [ "$nightly" = 1 ]; then
  read -r nmed nmin nmax nrss ncpu <<<"$(stats "nightly-$years")"
  next_rows="$(awk '/ file\(s\), / && !/lookup/ {gsub(",", "", $(NF-1)); s += $(NF-1)} END {print s + 0}' "$work/logs/generate-next")"
  printf "$fmt" "(2) nightly, adding one month" "$runs" "$nmed" "$nmin" "$nmax" "$nrss" "$ncpu" "$(rate "$next_rows" "$nmed")" "$(ratio "$nmed" "$dmed")"
else
  printf "%-44s %s\n" "(2) nightly, adding one month" "   - skipped: no \`stp nightly\` in this build"
fi
printf "$fmt" "(3) duckdb full rebuild (compared metrics)" "$runs" "$dmed" "$dmin" "$dmax" "$drss" "$dcpu" "$(rate "$rows_n" "$dmed")" "1.0x"
}
echo "(median s, min, max: wall clock; peak MiB: largest max RSS over the runs; CPU s: median user+sys;"
echo " rows/s: landing rows / median wall (nightly: the new month's rows); vs duckdb: median wall / DuckDB's)"
echo "Spark/DuckDB ratio, full rebuild: $(ratio "$full" "$dmed")"

echo
echo "== scaling: full rebuild and DuckDB by length of history (medians of $runs run(s))"
fmt="%6s %12s %13s %13s %12s %13s %8s\n"
# shellcheck disable=SC2059
{
printf "$fmt" years rows "stp s" "stp s/M rows" "duckdb s" "duckdb s/M rows" ratio
for y in $lengths; do
  r="$(landing_rows "$y")"
  s="$(sum_medians "$(median "$work/ingest-$y.times" 1)" "$(median "$work/marts-$y.times" 1)")"
  d="$(median "$work/duckdb-$y.times" 1)"
  printf "$fmt" "$y" "$(group "$r")" "$s" "$(per_million "$r" "$s")" "$d" "$(per_million "$r" "$d")" "$(ratio "$s" "$d")"
done
}
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min average, after the runs)"

echo
echo "== where the time goes (last round, $years year(s))"
for step in ingest marts; do
  echo "stp $step ($(last_wall "$step-$years") s wall):"
  grep -E '^  (list|detect|ingest|mart|marts|spc) ' "$work/logs/$step-$years-$runs" | sed 's/^/  /' || true
done
echo "duckdb ($(last_wall "duckdb-$years") s wall):"
sed 's/^/  /' "$work/logs/duckdb-$years-$runs.err"
echo "  (the rest of DuckDB's wall time is JVM start, compiling DuckDbRun.java and loading DuckDB's native library)"
