#!/usr/bin/env bash
# U-Net forward images/s of ddpm4j (UNet2DModel.predict) against the same network in PyTorch eager (torch_unet.py, a
# re-implementation of diffusers' UNet2DModel; Debian's python3-torch), random weights, in one run on one machine,
# same intra-op threads, alternating per config. Target (issue 2): ddpm4j >= 1.10x PyTorch's images/s.
# Usage: bench/unet-forward/run.sh
#   env THREADS (2), WARMUP (3 s), MEASURE (10 s), BATCHES ("1 16 64"),
#   CONFIGS (the fashion-mnist-28 config and the golden google/ddpm-cifar10-32 config)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-3}
MEASURE=${MEASURE:-10}
BATCHES=${BATCHES:-1 16 64}
CONFIGS=${CONFIGS:-$ROOT/model-core/src/main/resources/configs/fashion-mnist-28.json $ROOT/../shared/golden/ddpm_cifar10_32/config.json}
OUT=${OUT:-${TMPDIR:-/tmp}/ddpm4j-bench-unet-forward}
mkdir -p "$OUT"
cd "$ROOT"
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
CP=$(bench_classpath model-core)
machine_line
for config in $CONFIGS; do
  echo "config: $config"
  # shellcheck disable=SC2086
  java -Xmx6g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$THREADS" -cp "$CP" \
    org.ddpm4j.bench.UNetForwardBench "$config" "$WARMUP" "$MEASURE" $BATCHES 2>/dev/null
  # shellcheck disable=SC2086
  /usr/bin/python3 "$ROOT/bench/unet-forward/bench_torch.py" "$config" "$THREADS" "$WARMUP" "$MEASURE" $BATCHES
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
