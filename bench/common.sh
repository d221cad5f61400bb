# Shared by the bench scripts; source it after setting ROOT (the project root) and OUT (the bench's scratch folder).

# Builds MODULE (and what it needs) offline without running tests, and prints the classpath of MODULE's test
# sources: its test and main classes, model-core's classes and the test-scope dependencies.
bench_classpath() {
  local module=$1
  (cd "$ROOT" && ./mvnw -q -B -o -pl "$module" -am install -DskipTests >&2 \
    && ./mvnw -q -B -o -pl "$module" dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null)
  echo "$ROOT/$module/target/test-classes:$ROOT/$module/target/classes:$ROOT/model-core/target/classes:$(cat "$OUT/classpath.txt")"
}

# One line naming the date, the machine, the JVM and the load average before the measurement.
machine_line() {
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1);" \
    "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
}
