#!/usr/bin/python3
"""Reference parity for the LibTorch MTSA-Net (docs/MTSA-NET.md).

Builds the same network in PyTorch (Debian's python3-torch 1.13), independently of the C++
code, loads the weights that tests/models/export_mtsa_reference.cpp wrote by name, runs the
same input in eval mode and asserts that both outputs agree within 1e-4.

Usage: reference_mtsa_net.py --exporter PATH [--configs small|all]
"""
import argparse
import os
import pathlib
import struct
import subprocess
import sys
import tempfile
import time

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

TOLERANCE = 1e-4
LEVELS = 5
TOKEN_GRID = 4
STRIP_KERNELS = (5, 7, 11)
# (input size, base width, embed dim, heads, MLP ratio, batch)
SMALL = (64, 8, 32, 4, 2, 2)
PAPER = (384, 32, 256, 8, 4, 1)


class MsaModule(nn.Module):
    """a = DW5x5(F); s = Conv3x3(F) + a + sum_k DW(k x 1)(DW(1 x k)(a)); Out = Conv1x1(s) * F."""

    def __init__(self, c):
        super().__init__()
        self.depthwise5 = nn.Conv2d(c, c, 5, padding=2, groups=c)
        self.local3 = nn.Conv2d(c, c, 3, padding=1)
        for k in STRIP_KERNELS:
            setattr(self, f"strip{k}_row", nn.Conv2d(c, c, (1, k), padding=(0, k // 2), groups=c))
            setattr(self, f"strip{k}_col", nn.Conv2d(c, c, (k, 1), padding=(k // 2, 0), groups=c))
        self.mix = nn.Conv2d(c, c, 1)

    def forward(self, f):
        a = self.depthwise5(f)
        s = self.local3(f) + a
        for k in STRIP_KERNELS:
            s = s + getattr(self, f"strip{k}_col")(getattr(self, f"strip{k}_row")(a))
        return self.mix(s) * f


class ConvBlock(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, 3, padding=1, bias=False)
        self.norm = nn.BatchNorm2d(cout)

    def forward(self, x):
        return F.relu(self.norm(self.conv(x)))


class MsaBlock(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv = ConvBlock(cin, cout)
        self.msa = MsaModule(cout)

    def forward(self, x):
        return self.msa(self.conv(x))


class TransformerBlock(nn.Module):
    def __init__(self, embed, heads, ratio):
        super().__init__()
        self.heads = heads
        self.norm1 = nn.LayerNorm(embed)
        self.qkv = nn.Linear(embed, 3 * embed)
        self.proj = nn.Linear(embed, embed)
        self.norm2 = nn.LayerNorm(embed)
        self.fc1 = nn.Linear(embed, embed * ratio)
        self.fc2 = nn.Linear(embed * ratio, embed)

    def attention(self, x):
        b, n, e = x.shape
        q, k, v = self.qkv(x).reshape(b, n, 3, self.heads, e // self.heads).permute(2, 0, 3, 1, 4)
        weights = torch.softmax(q @ k.transpose(-2, -1) / (e // self.heads) ** 0.5, dim=-1)
        return self.proj((weights @ v).transpose(1, 2).reshape(b, n, e))

    def forward(self, x):
        x = x + self.attention(self.norm1(x))
        return x + self.fc2(F.gelu(self.fc1(self.norm2(x))))


class EgfrClassifier(nn.Module):
    def __init__(self, size, base, embed, heads, ratio):
        super().__init__()
        channels = base * 2 ** (LEVELS - 1)
        patch = (size >> (LEVELS - 1)) // TOKEN_GRID
        self.conv = ConvBlock(channels, channels)
        self.patch_embed = nn.Conv2d(channels, embed, patch, stride=patch)
        self.position_embedding = nn.Parameter(torch.zeros(1, TOKEN_GRID * TOKEN_GRID, embed))
        self.transformer = TransformerBlock(embed, heads, ratio)
        self.fc1 = nn.Linear(embed, embed // 2)
        self.fc2 = nn.Linear(embed // 2, 2)

    def forward(self, x):
        grid = self.patch_embed(self.conv(x))
        b, e = grid.shape[:2]
        tokens = self.transformer(grid.flatten(2).transpose(1, 2) + self.position_embedding)
        pooled = F.avg_pool2d(tokens.transpose(1, 2).reshape(b, e, TOKEN_GRID, TOKEN_GRID),
                              TOKEN_GRID).flatten(1)
        return self.fc2(F.gelu(self.fc1(pooled)))


class MtsaNet(nn.Module):
    def __init__(self, size, base, embed, heads, ratio):
        super().__init__()
        widths = [base << level for level in range(LEVELS)]
        self.encoder = nn.ModuleList(
            MsaBlock(1 if i == 0 else widths[i - 1], widths[i]) for i in range(LEVELS))
        self.upsample = nn.ModuleList(
            nn.ConvTranspose2d(widths[i + 1], widths[i], 2, stride=2)
            for i in reversed(range(LEVELS - 1)))
        self.fuse = nn.ModuleList(
            ConvBlock(2 * widths[i], widths[i]) for i in reversed(range(LEVELS - 1)))
        self.seg_head = nn.Conv2d(base, 1, 1)
        self.classifier = EgfrClassifier(size, base, embed, heads, ratio)

    def forward(self, x):
        skips = []
        for level, block in enumerate(self.encoder):
            x = block(F.max_pool2d(x, 2) if level > 0 else x)
            skips.append(x)
        egfr = self.classifier(skips[-1])
        for step, (up, fuse) in enumerate(zip(self.upsample, self.fuse)):
            x = fuse(torch.cat([up(x), skips[-2 - step]], dim=1))
        return self.seg_head(x), egfr


def read_archive(path):
    """Reads the tensor archive format of models/src/TensorArchive.h."""
    data = pathlib.Path(path).read_bytes()
    if data[:8] != b"METISTNS":
        raise ValueError(f"{path}: not a Metis tensor archive")
    version, count = struct.unpack_from("<II", data, 8)
    if version != 1:
        raise ValueError(f"{path}: unsupported version {version}")
    offset, tensors = 16, {}
    for _ in range(count):
        (name_bytes,) = struct.unpack_from("<I", data, offset)
        offset += 4
        name = data[offset:offset + name_bytes].decode("utf-8")
        offset += name_bytes
        dtype, rank = struct.unpack_from("<BI", data, offset)
        offset += 5
        shape = struct.unpack_from(f"<{rank}q", data, offset)
        offset += 8 * rank
        (byte_count,) = struct.unpack_from("<Q", data, offset)
        offset += 8
        array = np.frombuffer(data[offset:offset + byte_count],
                              dtype=np.float32 if dtype == 0 else np.int64).reshape(shape)
        offset += byte_count
        tensors[name] = torch.from_numpy(array.copy())
    if offset != len(data):
        raise ValueError(f"{path}: {len(data) - offset} trailing bytes")
    return tensors


def check(exporter, config):
    size, base, embed, heads, ratio, batch = config
    with tempfile.TemporaryDirectory() as tmp:
        started = time.monotonic()
        subprocess.run([exporter, tmp] + [str(v) for v in config], check=True,
                       stdout=subprocess.DEVNULL)
        exported = time.monotonic()
        torch.manual_seed(0)  # irrelevant: every tensor is overwritten by the C++ weights
        net = MtsaNet(size, base, embed, heads, ratio)
        state = read_archive(pathlib.Path(tmp) / "weights.mtw")
        expected_names = set(net.state_dict().keys())
        if set(state) != expected_names:
            raise AssertionError(f"weight names differ: only in C++ {set(state) - expected_names}, "
                                 f"only in Python {expected_names - set(state)}")
        net.load_state_dict(state, strict=True)
        net.eval()
        io = read_archive(pathlib.Path(tmp) / "io.mtw")
        with torch.no_grad():
            seg, egfr = net(io["input"])
        finished = time.monotonic()
    seg_diff = (seg - io["seg"]).abs().max().item()
    egfr_diff = (egfr - io["egfr"]).abs().max().item()
    print(f"config size={size} width={base} embed={embed} heads={heads} mlp={ratio} batch={batch}: "
          f"max |seg diff| {seg_diff:.3g}, max |egfr diff| {egfr_diff:.3g} "
          f"(C++ export {exported - started:.1f} s, Python {finished - exported:.1f} s)")
    ok = seg.shape == io["seg"].shape and egfr.shape == io["egfr"].shape
    ok = ok and seg_diff <= TOLERANCE and egfr_diff <= TOLERANCE
    # A forward that ignored the weights could agree by accident only if outputs were trivial.
    ok = ok and io["seg"].std().item() > 0 and io["egfr"].abs().max().item() > 0
    return ok


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--exporter", required=True)
    parser.add_argument("--configs", choices=("small", "all"), default="all")
    args = parser.parse_args()
    # Debian's build starts with one intra-op thread; use the machine, as the C++ side does.
    torch.set_num_threads(os.cpu_count() or 1)
    configs = [SMALL] + ([PAPER] if args.configs == "all" else [])
    failures = [c for c in configs if not check(args.exporter, c)]
    if failures:
        print(f"PARITY FAILED for {failures} (tolerance {TOLERANCE})")
        return 1
    print(f"parity OK for {len(configs)} configuration(s) within {TOLERANCE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
