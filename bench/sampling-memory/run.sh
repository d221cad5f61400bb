#!/usr/bin/env bash
# Resident memory over 1000-step DDPM sampling runs of the tiny golden U-Net (batch 4) through DiffusionPipeline:
# VmRSS after step 100 vs after step 1000 (target: < 50 MB growth). See docs/BENCHMARKS.md, section sampling-memory.
#
# Usage: bench/sampling-memory/run.sh [GOLDEN_DIR]   (default: ../shared/golden of the project root)
# Env:   THREADS (libtorch intra-op threads, default 1)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GOLDEN="$(cd "${1:-$ROOT/../shared/golden}" && pwd)"
THREADS=${THREADS:-1}
cd "$ROOT"

OUT="$(mktemp -d)"
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
CP=$(bench_classpath model-core)

MODEL="$(mktemp -d)"
trap 'rm -rf "$MODEL" "$OUT"' EXIT
cp "$GOLDEN/unet_tiny/config.json" "$GOLDEN/unet_tiny/diffusion_pytorch_model.safetensors" "$MODEL/"
cp "$GOLDEN/ddpm_cifar10_32/scheduler_config.json" "$MODEL/"

run() {
  java "$@" -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$THREADS" -Dai.djl.pytorch.num_interop_threads=1 \
    -cp "$CP" org.ddpm4j.pipeline.SamplingMemory "$MODEL" 1000 4 100 "$RUNS" 2>&1 | grep '^run '
}

echo "$(machine_line); threads: $THREADS"
echo "== fixed, pre-touched Java heap (-Xms512m -Xmx512m -XX:+AlwaysPreTouch): 3 consecutive runs in one JVM"
RUNS=3 run -Xms512m -Xmx512m -XX:+AlwaysPreTouch
echo "== default heap sizing (-Xmx4g): 1 run; the GC log shows how often the young generation was collected"
GC_LOG="$MODEL/gc.log"
RUNS=1 run -Xmx4g -Xlog:gc:file="$GC_LOG"
echo "young collections during the run: $(grep -c 'Pause Young' "$GC_LOG" || true)"
