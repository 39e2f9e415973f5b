# Sourced by the scripts in scripts/: where the application is, how it is built, and how a JVM is
# started for it. Defines variables and functions only; the caller sets its own shell options.
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/stp-env.sh"

stp_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
stp_target="$stp_root/jobs/target"
# the thin application jar: our code plus picocli and POI; Spark comes from classpath.txt or the cluster
stp_jar="$stp_target/stp.jar"
# the Spark jars (Maven's provided scope), ':'-separated, written by the package phase
stp_classpath_file="$stp_target/classpath.txt"
# the --add-opens list Spark's own launcher uses and the project's JIT thresholds (the pom's
# spark.jvm.opens and stp.jit.options), filtered from the pom at package time
stp_jvm_options_file="$stp_target/classes/stp-jvm-options.txt"
STP_MAIN_CLASS=uk.nhs.stp.cli.StpCommand

# True when the application must be (re)built: a build output is missing or a source is newer.
stp_stale() {
  [ -f "$stp_jar" ] && [ -f "$stp_classpath_file" ] && [ -f "$stp_jvm_options_file" ] || return 0
  [ -n "$(find "$stp_root/pom.xml" "$stp_root/jobs/pom.xml" "$stp_root/jobs/src/main" "$stp_root/data-schemas" \
      -newer "$stp_jar" -type f -print -quit)" ]
}

# Builds the application when it is stale; on failure shows Maven's output and returns 1.
# $1: the name to prefix messages with.
stp_build_if_stale() {
  local who="$1" log
  stp_stale || return 0
  echo "$who: building the application (first run or sources changed)..." >&2
  log="$(mktemp)"
  if ! (cd "$stp_root" && mvn -B -q -DskipTests package) >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "$who: build failed; see the Maven output above" >&2
    return 1
  fi
  rm -f "$log"
}

# The JVM options every Spark JVM of the project gets (driver, master, workers): the module opens
# and the C2 compiler kept for code that is really hot (both from the pom, see stp.jit.options
# there), ParallelGC (a batch job wants throughput; G1 cost ~10% here, scripts/bench-ingest.sh) and UTC.
stp_jvm_options() {
  echo "$(cat "$stp_jvm_options_file") -XX:+UseParallelGC -Duser.timezone=UTC"
}

# The JVM options for class data sharing, one per line (see ClassDataSharing.java): map the archive
# of the classes an earlier run loaded when it exists for this JDK, application jar and class path,
# else ask this run to record it. The JVM's notes on classes it cannot archive (generated or from
# signed jars) are not for the user. STP_CDS=off: neither; STP_CDS_DIR: where archives are kept
# (default jobs/target/cds, beside the jar they belong to).
stp_cds_options() {
  [ "${STP_CDS:-on}" != off ] || return 0
  local dir="${STP_CDS_DIR:-$stp_target/cds}" java_bin key archive
  java_bin="$(readlink -f "$(command -v java)")" || return 0
  # a JDK updated in place keeps its path, not its files' size and time
  key="$({ echo "$java_bin"; stat -c '%n %s %Y' "$java_bin" "$(dirname "$java_bin")/../lib/server/libjvm.so" "$stp_jar";
           cat "$stp_classpath_file"; } 2>/dev/null | md5sum | cut -c1-16)"
  archive="$dir/stp-$key.jsa"
  echo "-Xlog:cds=off"
  echo "-Xlog:cds+dynamic=off"
  if [ -f "$archive" ]; then
    echo "-XX:SharedArchiveFile=$archive"
  else
    # archives of an earlier build or JDK: no JVM will map them again (one already running keeps its mapping)
    rm -f "$dir"/stp-*.jsa 2>/dev/null || true
    echo "-XX:+RecordDynamicDumpInfo"
    echo "-Dstp.cds.archive=$archive"
  fi
}

# The Spark jars as a ':'-separated class path.
stp_classpath() {
  cat "$stp_classpath_file"
}

# Path of the duckdb_jdbc jar: DUCKDB_JAR, else the version the pom's tests use (duckdb.version) from
# the local Maven repository, fetched when missing.
# $1: the name to prefix messages with. Returns 1 when it cannot be found.
stp_duckdb_jar() {
  local who="$1" jar="${DUCKDB_JAR:-}" version
  if [ -z "$jar" ]; then
    version="$(sed -n 's:.*<duckdb.version>\(.*\)</duckdb.version>.*:\1:p' "$stp_root/pom.xml")"
    jar="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}/org/duckdb/duckdb_jdbc/$version/duckdb_jdbc-$version.jar"
    if [ ! -f "$jar" ]; then
      echo "$who: fetching org.duckdb:duckdb_jdbc:$version with Maven..." >&2
      mvn -B -q -o dependency:get -Dartifact="org.duckdb:duckdb_jdbc:$version" >&2 \
        || mvn -B -q dependency:get -Dartifact="org.duckdb:duckdb_jdbc:$version" >&2 || true
    fi
  fi
  [ -f "$jar" ] || { echo "$who: duckdb_jdbc jar not found ($jar); set DUCKDB_JAR" >&2; return 1; }
  echo "$jar"
}
