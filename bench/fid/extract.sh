#!/usr/bin/env bash
# Feature extraction images/s of the FID job (`ddpm4j fid`) at parallelism 1 and 2, in one run on one machine,
# alternating ROUNDS times: the Fashion-MNIST test set (10,000 images) through the project's classifier
# (models/fmnist-classifier, FID-FMNIST) against precomputed statistics of the training set, so that only the
# samples' side is extracted (the FID-FMNIST they report is the floor: test set against training set). Each run is
# end to end (JVM, MiniCluster, network loading, the dataset, features, statistics, metrics); images/s = images / the
# job's wall time in report.json. Intra-op threads: 1 per subtask (OMP_NUM_THREADS=1), as the sample job runs on
# CPUs; a third configuration gives parallelism 1 both cores (OMP_NUM_THREADS=2).
# Usage: bench/fid/extract.sh [rounds]
#   env DATA (/usr/share/datasets/fashion-mnist), BATCH (the job's default), OUT (${TMPDIR:-/tmp}/ddpm4j-bench-fid-extract)
# Needs: the project's Maven dependencies in ~/.m2 (./ddpm4j builds on first use), python3 for the summary.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROUNDS=${1:-2}
DATA=${DATA:-/usr/share/datasets/fashion-mnist}
OUT=${OUT:-${TMPDIR:-/tmp}/ddpm4j-bench-fid-extract}
CLASSIFIER="$ROOT/models/fmnist-classifier"
SAMPLES="fashion-mnist:$DATA:test"
rm -rf "$OUT"
mkdir -p "$OUT"
cd "$ROOT"
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
BATCH_FLAG=()
[[ -n "${BATCH:-}" ]] && BATCH_FLAG=(--batch-size "$BATCH")

fid() { # OUT_NAME THREADS PARALLELISM [--samples, --reference and other flags]
  local name=$1 threads=$2 p=$3
  shift 3
  OMP_NUM_THREADS=$threads ./ddpm4j fid --extractor fmnist --extractor-file "$CLASSIFIER" \
    --parallelism "$p" "${BATCH_FLAG[@]}" --out "$OUT/$name" "$@" > "$OUT/$name.log" 2>&1
}

# the reference statistics of the training set (60,000 images, saved as the "samples" of a run against the test set),
# made once and not timed
fid reference 1 2 --samples "fashion-mnist:$DATA:train" --reference "$SAMPLES" --save-stats
REF="$OUT/reference/sample_stats.npz"
machine_line | tee "$OUT/machine.txt"
for r in $(seq "$ROUNDS"); do
  for cfg in "1 1" "1 2" "2 1"; do
    read -r threads p <<< "$cfg"
    fid "run$r-p$p-t$threads" "$threads" "$p" --samples "$SAMPLES" --reference "$REF"
    /usr/bin/python3 - "$OUT/run$r-p$p-t$threads/report.json" "$threads" <<'PY' | tee -a "$OUT/results.jsonl"
import json, sys
r = json.load(open(sys.argv[1]))
n = r["n"]["samples"]
print(json.dumps({"parallelism": r["parallelism"], "threads_per_subtask": int(sys.argv[2]), "images": n,
                  "seconds": round(r["wallTimeSeconds"], 2), "images_per_s": round(n / r["wallTimeSeconds"], 1),
                  "fid_fmnist": r["value"]}))
PY
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
/usr/bin/python3 - "$OUT/results.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
def best(p, t):
    return max(r["images_per_s"] for r in rows if r["parallelism"] == p and r["threads_per_subtask"] == t)
fids = [r["fid_fmnist"] for r in rows]
# the partial statistics are merged in another order at parallelism 2: equal to rounding, not to the bit
assert max(fids) - min(fids) <= 1e-9 * max(abs(f) for f in fids), f"the runs disagree on FID-FMNIST: {fids}"
print(f"images/s (best of rounds): p1 x 1 thread {best(1, 1)}, p2 x 1 thread {best(2, 1)} "
      f"({best(2, 1) / best(1, 1):.2f}x), p1 x 2 threads {best(1, 2)}")
PY
