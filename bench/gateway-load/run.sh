#!/usr/bin/env bash
# Gateway load benchmark: throughput and p50/p99 latency with 1, 4 and 16 closed-loop clients, dynamic batching on and
# off, then an overload run (64 clients against a small queue) that checks for 503s and samples the server's RSS.
# Traffic goes to 127.0.0.1 only; every run is bounded in time. Prints a markdown section for docs/BENCHMARKS.md.
#
# Environment: SECONDS_PER_RUN (default 20), STEPS (default 20), PORT (default 18080), TORCH_THREADS (PyTorch intra-op
# threads of the server, default: the number of cores), MODEL_DIR (a diffusers model folder; default:
# models/fashion-mnist if present, else the golden 28x28 unet_medium from shared/golden).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/gateway-load"
APP="$ROOT/quarkus-gateway/target/quarkus-app/quarkus-run.jar"
PORT="${PORT:-18080}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-20}"
STEPS="${STEPS:-20}"
TORCH_THREADS="${TORCH_THREADS:-$(nproc)}"
GOLDEN="${GOLDEN_DIR:-$ROOT/../shared/golden}"
WORK="$(mktemp -d)"
trap 'stop_server; rm -rf "$WORK"' EXIT

if [[ -z "${MODEL_DIR:-}" ]]; then
  if [[ -f "$ROOT/models/fashion-mnist/config.json" ]]; then
    MODEL_DIR="$ROOT/models/fashion-mnist"
  else
    MODEL_DIR="$GOLDEN/unet_medium"
  fi
fi
MODEL=bench-model
mkdir -p "$WORK/models/$MODEL"
cp "$MODEL_DIR/config.json" "$MODEL_DIR/diffusion_pytorch_model.safetensors" "$WORK/models/$MODEL/"
if [[ -f "$MODEL_DIR/scheduler_config.json" ]]; then
  cp "$MODEL_DIR/scheduler_config.json" "$WORK/models/$MODEL/"
else
  cp "$GOLDEN/ddpm_cifar10_32/scheduler_config.json" "$WORK/models/$MODEL/"
fi

if [[ ! -f "$APP" ]]; then
  (cd "$ROOT" && ./mvnw -q -B -DskipTests -pl quarkus-gateway -am package)
fi

SERVER_PID=""
start_server() { # extra -D options
  java -Xmx2g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$TORCH_THREADS" \
    -Dai.djl.pytorch.num_interop_threads=1 -Dquarkus.http.port="$PORT" -Dddpm4j.gateway.models.dir="$WORK/models" \
    -Dddpm4j.gateway.models.default-model="$MODEL" -Dquarkus.log.level=WARN "$@" -jar "$APP" \
    > "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 240); do
    if curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null; then return 0; fi
    sleep 0.5
  done
  echo "server did not become ready; log:" >&2; cat "$WORK/server.log" >&2; exit 1
}
stop_server() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  SERVER_PID=""
}
load() { # clients seconds
  java "$HERE/LoadGen.java" "http://127.0.0.1:$PORT/v1/images" "$1" "$2" 1 \
    "{\"n\":1,\"seed\":7,\"sampler\":\"ddim\",\"steps\":$STEPS,\"format\":\"png\"}"
}
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<< "$2"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; } # user + system CPU of the server, in clock ticks

echo "## gateway-load"
echo
echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB," \
  "$(sed -n 's/model name\s*: //p' /proc/cpuinfo | head -1); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- command: \`SECONDS_PER_RUN=$SECONDS_PER_RUN STEPS=$STEPS TORCH_THREADS=$TORCH_THREADS bench/gateway-load/run.sh\`;" \
  "model: $(basename "$MODEL_DIR") ($(python3 -c "import json;c=json.load(open('$MODEL_DIR/config.json'));print(c['sample_size'],'px,',c['in_channels'],'channel(s)')" 2>/dev/null || echo '?'));" \
  "each request: n=1, ddim, $STEPS steps, png; closed loop, ${SECONDS_PER_RUN}s per row"
echo
echo "| batching | clients | requests/s | p50 ms | p99 ms | server CPU s per request | statuses |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
declare -A RPS CPU
for batching in true false; do
  start_server -Dddpm4j.gateway.batching.enabled=$batching -Dddpm4j.gateway.batching.max-batch-size=32 \
    -Dddpm4j.gateway.batching.queue-capacity=64
  load 2 5 > /dev/null # warm-up
  for clients in 1 4 16; do
    ticks0=$(cpu_ticks)
    line="$(load "$clients" "$SECONDS_PER_RUN")"
    cpu=$(python3 -c "print(f'{($(cpu_ticks) - $ticks0) / $(getconf CLK_TCK) / max(1, $(field ok "$line")):.2f}')")
    RPS[$batching-$clients]="$(field req_per_s "$line")"
    CPU[$batching-$clients]="$cpu"
    echo "| $([[ $batching == true ]] && echo on || echo off) | $clients | $(field req_per_s "$line") |" \
      "$(field p50_ms "$line") | $(field p99_ms "$line") | $cpu | $(field statuses "$line") |"
  done
  stop_server
done
echo
echo "Speed-up of batching at 16 clients: $(python3 -c "print(f'{${RPS[true-16]}/${RPS[false-16]}:.1f}x')")" \
  "(at 4 clients: $(python3 -c "print(f'{${RPS[true-4]}/${RPS[false-4]}:.1f}x')")); server CPU per request at 16" \
  "clients: $(python3 -c "print(f'{${CPU[false-16]}/max(${CPU[true-16]}, 1e-9):.1f}x')") less with batching."

# overload: 64 clients against 16 rows per forward and 8 waiting places; RSS sampled every 0.5 s
start_server -Dddpm4j.gateway.batching.max-batch-size=16 -Dddpm4j.gateway.batching.queue-capacity=8
rss_idle=$(ps -o rss= -p "$SERVER_PID" | tr -d ' ')
( max=0; while kill -0 "$SERVER_PID" 2>/dev/null; do
    r=$(ps -o rss= -p "$SERVER_PID" | tr -d ' '); [[ -n "$r" && "$r" -gt "$max" ]] && max=$r && echo "$max" > "$WORK/rss"
    sleep 0.5; done ) &
SAMPLER=$!
line="$(load 64 "$SECONDS_PER_RUN")"
kill "$SAMPLER" 2>/dev/null || true
echo
echo "Overload (64 clients, max-batch-size 16, queue-capacity 8, ${SECONDS_PER_RUN}s): statuses $(field statuses "$line")," \
  "$(field req_per_s "$line") ok/s, p99 of the 200s $(field p99_ms "$line") ms; RSS $((rss_idle / 1024)) MiB ready," \
  "max $(( $(cat "$WORK/rss") / 1024 )) MiB under overload."
stop_server
