#!/usr/bin/env bash
# SampleJob overhead and scaling, in one run on one machine: the same work (N samples of a model folder with DDIM,
# batches of B, PNG files written atomically) by a plain in-process loop over the job's generator and file writer,
# by SampleJob at parallelism 1 and at parallelism 2, one libtorch intra-op thread per subtask, all end to end
# (model loading; for the job also the input checks and the embedded MiniCluster). Targets: p1 time <= 1.10 x plain
# loop time; p2 >= 1.7 x p1 samples/s. All runs must write the same bytes (checked).
# Usage: bench/flink-sample/run.sh [rounds]
#   env MODEL (default: the golden unet_medium, 28x28x1, 1.6M parameters), N (256), BATCH (32), STEPS (20),
#   OUT (default ${TMPDIR:-/tmp}/ddpm4j-bench-flink-sample)
# Needs: the project's Maven dependencies in ~/.m2 (offline build), python3 for the summary.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROUNDS=${1:-2}
MODEL=${MODEL:-$ROOT/../shared/golden/unet_medium}
N=${N:-256}
BATCH=${BATCH:-32}
STEPS=${STEPS:-20}
OUT=${OUT:-${TMPDIR:-/tmp}/ddpm4j-bench-flink-sample}
rm -rf "$OUT"
mkdir -p "$OUT"
cd "$ROOT"
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
CP=$(bench_classpath flink-jobs)

{
  machine_line
  echo "work: model $MODEL, n=$N, batch $BATCH, DDIM $STEPS steps, PNG, 1 intra-op thread per subtask"
} | tee "$OUT/machine.txt"

java -Xmx6g -Dlog4j2.configurationFile=log4j2-cli.properties -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
  -cp "$CP" org.ddpm4j.flink.sample.SampleBenchmark "$OUT/runs" "$MODEL" "$N" "$BATCH" "$STEPS" "$ROUNDS" \
  2> "$OUT/stderr.log" | tee "$OUT/results.jsonl"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"

python3 - "$OUT/results.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
def best(impl, p):
    return min(r["seconds"] for r in rows if r["impl"] == impl and r["parallelism"] == p)
plain, p1, p2 = best("plain loop", 1), best("SampleJob", 1), best("SampleJob", 2)
n = rows[0]["samples"]
print("\n| run | seconds (each round) | best | samples/s (best) |")
print("| --- | --- | --- | --- |")
for impl, p in (("plain loop", 1), ("SampleJob", 1), ("SampleJob", 2)):
    s = [r["seconds"] for r in rows if r["impl"] == impl and r["parallelism"] == p]
    name = impl if impl == "plain loop" else f"{impl}, parallelism {p}"
    print(f"| {name} | {', '.join(f'{x:.1f}' for x in s)} | {min(s):.1f} | {n / min(s):.2f} |")
print(f"\nSampleJob p1 / plain loop time: {p1 / plain:.3f} (target <= 1.10)")
print(f"SampleJob p2 / p1 samples/s: {p1 / p2:.3f} (target >= 1.7)")
PY
