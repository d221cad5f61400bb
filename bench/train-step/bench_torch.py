"""PyTorch eager training steps/s of the same U-Net, loss and optimizer as ddpm4j's Trainer.

One step: a batch of 28x28 images, uniform timesteps, Gaussian noise, x_t = sqrt(abar) x0 + sqrt(1 - abar) eps,
eps-prediction in training mode (dropout on), MSE (L_simple), backward, clip_grad_norm_(1.0), Adam (lr 2e-4), EMA
update of a shadow copy of the weights (diffusers EMAModel arithmetic), zero_grad: what diffusers'
train_unconditional.py does per step. The images are the first Fashion-MNIST training images when the IDX file is
given, else random.

Usage: bench_torch.py CONFIG_JSON THREADS BATCH WARMUP_STEPS MEASURE_STEPS [TRAIN_IMAGES_IDX_GZ]; prints one JSON line.
"""
import gzip
import json
import sys
import time

import torch

sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/unet-forward")
import torch_unet  # noqa: E402


def images(path, n, size):
    if path is None:
        return torch.rand(n, 1, size, size) * 2 - 1
    with gzip.open(path, "rb") as f:
        data = f.read()
    pixels = torch.frombuffer(bytearray(data[16:16 + n * size * size]), dtype=torch.uint8)
    return (pixels.float().reshape(n, 1, size, size) / 255 - 0.5) / 0.5


def main():
    config, threads, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    warmup, measure = int(sys.argv[4]), int(sys.argv[5])
    idx = sys.argv[6] if len(sys.argv) > 6 else None
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    with open(config) as f:
        cfg = json.load(f)
    model = torch_unet.UNet2DModel(cfg).train()
    ema = [p.detach().clone() for p in model.parameters()]
    opt = torch.optim.Adam(model.parameters(), lr=2e-4)
    betas = torch.linspace(1e-4, 0.02, 1000, dtype=torch.float32)
    abar = torch.cumprod(1 - betas, 0)
    size = cfg["sample_size"]
    data = images(idx, 4096, size)
    step_no = [0]

    def step():
        k = step_no[0]
        rows = torch.arange(k * batch, (k + 1) * batch) % data.shape[0]
        x0 = data[rows]
        t = torch.randint(0, 1000, (batch,))
        noise = torch.randn_like(x0)
        a = abar[t].view(-1, 1, 1, 1)
        xt = a.sqrt() * x0 + (1 - a).sqrt() * noise
        loss = torch.nn.functional.mse_loss(model(xt, t), noise)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=False)
        step_no[0] += 1
        s = step_no[0] - 1
        decay = 0.0 if s <= 0 else min((1 + s) / (10 + s), 0.9999)
        with torch.no_grad():
            for e, p in zip(ema, model.parameters()):
                e.sub_((1 - decay) * (e - p))
        return loss.item()

    for _ in range(warmup):
        step()
    start = time.perf_counter()
    for _ in range(measure):
        step()
    seconds = (time.perf_counter() - start) / measure
    print(json.dumps({"impl": "pytorch-eager", "torch": torch.__version__, "threads": torch.get_num_threads(),
                      "batch": batch, "steps": measure, "seconds_per_step": seconds, "steps_per_s": 1 / seconds,
                      "parameters": sum(p.numel() for p in model.parameters())}), flush=True)


if __name__ == "__main__":
    main()
