#!/usr/bin/env python3
"""Inference speed of MTSA-Net in PyTorch (the torch wheel Metis links), for comparison with the
C++ engine in the same benchmark run. Builds the network of tests/models/reference_mtsa_net.py at
the given configuration with PyTorch's best CPU settings (eval, inference mode, channels-last,
bf16 autocast where asked) and times forward passes on random slices. Prints
`pytorch_ms_per_slice <precision> <batch> X` lines."""
import argparse
import os
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "models"))
import reference_mtsa_net as ref  # noqa: E402


def time_forward(net, batch, side, repeats, bf16):
    images = torch.randn(batch, 1, side, side).contiguous(memory_format=torch.channels_last)
    with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
        net(images)  # warm-up: allocations and oneDNN kernel creation
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            net(images)
            times.append(time.perf_counter() - started)
    times.sort()
    return 1000.0 * times[len(times) // 2] / batch


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--input-size", type=int, default=384)
    parser.add_argument("--base-width", type=int, default=32)
    parser.add_argument("--embed-dim", type=int, default=256)
    parser.add_argument("--repeats", type=int, default=4)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    net = ref.MtsaNet(args.input_size, args.base_width, args.embed_dim, 8, 4).eval()
    net = net.to(memory_format=torch.channels_last)
    for precision, bf16 in (("fp32", False), ("bf16", True)):
        for batch in (1, 4):
            ms = time_forward(net, batch, args.input_size, args.repeats, bf16)
            print(f"pytorch_ms_per_slice {precision} {batch} {ms:.2f}", flush=True)


if __name__ == "__main__":
    main()
