#!/usr/bin/env python3
"""Training throughput of MTSA-Net in PyTorch (Debian's python3-torch), for comparison with
the C++ trainer in the same benchmark run. Builds the network of tests/models/reference_mtsa_net.py,
takes the same joint loss (Dice + beta * focal, cross-entropy, uncertainty weights) and Adam,
and times training steps on random slices. Prints one line: `pytorch_slices_per_second X`."""
import argparse
import os
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "models"))
import reference_mtsa_net as ref  # noqa: E402


def joint_loss(seg, target, egfr, labels, log_sigma):
    p = torch.sigmoid(seg)
    dims = (1, 2, 3)
    dice = 1 - (2 * (p * target).sum(dims) + 1) / (p.sum(dims) + target.sum(dims) + 1)
    log_p = F.logsigmoid(seg)
    log_not_p = F.logsigmoid(-seg)
    focal = -(0.8 * target * (1 - p) ** 2 * log_p
              + 0.2 * (1 - target) * p ** 2 * log_not_p).sum(dims)
    gtv = dice.mean() + focal.mean() / 25000.0
    ce = F.cross_entropy(egfr, labels)
    return (0.5 * torch.exp(-2 * log_sigma[0]) * gtv + 0.5 * torch.exp(-2 * log_sigma[1]) * ce
            + log_sigma.sum())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--input-size", type=int, default=128)
    parser.add_argument("--base-width", type=int, default=8)
    parser.add_argument("--embed-dim", type=int, default=64)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--steps", type=int, default=6)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    net = ref.MtsaNet(args.input_size, args.base_width, args.embed_dim, 8, 4)
    net.train()
    log_sigma = torch.zeros(2, requires_grad=True)
    optimiser = torch.optim.Adam(list(net.parameters()) + [log_sigma], lr=3e-4)
    s, b = args.input_size, args.batch_size
    images = torch.randn(b, 1, s, s)
    masks = (torch.rand(b, 1, s, s) > 0.97).float()
    labels = torch.randint(0, 2, (b,))

    def step():
        optimiser.zero_grad()
        seg, egfr = net(images)
        joint_loss(seg, masks, egfr, labels, log_sigma).backward()
        optimiser.step()

    step()  # warm-up: allocations and kernel selection
    started = time.perf_counter()
    for _ in range(args.steps):
        step()
    seconds = time.perf_counter() - started
    print(f"pytorch_slices_per_second {args.steps * b / seconds:.3f}")


if __name__ == "__main__":
    main()
