"""A minimal PyTorch re-implementation of diffusers' UNet2DModel (v0.21.4) for the DDPM block family.

diffusers is not installed here, so this mirrors its modules one to one (same sub-module names, so the same
state_dict keys and parameter count; same operations in the same order: nn.GroupNorm, nn.SiLU, nn.Conv2d,
nn.Linear, AttnProcessor's baddbmm + softmax + bmm, F.pad + strided conv, F.interpolate nearest + conv). It supports
what ddpm4j supports: DownBlock2D, AttnDownBlock2D, UNetMidBlock2D, UpBlock2D, AttnUpBlock2D, positional time
embedding, silu. `check_golden` verifies it against diffusers' outputs in the golden folder.
"""
import json
import math
import struct
import sys

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


def get_timestep_embedding(timesteps, dim, flip_sin_to_cos, shift):
    half = dim // 2
    exponent = -math.log(10000) * torch.arange(0, half, dtype=torch.float32, device=timesteps.device)
    exponent = exponent / (half - shift)
    emb = torch.exp(exponent)
    emb = timesteps[:, None].float() * emb[None, :]
    emb = torch.cat([torch.sin(emb), torch.cos(emb)], dim=-1)
    if flip_sin_to_cos:
        emb = torch.cat([emb[:, half:], emb[:, :half]], dim=-1)
    return emb


class TimestepEmbedding(nn.Module):
    def __init__(self, cin, dim):
        super().__init__()
        self.linear_1 = nn.Linear(cin, dim)
        self.act = nn.SiLU()
        self.linear_2 = nn.Linear(dim, dim)

    def forward(self, x):
        return self.linear_2(self.act(self.linear_1(x)))


class ResnetBlock2D(nn.Module):
    def __init__(self, cin, cout, temb, groups, eps, dropout, scale=1.0):
        super().__init__()
        self.norm1 = nn.GroupNorm(groups, cin, eps=eps, affine=True)
        self.conv1 = nn.Conv2d(cin, cout, 3, 1, 1)
        self.time_emb_proj = nn.Linear(temb, cout)
        self.norm2 = nn.GroupNorm(groups, cout, eps=eps, affine=True)
        self.dropout = nn.Dropout(dropout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1)
        self.nonlinearity = nn.SiLU()
        self.conv_shortcut = nn.Conv2d(cin, cout, 1, 1, 0) if cin != cout else None
        self.scale = scale

    def forward(self, x, temb):
        h = self.nonlinearity(self.norm1(x))
        h = self.conv1(h)
        t = self.time_emb_proj(self.nonlinearity(temb))[:, :, None, None]
        h = h + t
        h = self.nonlinearity(self.norm2(h))
        h = self.dropout(h)
        h = self.conv2(h)
        if self.conv_shortcut is not None:
            x = self.conv_shortcut(x)
        return (x + h) / self.scale


class Attention(nn.Module):
    def __init__(self, channels, heads, groups, eps, rescale=1.0):
        super().__init__()
        self.group_norm = nn.GroupNorm(groups, channels, eps=eps, affine=True)
        self.to_q = nn.Linear(channels, channels)
        self.to_k = nn.Linear(channels, channels)
        self.to_v = nn.Linear(channels, channels)
        self.to_out = nn.ModuleList([nn.Linear(channels, channels), nn.Dropout(0.0)])
        self.heads = heads
        self.scale = (channels // heads) ** -0.5
        self.rescale = rescale

    def head_to_batch_dim(self, t):
        b, s, d = t.shape
        h = self.heads
        return t.reshape(b, s, h, d // h).permute(0, 2, 1, 3).reshape(b * h, s, d // h)

    def batch_to_head_dim(self, t):
        bh, s, d = t.shape
        h = self.heads
        return t.reshape(bh // h, h, s, d).permute(0, 2, 1, 3).reshape(bh // h, s, d * h)

    def forward(self, x):
        residual = x
        b, c, hh, ww = x.shape
        h = x.view(b, c, hh * ww).transpose(1, 2)
        h = self.group_norm(h.transpose(1, 2)).transpose(1, 2)
        q = self.head_to_batch_dim(self.to_q(h))
        k = self.head_to_batch_dim(self.to_k(h))
        v = self.head_to_batch_dim(self.to_v(h))
        empty = torch.empty(q.shape[0], q.shape[1], k.shape[1], dtype=q.dtype, device=q.device)
        scores = torch.baddbmm(empty, q, k.transpose(-1, -2), beta=0, alpha=self.scale)
        probs = scores.float().softmax(dim=-1).to(q.dtype)
        h = self.batch_to_head_dim(torch.bmm(probs, v))
        h = self.to_out[1](self.to_out[0](h))
        h = h.transpose(-1, -2).reshape(b, c, hh, ww)
        return (h + residual) / self.rescale


class Downsample2D(nn.Module):
    def __init__(self, channels, padding):
        super().__init__()
        self.padding = padding
        self.conv = nn.Conv2d(channels, channels, 3, stride=2, padding=padding)

    def forward(self, x):
        if self.padding == 0:
            x = F.pad(x, (0, 1, 0, 1), mode="constant", value=0)
        return self.conv(x)


class Upsample2D(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)

    def forward(self, x):
        return self.conv(F.interpolate(x, scale_factor=2.0, mode="nearest"))


class DownBlock(nn.Module):
    def __init__(self, attn, layers, cin, cout, temb, last, cfg):
        super().__init__()
        g, eps = cfg["norm_num_groups"], cfg["norm_eps"]
        if attn:
            self.attentions = nn.ModuleList(
                [Attention(cout, heads(cfg, cout), g, eps) for _ in range(layers)])
        self.resnets = nn.ModuleList(
            [ResnetBlock2D(cin if j == 0 else cout, cout, temb, g, eps, cfg["dropout"]) for j in range(layers)])
        if not last:
            self.downsamplers = nn.ModuleList([Downsample2D(cout, cfg["downsample_padding"])])
        self.attn = attn
        self.last = last

    def forward(self, h, temb):
        out = ()
        for j, resnet in enumerate(self.resnets):
            h = resnet(h, temb)
            if self.attn:
                h = self.attentions[j](h)
            out += (h,)
        if not self.last:
            h = self.downsamplers[0](h)
            out += (h,)
        return h, out


class UpBlock(nn.Module):
    def __init__(self, attn, layers, prev, cout, skip_in, temb, last, cfg):
        super().__init__()
        g, eps = cfg["norm_num_groups"], cfg["norm_eps"]
        if attn:
            self.attentions = nn.ModuleList(
                [Attention(cout, heads(cfg, cout), g, eps) for _ in range(layers)])
        self.resnets = nn.ModuleList([
            ResnetBlock2D((prev if j == 0 else cout) + (skip_in if j == layers - 1 else cout), cout, temb, g, eps,
                          cfg["dropout"]) for j in range(layers)])
        if not last:
            self.upsamplers = nn.ModuleList([Upsample2D(cout)])
        self.attn = attn
        self.last = last

    def forward(self, h, skips, temb):
        for j, resnet in enumerate(self.resnets):
            s = skips[-1]
            skips = skips[:-1]
            h = resnet(torch.cat([h, s], dim=1), temb)
            if self.attn:
                h = self.attentions[j](h)
        if not self.last:
            h = self.upsamplers[0](h)
        return h


class MidBlock(nn.Module):
    def __init__(self, channels, temb, cfg):
        super().__init__()
        g, eps, scale = cfg["norm_num_groups"], cfg["norm_eps"], cfg["mid_block_scale_factor"]
        self.attentions = nn.ModuleList(
            [Attention(channels, heads(cfg, channels), g, eps, scale)] if cfg["add_attention"] else [])
        self.resnets = nn.ModuleList(
            [ResnetBlock2D(channels, channels, temb, g, eps, cfg["dropout"], scale) for _ in range(2)])

    def forward(self, h, temb):
        h = self.resnets[0](h, temb)
        if len(self.attentions):
            h = self.attentions[0](h)
        return self.resnets[1](h, temb)


def heads(cfg, channels):
    d = cfg["attention_head_dim"]
    return 1 if d is None else channels // d


class UNet2DModel(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        ch = cfg["block_out_channels"]
        n = len(ch)
        temb = 4 * ch[0]
        lp = cfg["layers_per_block"]
        self.conv_in = nn.Conv2d(cfg["in_channels"], ch[0], 3, padding=1)
        self.time_embedding = TimestepEmbedding(ch[0], temb)
        self.down_blocks = nn.ModuleList([])
        self.mid_block = None
        self.up_blocks = nn.ModuleList([])
        out = ch[0]
        for i, t in enumerate(cfg["down_block_types"]):
            cin, out = out, ch[i]
            self.down_blocks.append(DownBlock(t == "AttnDownBlock2D", lp, cin, out, temb, i == n - 1, cfg))
        self.mid_block = MidBlock(ch[-1], temb, cfg)
        rev = list(reversed(ch))
        out = rev[0]
        for i, t in enumerate(cfg["up_block_types"]):
            prev, out = out, rev[i]
            skip_in = rev[min(i + 1, n - 1)]
            self.up_blocks.append(UpBlock(t == "AttnUpBlock2D", lp + 1, prev, out, skip_in, temb, i == n - 1, cfg))
        self.conv_norm_out = nn.GroupNorm(cfg["norm_num_groups"], ch[0], eps=cfg["norm_eps"])
        self.conv_act = nn.SiLU()
        self.conv_out = nn.Conv2d(ch[0], cfg["out_channels"], 3, padding=1)

    def forward(self, x, t):
        if t.dim() == 0:
            t = t[None]
        t = t * torch.ones(x.shape[0], dtype=t.dtype)
        emb = get_timestep_embedding(t, self.cfg["block_out_channels"][0], self.cfg["flip_sin_to_cos"],
                                     self.cfg["freq_shift"])
        emb = self.time_embedding(emb)
        h = self.conv_in(x)
        skips = (h,)
        for block in self.down_blocks:
            h, res = block(h, emb)
            skips += res
        h = self.mid_block(h, emb)
        for block in self.up_blocks:
            k = len(block.resnets)
            res, skips = skips[-k:], skips[:-k]
            h = block(h, res, emb)
        return self.conv_out(self.conv_act(self.conv_norm_out(h)))


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    types = {"F32": np.float32, "F64": np.float64, "I64": np.int64}
    out = {}
    for k, v in header.items():
        if k == "__metadata__":
            continue
        b, e = v["data_offsets"]
        arr = np.frombuffer(data[8 + n + b:8 + n + e], dtype=types[v["dtype"]]).reshape(v["shape"])
        out[k] = torch.from_numpy(arr.copy())
    return out


def check_golden(folder):
    """Max |eps - diffusers eps| of this re-implementation on a golden case folder."""
    with open(folder + "/config.json") as f:
        cfg = json.load(f)
    model = UNet2DModel(cfg).eval()
    model.load_state_dict(read_safetensors(folder + "/diffusion_pytorch_model.safetensors"))
    cases = read_safetensors(folder + "/cases.safetensors")
    worst = 0.0
    with torch.no_grad():
        for key in cases:
            if key.endswith(".x"):
                c = key[:-2]
                eps = model(cases[c + ".x"], cases[c + ".timesteps"])
                worst = max(worst, (eps - cases[c + ".eps"]).abs().max().item())
    return worst


if __name__ == "__main__":
    print(check_golden(sys.argv[1]))
