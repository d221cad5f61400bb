"""PyTorch eager images/s of the UNet2DModel re-implementation (random weights) at the given batch sizes.

Usage: bench_torch.py CONFIG_JSON THREADS WARMUP_S MEASURE_S BATCH... ; prints one JSON line per batch size.
"""
import json
import sys
import time

import torch

import torch_unet


def main():
    config, threads, warmup_s, measure_s = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
    batches = [int(b) for b in sys.argv[5:]]
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(0)
    with open(config) as f:
        cfg = json.load(f)
    model = torch_unet.UNet2DModel(cfg).eval()
    params = sum(p.numel() for p in model.parameters())
    size = cfg["sample_size"]
    with torch.no_grad():
        for b in batches:
            x = torch.randn(b, cfg["in_channels"], size, size)
            t = torch.full((b,), 500, dtype=torch.long)
            run(model, x, t, warmup_s)
            iters, seconds = run(model, x, t, measure_s)
            print(json.dumps({"impl": "pytorch-eager", "torch": torch.__version__, "threads": torch.get_num_threads(),
                              "batch": b, "iterations": iters, "seconds": seconds,
                              "images_per_s": b * iters / seconds, "parameters": params}), flush=True)


def run(model, x, t, budget_s):
    """Runs forward passes for at least budget_s seconds (and at least 3); returns (passes, seconds)."""
    n = 0
    start = time.perf_counter()
    while True:
        model(x, t)
        n += 1
        elapsed = time.perf_counter() - start
        if n >= 3 and elapsed >= budget_s:
            return n, elapsed


if __name__ == "__main__":
    main()
