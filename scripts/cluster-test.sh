#!/usr/bin/env bash
# Proves that the application jar runs unchanged on a real Spark cluster and gives the same marts.
#
# Usage:
#   scripts/cluster-test.sh [--work-dir DIR] [--months N] [--no-kill] [--sequential] [--no-build]
#                           [--timeout S] [--full-jit] [--help]
#
#   --work-dir DIR  where everything goes: landing, warehouses, logs, the cluster's SPARK_HOME,
#                   work and scratch folders (default jobs/target/cluster-test;
#                   emptied first, and refused when it is a non-empty folder this script did not make)
#   --months N      months of sample returns to generate (default 2)
#   --no-kill       keep both workers up: a plain cluster run, without the lost-worker check
#   --sequential    run the local[*] reference before starting the cluster, not beside the cluster
#                   run (longer, but each run's time is its own)
#   --no-build      fail instead of building when jobs/target/stp.jar is missing or older than its
#                   sources (the Maven verify phase passes it: the jar was just packaged)
#   --timeout S     give up on any one step after S seconds (default 900)
#   --full-jit      let every JVM here use both of its JIT compilers (default: C1 only, see below)
#
# Steps:
#   1. `stp generate` writes N months of sample returns to <work>/landing.
#   2. `stp nightly` runs on Spark local[*] into <work>/wh-local: the reference.
#   3. A standalone Master and two Workers (1 core, 1 GiB each) start as separate JVMs, listening on
#      127.0.0.1 only, from the project's own Spark jars (target/classpath.txt linked into
#      <work>/spark-home/jars: no Spark download).
#   4. The same stp.jar is submitted the way spark-submit does it (org.apache.spark.deploy.SparkSubmit
#      --master spark://127.0.0.1:<port> --deploy-mode client ... stp.jar nightly ...) into
#      <work>/wh-cluster, on the same landing folder. Unless --no-kill: once the marts step has begun
#      and the driver's log shows the second worker's executor running a task, that worker and its
#      executor are frozen (SIGSTOP), and if the task is still unfinished a second later, killed
#      (kill -9 of its process group, as when a machine is lost); the job must finish on the other.
#   5. Every published mart of the two warehouses is compared row by row, in any order, by DuckDB
#      (scripts/cluster/CompareMarts.java).
#   6. The driver's log must show tasks finished on both executors and, after the kill, a task lost
#      with the killed executor that then finished on the other.
# The reference run (2) goes beside the cluster's start and run (3, 4) unless --sequential: on two
# cores that saves minutes, and neither run's result depends on the other.
# Every JVM it starts (the runs, the master, the workers and the executors) compiles with C1 only
# (-XX:TieredStopAtLevel=1) unless --full-jit: they are short-lived and, on two cores, six of them
# share the CPU, so C2 spends more of it compiling Spark's code than its faster code gives back
# (measured, alternating: 248 and 214 s, 442 and 380 CPU s with both compilers; 134 and 164 s, 233
# and 283 CPU s with C1 only). What is tested, the same jar and marts on a cluster as locally, does
# not depend on the compiler.
# Every process it starts runs in its own process group and is stopped (TERM, then KILL) when the
# script ends, whether it passed, failed or was interrupted. A summary prints the time of each step,
# the tables and rows compared and the tasks per executor.
#
# Needs: java 17+, curl (the master's status page), setsid; Maven only to build.
# Exit codes: 0 every mart identical (and the job survived the lost worker); 1 a step failed or a
# mart differs (one line says which, with its log); 2 usage error.
set -Eeuo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/stp-env.sh"

usage() { sed -n '2,/^set -/{/^set -/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
usage_error() { echo "cluster-test: $*" >&2; exit 2; }

work="$stp_target/cluster-test" months=2 kill_worker=1 sequential=0 build=1 timeout=900 jit=(-XX:TieredStopAtLevel=1)
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --work-dir) [ $# -ge 2 ] || usage_error "--work-dir needs a value"; work="$2"; shift 2 ;;
    --work-dir=*) work="${1#*=}"; shift ;;
    --months) [ $# -ge 2 ] || usage_error "--months needs a value"; months="$2"; shift 2 ;;
    --months=*) months="${1#*=}"; shift ;;
    --timeout) [ $# -ge 2 ] || usage_error "--timeout needs a value"; timeout="$2"; shift 2 ;;
    --timeout=*) timeout="${1#*=}"; shift ;;
    --no-kill) kill_worker=0; shift ;;
    --sequential) sequential=1; shift ;;
    --no-build) build=0; shift ;;
    --full-jit) jit=(); shift ;;
    *) usage_error "unknown argument '$1' (see --help)" ;;
  esac
done
[[ "$months" =~ ^[1-9][0-9]*$ ]] || usage_error "--months must be a positive whole number, not '$months'"
[[ "$timeout" =~ ^[1-9][0-9]*$ ]] || usage_error "--timeout must be a positive whole number of seconds, not '$timeout'"
marker=.cluster-test-work-dir
if [ -d "$work" ] && [ -n "$(ls -A "$work")" ] && [ ! -f "$work/$marker" ]; then
  usage_error "--work-dir $work is not empty and was not made by this script; name another folder"
fi
command -v java >/dev/null || usage_error "java is not on the PATH"
command -v curl >/dev/null || usage_error "curl is needed (to read the master's status page)"

# ---- failing, and stopping what we started ----------------------------------------------------------
groups=()            # process group ids of everything started, in start order
fail() {             # fail MESSAGE [LOG]: one line saying what failed, then the end of its log
  echo "cluster-test: FAILED: $1${2:+ (log: $2)}" >&2
  if [ -n "${2:-}" ] && [ -f "$2" ]; then echo "--- last lines of $2:" >&2; tail -n 25 "$2" >&2; fi
  exit 1
}
alive() { kill -0 -- "-$1" 2>/dev/null; }
stop_all() {
  local g i running
  [ ${#groups[@]} -gt 0 ] || return 0
  for ((i = ${#groups[@]} - 1; i >= 0; i--)); do kill -TERM -- "-${groups[i]}" 2>/dev/null || true; done
  for i in $(seq 1 100); do   # up to 10 s for a clean stop
    running=0
    for g in "${groups[@]}"; do alive "$g" && running=1; done
    [ "$running" = 1 ] || return 0
    sleep 0.1
  done
  for g in "${groups[@]}"; do kill -KILL -- "-$g" 2>/dev/null || true; done
}
trap 'stop_all' EXIT
# anything not caught by a check of its own still ends with a line saying where
trap 'echo "cluster-test: FAILED: unexpected error at line $LINENO: $BASH_COMMAND" >&2' ERR
trap 'exit 130' INT
trap 'exit 143' TERM

# start OUT ERR COMMAND...: runs COMMAND in the background in a process group of its own (setsid:
# its children, e.g. a worker's executors, stay in it); sets $started to its pid, which is the group id.
start() {
  local out="$1" err="$2"; shift 2
  setsid "$@" >"$out" 2>"$err" </dev/null &
  started=$!
  groups+=("$started")
}

# finish PID NAME LOG: waits for PID at most --timeout seconds; fails naming the log unless it exits 0.
finish() {
  local pid="$1" name="$2" log="$3" rc=0 waited=0
  while kill -0 "$pid" 2>/dev/null; do
    [ "$waited" -lt $((timeout * 2)) ] || fail "$name did not finish within $timeout s" "$log"
    sleep 0.5; waited=$((waited + 1))
  done
  wait "$pid" || rc=$?
  [ "$rc" = 0 ] || fail "$name exited with code $rc" "$log"
}

# wait_until PID NAME LOG SECONDS TEST...: polls TEST twice a second until it succeeds; fails when
# PID has died or SECONDS have passed.
wait_until() {
  local pid="$1" name="$2" log="$3" limit="$4" tries=0; shift 4
  until "$@" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || fail "$name stopped" "$log"
    [ "$tries" -lt $((limit * 2)) ] || fail "$name not ready after $limit s" "$log"
    sleep 0.5; tries=$((tries + 1))
  done
}

# ---- free loopback ports --------------------------------------------------------------------------
taken=" "
# free_port VAR: sets VAR to a port nothing listens on at 127.0.0.1, below the kernel's ephemeral
# range (where Spark's own port-0 listeners land) and not handed out before.
free_port() {
  local p i
  for i in $(seq 1 500); do
    p=$((20000 + RANDOM % 12000))
    case "$taken" in *" $p "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      taken+="$p "
      printf -v "$1" '%s' "$p"
      return 0
    fi
  done
  fail "no free port found on 127.0.0.1"
}

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}'; }

# ---- build and work folder --------------------------------------------------------------------------
t_total=$(now)
if [ "$build" = 1 ]; then
  stp_build_if_stale cluster-test || fail "building the application"
elif stp_stale; then
  fail "$stp_jar is missing or older than its sources (build it, or drop --no-build)"
fi
duckdb_jar="$(stp_duckdb_jar cluster-test)" || fail "finding the duckdb_jdbc jar"

mkdir -p "$work"
work="$(cd "$work" && pwd)"
find "$work" -mindepth 1 -maxdepth 1 ! -name "$marker" -exec rm -rf {} +
touch "$work/$marker"
logs="$work/logs" home="$work/spark-home" landing="$work/landing"
mkdir -p "$logs" "$home/jars" "$work/scratch"
# a Spark "installation" made of the project's own jars: Workers build executor class paths from
# $SPARK_HOME/jars and want a RELEASE file there
tr ':' '\n' <"$stp_classpath_file" | while read -r jar; do ln -s "$jar" "$home/jars/"; done
touch "$home/RELEASE"
# SPARK_LOCAL_DIRS: shuffle and spill files of every JVM here under the work folder, not in /tmp
# (a killed executor cannot clear up after itself)
export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_DIRS="$work/scratch"
# shellcheck disable=SC2207
jvm=($(stp_jvm_options) "${jit[@]}")
app_cp="$stp_jar:$(stp_classpath)"

# ---- 1. sample returns --------------------------------------------------------------------------------
t=$(now)
start "$logs/generate.out" "$logs/generate.err" java "${jvm[@]}" -cp "$app_cp" "$STP_MAIN_CLASS" \
  generate --out "$landing" --months "$months"
finish "$started" "stp generate" "$logs/generate.err"
files=$(find "$landing" -type f | wc -l)
t_generate=$(since "$t")
echo "generated $files file(s) of sample returns, $months month(s), in $t_generate s"

# ---- 2. the reference: local[*] -----------------------------------------------------------------------
t_local_start=$(now) t_local=""
# -Xmx2g: plenty for sample data; left to the default the heap grows to a quarter of the machine
start "$logs/local-nightly.out" "$logs/local-nightly.err" java "${jvm[@]}" -Xmx2g -cp "$app_cp" "$STP_MAIN_CLASS" \
  nightly --landing "$landing" --warehouse "$work/wh-local"
local_pid=$started
# finish_local: waits for the reference run, checks it succeeded and notes its time
finish_local() {
  finish "$local_pid" "stp nightly on local[*]" "$logs/local-nightly.err"
  t_local=$(since "$t_local_start")
  echo "local[*] run done in $t_local s"
}
# local_finished: true once the reference run has ended (and was checked); false while it runs
local_finished() {
  [ -z "$t_local" ] || return 0
  kill -0 "$local_pid" 2>/dev/null && return 1
  finish_local
}
[ "$sequential" = 0 ] || finish_local

# ---- 3. the cluster -------------------------------------------------------------------------------------
t=$(now)
free_port master_port
free_port master_ui
master_json="http://127.0.0.1:$master_ui/json/"
start "$logs/master.log" "$logs/master.log" java "${jvm[@]}" -Xmx256m -cp "$home/jars/*" \
  -Dspark.master.rest.enabled=false \
  org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$master_port" --webui-port "$master_ui"
master_pid=$started
master_alive() { curl -sf "$master_json" | grep -Eq '"status" *: *"ALIVE"'; }
wait_until "$master_pid" "the master" "$logs/master.log" 120 master_alive
worker_pids=()
for n in 1 2; do
  mkdir -p "$work/worker-$n"
  # --webui-port 0: any free port; nothing here reads the workers' pages
  start "$logs/worker-$n.log" "$logs/worker-$n.log" java "${jvm[@]}" -Xmx256m -cp "$home/jars/*" \
    org.apache.spark.deploy.worker.Worker "spark://127.0.0.1:$master_port" --host 127.0.0.1 \
    --cores 1 --memory 1g --webui-port 0 --work-dir "$work/worker-$n"
  worker_pids+=("$started")
done
workers_registered() { curl -sf "$master_json" | grep -Eq '"aliveworkers" *: *2\b'; }
wait_until "${worker_pids[0]}" "worker 1" "$logs/worker-1.log" 120 workers_registered
kill -0 "${worker_pids[1]}" || fail "worker 2 stopped" "$logs/worker-2.log"
t_cluster=$(since "$t")
echo "master spark://127.0.0.1:$master_port and 2 workers registered in $t_cluster s"

# ---- 4. the same jar, submitted to the cluster ----------------------------------------------------------
t=$(now)
driver_out="$logs/cluster-nightly.out" driver_err="$logs/cluster-nightly.err"
# spark.locality.wait=0s: on data this small every task would otherwise wait for the executor that
# holds its input, and nearly all of them would run on the first one
start "$driver_out" "$driver_err" java "${jvm[@]}" -Xmx1g -cp "$home/jars/*" org.apache.spark.deploy.SparkSubmit \
  --master "spark://127.0.0.1:$master_port" --deploy-mode client \
  --name "stp nightly (cluster test)" --class "$STP_MAIN_CLASS" \
  --executor-memory 768m --executor-cores 1 --total-executor-cores 2 \
  --conf "spark.executor.extraJavaOptions=-Duser.timezone=UTC ${jit[*]}" \
  --conf spark.locality.wait=0s \
  "$stp_jar" nightly --landing "$landing" --warehouse "$work/wh-cluster"
driver_pid=$started

# executor_of N: the executor worker N launched for the application (its folder <work dir>/<app>/<id>)
executor_of() {
  local d
  d=$(find "$work/worker-$1" -mindepth 2 -maxdepth 2 -type d -path '*/app-*/*' 2>/dev/null | sort | tail -n 1)
  [ -z "$d" ] || basename "$d"
}
# unfinished_tasks EXECUTOR: the tasks the driver's log shows started on EXECUTOR and not (yet) finished.
# The log is written as the scheduler acts, so it is never behind the way the driver's status pages can be.
#   "Starting task 1.0 in stage 7.0 (TID 19) (127.0.0.1,executor 1, partition 1, ...)"
#   "Finished task 1.0 in stage 7.0 (TID 19) in 5413 ms on 127.0.0.1 (executor 1) (1/2)"
unfinished_tasks() {
  awk -v on="executor $1," '
    function tid() { return match($0, /\(TID [0-9]+\)/) ? substr($0, RSTART + 5, RLENGTH - 6) : "" }
    /TaskSetManager: Starting task / && index($0, on) { started[tid()] = 1 }
    /TaskSetManager: (Finished|Lost) task / { delete started[tid()] }
    END { n = 0; for (t in started) n++; print n }' "$driver_err"
}

killed_at="" killed_tasks="" killed_executor=""
polls=0
while kill -0 "$driver_pid" 2>/dev/null; do
  [ "$polls" -lt $((timeout * 5)) ] || fail "the cluster run did not finish within $timeout s" "$driver_err"
  local_finished || true
  if [ "$kill_worker" = 1 ] && [ -z "$killed_at" ] && grep -q '^  marts ' "$driver_out"; then
    executor=$(executor_of 2)
    if [ -n "$executor" ] && [ "$(unfinished_tasks "$executor")" -gt 0 ]; then
      # Freeze worker 2 and its executor first: a frozen executor cannot finish its task, so whatever
      # the driver still shows running on it a moment later is certain to be lost with it. Without
      # this, a task of a few hundred milliseconds often finished between the look and the kill.
      kill -STOP -- "-${worker_pids[1]}"
      sleep 1
      running=$(unfinished_tasks "$executor")
      if [ "$running" -gt 0 ]; then
        kill -KILL -- "-${worker_pids[1]}"
        wait "${worker_pids[1]}" 2>/dev/null || true   # reaped here, so bash reports no "Killed" job
        killed_at=$(since "$t") killed_tasks=$running killed_executor=$executor
        echo "killed worker 2 and its executor $executor at $killed_at s, while it ran $running task(s) of the marts step"
      else
        kill -CONT -- "-${worker_pids[1]}"   # its task had finished after all: let it go on, look again
      fi
    fi
  fi
  sleep 0.2; polls=$((polls + 1))
done
rc=0; wait "$driver_pid" || rc=$?
[ "$rc" = 0 ] || fail "stp nightly on the cluster exited with code $rc" "$driver_err"
[ "$kill_worker" = 0 ] || [ -n "$killed_at" ] \
  || fail "the run ended before worker 2 was seen running a marts task, so nothing was killed" "$driver_out"
t_run=$(since "$t")
echo "cluster run done in $t_run s"
[ -n "$t_local" ] || finish_local

# ---- 5. every mart, row by row -----------------------------------------------------------------------------
t=$(now)
rc=0
java -cp "$app_cp:$duckdb_jar" "$stp_root/scripts/cluster/CompareMarts.java" "$work/wh-local" "$work/wh-cluster" \
  >"$logs/compare.out" 2>"$logs/compare.err" || rc=$?
cat "$logs/compare.out"
[ "$rc" = 0 ] || fail "the marts of the cluster run differ from the local[*] run's (exit $rc)" "$logs/compare.err"
t_compare=$(since "$t")

# ---- 6. where the tasks ran, from the driver's log (Spark's TaskSetManager lines) ---------------------------
# "Starting task 1.0 in stage 7.0 (TID 19) (127.0.0.1,executor 0, partition 1, ...)"
# "Finished task 1.0 in stage 7.0 (TID 19) in 5413 ms on 127.0.0.1 (executor 0) (1/2)"
# A task lost with its executor is logged in one of two ways, depending on whether the master's
# "worker lost" or the driver's own "RPC client disassociated" reaches the scheduler first:
# "task 0.0 in stage 13.0 (TID 27) failed because while it was being computed, its executor exited ..."
# "Lost task 0.0 in stage 13.0 (TID 27) (127.0.0.1 executor 1): ExecutorLostFailure (executor 1 exited ..."
finished_on() { grep -cE "TaskSetManager: Finished task .* \(executor $1\) \(" "$driver_err" || true; }
tasks_line=""
for n in 1 2; do
  e=$(executor_of "$n")
  [ -n "$e" ] || fail "worker $n never ran an executor for the application" "$logs/worker-$n.log"
  ok=$(finished_on "$e")
  [ "$ok" -gt 0 ] || fail "executor $e on worker $n finished no task: the work was not spread" "$driver_err"
  tasks_line+="${tasks_line:+; }executor $e on worker $n: $ok task(s) finished"
done
if [ "$kill_worker" = 1 ]; then
  survivor=$(executor_of 1)
  lost=0 rerun=0
  while read -r task stage tid; do
    grep -qE "Starting task $task in stage $stage \(TID $tid\) \(127\.0\.0\.1,executor $killed_executor," "$driver_err" \
      || continue
    lost=$((lost + 1))
    # the same partition of the same stage (any later attempt) finished on the surviving executor
    grep -qE "Finished task ${task%%.*}\.[0-9]+ in stage ${stage%%.*}\.[0-9]+ \(TID [0-9]+\) in [0-9]+ ms on [^ ]+ \(executor $survivor\)" \
      "$driver_err" && rerun=$((rerun + 1))
  done < <(sed -nE 's/.*TaskSetManager: (Lost )?task ([0-9.]+) in stage ([0-9.]+) \(TID ([0-9]+)\)( \([^)]*\): ExecutorLostFailure| failed because while it was being computed, its executor exited).*/\2 \3 \4/p' "$driver_err")
  [ "$lost" -gt 0 ] || fail "the driver's log shows no task lost with the killed executor $killed_executor" "$driver_err"
  [ "$rerun" -gt 0 ] || fail "no task lost with executor $killed_executor finished on executor $survivor" "$driver_err"
  tasks_line+="; $lost lost with executor $killed_executor, $rerun of them then finished on executor $survivor"
fi

echo
echo "== cluster test: passed"
printf '%-12s %s\n' \
  "inputs" "$files file(s), $months month(s) of sample returns ($t_generate s)" \
  "local[*]" "stp nightly in $t_local s$([ "$sequential" = 1 ] || echo ", beside the cluster's start and run")" \
  "cluster" "master + 2 workers (1 core each) up in $t_cluster s; spark://127.0.0.1:$master_port" \
  "cluster run" "stp nightly in $t_run s$([ -z "$killed_at" ] || echo "; worker 2 killed at $killed_at s with $killed_tasks task(s) running")" \
  "tasks" "$tasks_line" \
  "compared" "$(tail -n 1 "$logs/compare.out") ($t_compare s)" \
  "total" "$(since "$t_total") s; logs in $logs"
