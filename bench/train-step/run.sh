#!/usr/bin/env bash
# Training steps/s of ddpm4j's Trainer against the same network, loss, clipping, Adam and EMA in PyTorch eager, in one
# run on one machine, alternating the two ROUNDS times. Target (issue 3): ddpm4j >= 1.0x PyTorch's steps/s.
# Usage: bench/train-step/run.sh [rounds]
#   env CONFIG (default: the fashion-mnist-28 config, 1.6M parameters), THREADS (2), BATCH (64), WARMUP (3),
#   MEASURE (20), DATA (/usr/share/datasets/fashion-mnist)
# Needs: the project's Maven dependencies in ~/.m2 (offline build); Debian's python3-torch for the reference.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROUNDS=${1:-2}
CONFIG=${CONFIG:-$ROOT/model-core/src/main/resources/configs/fashion-mnist-28.json}
THREADS=${THREADS:-2}
BATCH=${BATCH:-64}
WARMUP=${WARMUP:-3}
MEASURE=${MEASURE:-20}
DATA=${DATA:-/usr/share/datasets/fashion-mnist}
OUT=${OUT:-${TMPDIR:-/tmp}/ddpm4j-bench-train-step}
mkdir -p "$OUT"
cd "$ROOT"
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
CP=$(bench_classpath model-core)
machine_line
for r in $(seq "$ROUNDS"); do
  java -Xmx4g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$THREADS" -cp "$CP" \
    org.ddpm4j.train.TrainStepBench "$CONFIG" "$DATA" "$BATCH" "$WARMUP" "$MEASURE" 2>/dev/null
  /usr/bin/python3 "$ROOT/bench/train-step/bench_torch.py" "$CONFIG" "$THREADS" "$BATCH" "$WARMUP" "$MEASURE" \
    "$DATA/train-images-idx3-ubyte.gz"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
