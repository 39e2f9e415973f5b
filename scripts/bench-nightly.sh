#!/usr/bin/env bash
# Nightly benchmark: `stp nightly` adding one new month to years of history, and with nothing new.
#
# Usage:
#   scripts/bench-nightly.sh [--years N] [--runs R] [--workdir DIR] [--keep] [--help]
#
#   --years N      years of generated history before the new month (default 3)
#   --runs R       timed runs per variant (default 3); the table reports median, min and max
#   --workdir DIR  scratch folder (default: a fresh mktemp -d, deleted at the end unless --keep)
#   --keep         keep the scratch folder
#
# Environment:
#   STP_JAVA_OPTS  passed through to scripts/stp (e.g. -Xmx8g)
#   STP_CDS        passed through: off times starts without the class-data-sharing archive
#
# Set-up (not timed): `stp generate` writes N years of sample returns from April 2015 into the
# landing folder and the month after them into a separate folder; one `stp nightly` builds the
# base warehouse from the history (after a build it also records scripts/stp's class-data-sharing
# archive, so the timed runs start as every run after the first does). Then, R times each, as WHOLE
# processes (JVM start included):
#   incremental   a copy of the base warehouse; the new month's files are copied into the landing
#                 folder; `stp nightly` ingests them, rebuilds and publishes the marts
#   nothing-new   `stp nightly` again on the warehouse the incremental run left: nothing to do
# The new month's files are removed from the landing folder before each incremental run, so every
# run starts from the same state. Wall time is taken with `date +%s.%N`; peak RSS and CPU seconds
# come from `/usr/bin/time -v` when GNU time is installed, otherwise n/a.
#
# Exit codes: 0 done; 1 a run failed (its output is shown); 2 usage error.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
die() { echo "bench-nightly: $*" >&2; exit 2; }

years=3 runs=3 workdir="" keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --years) [ $# -ge 2 ] || die "--years needs a value"; years="$2"; shift 2 ;;
    --runs) [ $# -ge 2 ] || die "--runs needs a value"; runs="$2"; shift 2 ;;
    --workdir) [ $# -ge 2 ] || die "--workdir needs a value"; workdir="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[[ "$years" =~ ^[1-9][0-9]*$ ]] || die "--years must be a positive whole number, not '$years'"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive whole number, not '$runs'"

gnutime=/usr/bin/time
if [ -x "$gnutime" ] && "$gnutime" -v true >/dev/null 2>&1; then :; else gnutime=""; fi

if [ -n "$workdir" ]; then mkdir -p "$workdir"; work="$(cd "$workdir" && pwd)"
else work="$(mktemp -d "${TMPDIR:-/tmp}/bench-nightly.XXXXXX")"; fi
cleanup() { if [ "$keep" = 0 ] && [ -z "$workdir" ]; then rm -rf "$work"; else echo "scratch kept: $work" >&2; fi; }
trap cleanup EXIT
rm -rf "$work"/{landing,newmonth,base,wh,logs} "$work"/*.times
mkdir -p "$work/logs"

months=$((years * 12))
new_month="$(date -d "2015-04-01 +$months months" +%Y-%m)"
echo "== machine"
echo "host:    $(uname -srm), $(nproc) CPU(s), $(awk '/^MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) memory"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min average, before the runs)"
echo "== set-up (not timed)"
"$root/scripts/stp" --version
"$root/scripts/stp" generate --out "$work/landing" --from 2015-04 --months "$months" >"$work/logs/generate.log"
"$root/scripts/stp" generate --out "$work/newmonth" --from "$new_month" --months 1 >"$work/logs/generate-new.log"
# the new month's lookups are the same files as the history's: only its returns are new
rm -rf "$work/newmonth/lookups"
echo "history: $years year(s) from 2015-04 ($(find "$work/landing" -type f | wc -l) files, $(du -sh "$work/landing" | cut -f1)); new month $new_month ($(find "$work/newmonth" -type f | wc -l) files)"
"$root/scripts/stp" nightly --landing "$work/landing" --warehouse "$work/base" >"$work/logs/base.log" 2>&1 \
  || { sed 's/^/  | /' "$work/logs/base.log" >&2; echo "bench-nightly: the base build failed" >&2; exit 1; }
echo "base:    $(grep -E '^  marts .*table' "$work/logs/base.log" | tail -n 1 | sed 's/^ *//')"

timed() {
  local label="$1" log="$2"; shift 2
  local t0 t1 rc=0 rss="n/a" cpu="n/a"
  t0="$(date +%s.%N)"
  if [ -n "$gnutime" ]; then "$gnutime" -v -o "$log.time" "$@" >"$log" 2>&1 || rc=$?
  else "$@" >"$log" 2>&1 || rc=$?; fi
  t1="$(date +%s.%N)"
  if [ -n "$gnutime" ]; then
    rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log.time")"
    cpu="$(awk -F': ' '/(User|System) time \(seconds\)/ {s += $2; n++} END {if (n) printf "%.2f", s}' "$log.time")"
  fi
  [ "$rc" = 0 ] || { echo "bench-nightly: $label failed (exit $rc)" >&2; sed 's/^/  | /' "$log" >&2; exit 1; }
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}') $rss $cpu" >>"$work/$label.times"
}

echo "== runs ($runs each)"
for i in $(seq 1 "$runs"); do
  rm -rf "$work/wh" "$work/landing/new"
  cp -a "$work/base" "$work/wh"
  cp -a "$work/newmonth" "$work/landing/new"
  timed incremental "$work/logs/incremental-$i" "$root/scripts/stp" nightly --landing "$work/landing" --warehouse "$work/wh"
  grep -q '^  publish ' "$work/logs/incremental-$i" || { echo "bench-nightly: run $i published nothing" >&2; exit 1; }
  timed nothing-new "$work/logs/nothing-new-$i" "$root/scripts/stp" nightly --landing "$work/landing" --warehouse "$work/wh"
  grep -q 'nothing new' "$work/logs/nothing-new-$i" || { echo "bench-nightly: run $i was not a no-op" >&2; exit 1; }
  echo "run $i: incremental $(tail -n 1 "$work/incremental.times" | cut -d' ' -f1) s, nothing new $(tail -n 1 "$work/nothing-new.times" | cut -d' ' -f1) s"
done
rm -rf "$work/landing/new"

stats() {  # median min max of column 1, max of column 2 (RSS KiB), median of column 3 (CPU s)
  sort -n "$1" | awk '{w[NR]=$1; if ($2 != "n/a" && $2 > r) r = $2; c[NR]=$3}
    END {m = (NR % 2) ? w[(NR+1)/2] : (w[NR/2] + w[NR/2+1]) / 2;
         printf "%8.1f s %8.1f s %8.1f s  %9s  %s\n", m, w[1], w[NR], (r ? sprintf("%.2f GiB", r/1048576) : "n/a"), c[int((NR+1)/2)]}'
}
echo "== result (whole processes; median, min, max wall; peak RSS; CPU s of the median-order run)"
printf "%-12s %10s %10s %10s  %9s  %s\n" variant median min max "peak RSS" "CPU s"
for v in incremental nothing-new; do printf "%-12s " "$v"; stats "$work/$v.times"; done
echo "steps of the last incremental run:"
grep -E '^  (ingest|marts|publish|retain|report) ' "$work/logs/incremental-$runs" | sed 's/^/  /'
