#!/usr/bin/env python3
"""Inference speed of MTSA-Net in the peers a site could pick instead of Metis, for comparison
with the C++ engine in the same benchmark run: PyTorch (the torch wheel Metis links) with its best
CPU settings (eval, inference mode, channels-last, bf16 autocast where asked), and ONNX Runtime's
CPU provider on the same network exported to ONNX (fp32; all graph optimisations), both on the
network of tests/models/reference_mtsa_net.py with random slices. Prints
`<peer>_ms_per_slice <precision> <batch> X` lines (peer: pytorch or onnxruntime), or
`onnxruntime_unavailable <reason>`.

With --before, run by Debian's python3-torch (1.13, the LibTorch Metis was built on before the
torch wheel): the network as that build ran it (NCHW, fp32, no autocast), printing
`before_ms_per_slice fp32 <batch> X` lines, or `before_unavailable <reason>`."""
import argparse
import os
import sys
import tempfile
import time
import warnings

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "models"))
import reference_mtsa_net as ref  # noqa: E402


def median_ms_per_slice(run, batch, repeats):
    run()  # warm-up: allocations and kernel creation
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    times.sort()
    return 1000.0 * times[len(times) // 2] / batch


def time_forward(net, batch, side, repeats, bf16):
    images = torch.randn(batch, 1, side, side).contiguous(memory_format=torch.channels_last)
    with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
        return median_ms_per_slice(lambda: net(images), batch, repeats)


def time_onnxruntime(net, side, repeats, threads):
    try:
        import numpy as np
        import onnxruntime as ort
    except ImportError as error:
        print(f"onnxruntime_unavailable {error}", flush=True)
        return
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "mtsa_net.onnx")
        try:
            warnings.simplefilter("ignore")  # the exporter's deprecation and tracer notes
            torch.onnx.export(net.to(memory_format=torch.contiguous_format),
                              (torch.randn(1, 1, side, side),), path,
                              input_names=["image"], output_names=["seg", "egfr"],
                              dynamic_axes={"image": {0: "batch"}}, dynamo=False)
        except Exception as error:  # an operator without an ONNX export: name it
            print(f"onnxruntime_unavailable export failed: {error}".replace("\n", " "), flush=True)
            return
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
        for batch in (1, 4):
            images = np.random.randn(batch, 1, side, side).astype(np.float32)
            ms = median_ms_per_slice(lambda: session.run(None, {"image": images}), batch, repeats)
            print(f"onnxruntime_ms_per_slice fp32 {batch} {ms:.2f}", flush=True)


def time_before(net, side, repeats):
    """The forward pass as Metis ran it on Debian's LibTorch 1.13: NCHW, fp32, batch 1 and 4."""
    if not torch.__version__.startswith("1.13"):
        print(f"before_unavailable this Python has torch {torch.__version__}, not Debian's 1.13",
              flush=True)
        return
    for batch in (1, 4):
        images = torch.randn(batch, 1, side, side)
        with torch.no_grad():
            ms = median_ms_per_slice(lambda: net(images), batch, repeats)
        print(f"before_ms_per_slice fp32 {batch} {ms:.2f}", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", action="store_true",
                        help="time the NCHW fp32 path on Debian's torch 1.13 only")
    parser.add_argument("--input-size", type=int, default=384)
    parser.add_argument("--base-width", type=int, default=32)
    parser.add_argument("--embed-dim", type=int, default=256)
    parser.add_argument("--repeats", type=int, default=4)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    net = ref.MtsaNet(args.input_size, args.base_width, args.embed_dim, 8, 4).eval()
    if args.before:
        time_before(net, args.input_size, args.repeats)
        return
    net = net.to(memory_format=torch.channels_last)
    for precision, bf16 in (("fp32", False), ("bf16", True)):
        for batch in (1, 4):
            ms = time_forward(net, batch, args.input_size, args.repeats, bf16)
            print(f"pytorch_ms_per_slice {precision} {batch} {ms:.2f}", flush=True)
    time_onnxruntime(net, args.input_size, args.repeats, args.threads)


if __name__ == "__main__":
    main()
