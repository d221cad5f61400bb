#!/usr/bin/env bash
# The quality table of docs/QUALITY.md: FID-FMNIST (the project's Fashion-MNIST classifier's features, never "FID")
# of N samples of a model against the Fashion-MNIST test set for each sampler setting, with wall time, via
# `ddpm4j evaluate`; the floor (the first N training images against the test set, same n); and the model's test-set
# bits/dim via `ddpm4j nll` on the first NLL_N test images.
# Usage: bench/quality/run.sh [MODEL_DIR]
#   env N (1000), SETTINGS ("ddim:100 ddim:50 ddim:20 ddim:10 dpmpp:20 dpmpp:10"), PARALLELISM (2), BATCH (64),
#   NLL_N (100), DATA (/usr/share/datasets/fashion-mnist), OUT (${TMPDIR:-/tmp}/ddpm4j-quality)
# Needs: python3-pil (Debian) for the floor's PNGs.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MODEL=${1:-$ROOT/models/fashion-mnist}
N=${N:-1000}
SETTINGS=${SETTINGS:-ddim:100 ddim:50 ddim:20 ddim:10 dpmpp:20 dpmpp:10}
PARALLELISM=${PARALLELISM:-2}
BATCH=${BATCH:-64}
NLL_N=${NLL_N:-100}
DATA=${DATA:-/usr/share/datasets/fashion-mnist}
OUT=${OUT:-${TMPDIR:-/tmp}/ddpm4j-quality}
REF="fashion-mnist:$DATA:test"
CLASSIFIER="$ROOT/models/fmnist-classifier"
rm -rf "$OUT"
mkdir -p "$OUT"
cd "$ROOT"
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
echo "$(machine_line); model $MODEL; n=$N"
for setting in $SETTINGS; do
  sampler=${setting%%:*}
  steps=${setting##*:}
  ./ddpm4j evaluate --model "$MODEL" --n "$N" --seed 0 --sampler "$sampler" --steps "$steps" --batch-size "$BATCH" \
    --parallelism "$PARALLELISM" --threads-per-subtask 1 --reference "$REF" --extractor fmnist \
    --extractor-file "$CLASSIFIER" --out "$OUT/$sampler-$steps" > "$OUT/$sampler-$steps.log" 2>&1
  /usr/bin/python3 - "$OUT/$sampler-$steps/report.json" "$sampler-$steps" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(json.dumps({"setting": sys.argv[2], "report": r}))
PY
done
/usr/bin/python3 "$ROOT/bench/quality/train_pngs.py" "$DATA/train-images-idx3-ubyte.gz" "$N" "$OUT/train-$N"
./ddpm4j fid --samples "$OUT/train-$N" --reference "$REF" --extractor fmnist --extractor-file "$CLASSIFIER" \
  --parallelism "$PARALLELISM" --out "$OUT/floor" > "$OUT/floor.log" 2>&1
/usr/bin/python3 -c "import json,sys; print(json.dumps({'setting': 'floor', 'report': json.load(open(sys.argv[1]))}))" \
  "$OUT/floor/report.json"
DDPM4J_JAVA_OPTS="-Xmx8g -Dai.djl.pytorch.num_threads=$(nproc)" ./ddpm4j nll --model "$MODEL" --data "$DATA" \
  --split test --n "$NLL_N" --batch "$NLL_N" --out "$OUT/nll.json" 2> "$OUT/nll.err"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
