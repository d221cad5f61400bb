#!/usr/bin/env bash
# Frechet distance for 2048-d statistics (golden metrics case "a"), in one run: ddpm4j's FrechetDistance (Java)
# vs pytorch-fid's route (scipy.linalg.sqrtm) vs torch-fidelity's route (numpy.linalg.eigvals), all on the same
# mu/sigma, which the Java side writes as pytorch-fid .npz files first.
# Usage: bench/fid/run.sh [repeats]   (env OUT: output folder, default ${TMPDIR:-/tmp}/ddpm4j-bench-fid)
# Needs: the project's Maven dependencies in ~/.m2 (offline build), Debian python3-numpy and python3-scipy.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
REPEATS=${1:-3}
OUT=${OUT:-${TMPDIR:-/tmp}/ddpm4j-bench-fid}
mkdir -p "$OUT"
cd "$ROOT"
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
CP=$(bench_classpath model-core)

{
  machine_line
} | tee "$OUT/machine.txt"

java -Xmx4g -cp "$CP" org.ddpm4j.eval.FidBenchmark "$OUT" "$REPEATS" | tee "$OUT/results.jsonl"
/usr/bin/python3 bench/fid/reference.py "$OUT/case_a_set1.npz" "$OUT/case_a_set2.npz" "$REPEATS" \
  | tee -a "$OUT/results.jsonl"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"

/usr/bin/python3 - "$OUT/results.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
golden = 628.6835965347591  # pytorch-fid on case a (shared/golden/metrics/expected.json)
print("\n| implementation | FID | rel. diff. to pytorch-fid golden | wall s (each run) | CPU s (each run) |")
print("| --- | --- | --- | --- | --- |")
for r in rows:
    runs = lambda key: ", ".join(f"{x:.2f}" for x in r[key])
    print(f"| {r['impl']} | {r['value']:.10f} | {abs(r['value'] - golden) / golden:.1e} | {runs('seconds')} | "
          f"{runs('cpu_seconds')} |")
PY
