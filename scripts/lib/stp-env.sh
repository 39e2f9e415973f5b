# Sourced by the scripts in scripts/: where the application is, how it is built, and how a JVM is
# started for it. Defines variables and functions only; the caller sets its own shell options.
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/stp-env.sh"

stp_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
stp_target="$stp_root/jobs/target"
# the thin application jar: our code plus picocli and POI; Spark comes from classpath.txt or the cluster
stp_jar="$stp_target/stp.jar"
# the Spark jars (Maven's provided scope), ':'-separated, written by the package phase
stp_classpath_file="$stp_target/classpath.txt"
# exactly the --add-opens list Spark's own launcher uses, filtered from the pom at package time
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

# The JVM options every Spark JVM of the project gets (driver, master, workers): the module opens,
# ParallelGC (a batch job wants throughput; G1 cost ~10% here, scripts/bench-ingest.sh) and UTC.
stp_jvm_options() {
  echo "$(cat "$stp_jvm_options_file") -XX:+UseParallelGC -Duser.timezone=UTC"
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
