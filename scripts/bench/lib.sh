# Shared pieces of the benchmarks (scripts/bench.sh, scripts/bench-ingest.sh); source it, don't run it.
#
# Before sourcing, set:
#   bench_name   prefix of messages, e.g. "bench"
#   root         the repository root
# After bench_scratch, $work is the scratch folder; timings go to $work/<label>.times, one line per
# run: "wall_s peak_rss_kib cpu_s" (n/a where GNU time is missing).

DUCKDB_VERSION=1.5.6.0

bench_die() { echo "$bench_name: $*" >&2; exit 2; }

# bench_usage FILE: the comment block at the top of FILE (after the shebang, up to `set -euo`).
bench_usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$1"; }

# bench_need_count NAME VALUE: VALUE must be a positive whole number.
bench_need_count() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || bench_die "$1 must be a positive whole number, not '$2'"; }

# bench_find_gnutime: sets $gnutime to /usr/bin/time when it works with -v (installed with apt-get
# when running as root and it is missing), else to "".
bench_find_gnutime() {
  gnutime=/usr/bin/time
  if [ ! -x "$gnutime" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "$bench_name: installing GNU time (apt-get install -y time) for peak RSS..." >&2
    apt-get install -y -qq time >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq time >/dev/null 2>&1; } || true
  fi
  if [ -x "$gnutime" ] && "$gnutime" -v true >/dev/null 2>&1; then :; else gnutime=""; fi
}

# bench_find_duckdb: sets $duckdb_jar to $DUCKDB_JAR or the local Maven repository's
# org.duckdb:duckdb_jdbc:$DUCKDB_VERSION (fetched with `mvn dependency:get` when missing).
bench_find_duckdb() {
  duckdb_jar="${DUCKDB_JAR:-}"
  if [ -z "$duckdb_jar" ]; then
    local m2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
    duckdb_jar="$m2/org/duckdb/duckdb_jdbc/$DUCKDB_VERSION/duckdb_jdbc-$DUCKDB_VERSION.jar"
    if [ ! -f "$duckdb_jar" ]; then
      echo "$bench_name: fetching org.duckdb:duckdb_jdbc:$DUCKDB_VERSION with Maven..." >&2
      mvn -B -q -o dependency:get -Dartifact="org.duckdb:duckdb_jdbc:$DUCKDB_VERSION" >&2 \
        || mvn -B -q dependency:get -Dartifact="org.duckdb:duckdb_jdbc:$DUCKDB_VERSION" >&2 || true
    fi
  fi
  [ -f "$duckdb_jar" ] || bench_die "duckdb_jdbc jar not found ($duckdb_jar); set DUCKDB_JAR"
}

# bench_scratch WORKDIR KEEP: sets $work to WORKDIR (created) or a fresh mktemp -d, deleted on exit
# unless KEEP is 1 or WORKDIR was given.
bench_scratch() {
  bench_workdir="$1" bench_keep="$2"
  if [ -n "$bench_workdir" ]; then mkdir -p "$bench_workdir"; work="$(cd "$bench_workdir" && pwd)"
  else work="$(mktemp -d "${TMPDIR:-/tmp}/$bench_name.XXXXXX")"; fi
  trap bench_cleanup EXIT
}
bench_cleanup() {
  if [ "$bench_keep" = 0 ] && [ -z "$bench_workdir" ]; then rm -rf "$work"; else echo "scratch kept: $work" >&2; fi
}

# bench_machine: the machine, Java and load, with a warning when the load exceeds the CPUs.
bench_machine() {
  echo "host:    $(uname -srm), $(nproc) CPU(s), $(awk '/^MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) memory"
  echo "java:    $(java -version 2>&1 | head -n 1)"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min average, before the runs)"
  if awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v n="$(nproc)" 'BEGIN {exit !(l > n)}'; then
    echo "warning: the load average exceeds the CPU count; wall times will be inflated (CPU s is steadier)"
  fi
}

# bench_build: builds the application outside any timing (scripts/stp builds when sources changed).
bench_build() {
  "$root/scripts/stp" --version 2>/dev/null || { echo "$bench_name: scripts/stp --version failed" >&2; "$root/scripts/stp" --version; exit 1; }
  echo "commit:  $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo n/a)$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  bench_record_cds
}

# bench_record_cds: after a build, the first scripts/stp run with Spark jobs records the
# class-data-sharing archive (a few seconds, once; see scripts/lib/stp-env.sh). Done here, untimed,
# so that no timed run includes it: the lookups of one generated month ingested into a scratch
# warehouse. Says nothing when the archive exists already or STP_CDS=off.
bench_record_cds() {
  local d
  d="$(mktemp -d "${TMPDIR:-/tmp}/$bench_name-cds.XXXXXX")"
  if "$root/scripts/stp" generate --out "$d/generated" --months 1 >/dev/null 2>&1; then
    mkdir -p "$d/landing" && cp -r "$d/generated/lookups" "$d/landing/"
    "$root/scripts/stp" ingest --landing "$d/landing" --warehouse "$d/warehouse" >"$d/log" 2>&1 || true
    grep -h '^stp: \(recorded\|could not record\)' "$d/log" || true
  fi
  rm -rf "$d"
}

# timed LABEL LOG CMD...: runs CMD as a whole process, appends "wall rss_kib cpu_s" to
# $work/LABEL.times; stdout in LOG, stderr in LOG.err. A failing CMD stops the benchmark (exit 1)
# after showing its output.
timed() {
  local label="$1" log="$2"; shift 2
  local t0 t1 rc=0 rss="n/a" cpu="n/a"
  t0="$(date +%s.%N)"
  if [ -n "$gnutime" ]; then
    "$gnutime" -v -o "$log.time" "$@" >"$log" 2>"$log.err" || rc=$?
  else
    "$@" >"$log" 2>"$log.err" || rc=$?
  fi
  t1="$(date +%s.%N)"
  if [ -n "$gnutime" ]; then
    rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log.time")"
    cpu="$(awk -F': ' '/(User|System) time \(seconds\)/ {s += $2; n++} END {if (n) printf "%.2f", s}' "$log.time")"
  fi
  if [ "$rc" != 0 ]; then
    echo "$bench_name: $label failed (exit $rc): $*" >&2
    sed 's/^/  | /' "$log" "$log.err" >&2
    [ "$rc" = 3 ] && echo "$bench_name: exit 3 = a file was rejected as a whole, e.g. 'not a recognised return'" >&2
    exit 1
  fi
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}') ${rss:-n/a} ${cpu:-n/a}" >>"$work/$label.times"
}

# last_wall LABEL: wall seconds of the latest run of LABEL.
last_wall() { tail -n 1 "$work/$1.times" | cut -d' ' -f1; }

# median FILE COLUMN: median of the numeric values in that column, or n/a.
median() {
  awk -v c="$2" '$c ~ /^[0-9.]+$/ {print $c}' "$1" | sort -g | awk '{v[NR]=$1} END {
      if (!NR) print "n/a"; else printf "%.2f\n", (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2 }'
}

# stats LABEL: "median min max peak_rss_mib median_cpu_s" of $work/LABEL.times.
stats() {
  local f="$work/$1.times"
  printf "%s %s " "$(median "$f" 1)" "$(sort -g "$f" | awk 'NR == 1 {a = $1} {b = $1} END {printf "%.2f %.2f", a, b}')"
  awk '$2 ~ /^[0-9]+$/ { if ($2 > p) p = $2; n++ } END { if (n) printf "%.0f ", p/1024; else printf "n/a " }' "$f"
  median "$f" 3
}

# group N: 180781 -> 180,781 (any locale).
group() { sed ':a; s/\B[0-9]\{3\}\>/,&/; ta' <<<"$1"; }
