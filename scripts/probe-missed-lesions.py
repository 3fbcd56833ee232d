#!/usr/bin/env python3
"""Why does a model miss the lesions it misses: unseen by the network, or lost in post-processing?

Phantom figures only. First run the model on each patient with the product's own command:
  metis-cli infer --model PACKAGE --out PREDICTIONS/<patient> COHORT/<patient>/MR
then (Debian's python3 with numpy):
  /usr/bin/python3 scripts/probe-missed-lesions.py --cohort COHORT --predictions PREDICTIONS \
      [--splits test,external] [--hysteresis]

For every reference lesion of the chosen splits (truth_series.nii.gz, at least 2 voxels, as
`metis-cli evaluate` counts them) it reads the network's probability at the lesion and whether the
package's mask (threshold, minimum volume, head margin) touches it. A missed lesion whose peak
probability is below 0.02 was not seen by the network; one whose peak reaches the package's
threshold was removed by the post-processing. Sizes are the area-equivalent diameter of the
lesion's largest axial cross-section on the series grid. --hysteresis also tries keeping the
components of a lower extent threshold whose peak reaches a seed threshold, counting lesions found
and predicted components that touch no lesion (at least 2 voxels and 5 mm3, by this script's own
counting: compare the rows with each other, not with `evaluate`).
"""
import argparse
import collections
import gzip
import json
import pathlib
import struct

import numpy as np

NIFTI_TYPES = {2: np.uint8, 4: np.int16, 8: np.int32, 16: np.float32, 64: np.float64,
               256: np.int8, 512: np.uint16}
SIZE_BINS = ((0, 5), (5, 10), (10, float("inf")))


def read_nifti(path):
    raw = gzip.open(path).read()
    dims = struct.unpack("<8h", raw[40:56])
    datatype = struct.unpack("<h", raw[70:72])[0]
    spacing = struct.unpack("<8f", raw[76:108])[1:4]
    offset = int(struct.unpack("<f", raw[108:112])[0])
    slope, intercept = struct.unpack("<2f", raw[112:120])
    count = dims[1] * dims[2] * dims[3]
    voxels = np.frombuffer(raw, dtype=NIFTI_TYPES[datatype], count=count, offset=offset)
    voxels = voxels.reshape(dims[3], dims[2], dims[1]).astype(np.float32)
    if slope not in (0.0, 1.0):
        voxels = voxels * slope + intercept
    return voxels, spacing


def components(mask):
    """6-connected components: (labels, count)."""
    labels = np.zeros(mask.shape, np.int32)
    count = 0
    steps = ((1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1), (0, 0, -1))
    for start in map(tuple, np.argwhere(mask)):
        if labels[start]:
            continue
        count += 1
        labels[start] = count
        queue = collections.deque([start])
        while queue:
            z, y, x = queue.popleft()
            for dz, dy, dx in steps:
                p = (z + dz, y + dy, x + dx)
                if all(0 <= p[a] < mask.shape[a] for a in range(3)) and mask[p] and not labels[p]:
                    labels[p] = count
                    queue.append(p)
    return labels, count


def dilate(mask, steps):
    """6-connected dilation, `steps` voxels (nothing enters from beyond the array's faces)."""
    out = mask.copy()
    for _ in range(steps):
        grown = out.copy()
        grown[1:] |= out[:-1]
        grown[:-1] |= out[1:]
        grown[:, 1:] |= out[:, :-1]
        grown[:, :-1] |= out[:, 1:]
        grown[:, :, 1:] |= out[:, :, :-1]
        grown[:, :, :-1] |= out[:, :, 1:]
        out = grown
    return out


def contrast_to_noise(image, inside, any_lesion):
    """(90th percentile inside - shell median) / shell robust SD, on a box around the lesion."""
    z, y, x = (np.nonzero(inside.any(axis=axes))[0] for axes in ((1, 2), (0, 2), (0, 1)))
    box = tuple(slice(max(a[0] - m, 0), a[-1] + m + 1) for a, m in ((z, 5), (y, 6), (x, 6)))
    lesion = inside[box]
    shell = dilate(lesion, 4) & ~dilate(lesion, 1) & ~any_lesion[box]
    around = image[box][shell]
    spread = (np.percentile(around, 75) - np.percentile(around, 25)) / 1.349
    return (np.percentile(image[box][lesion], 90) - np.median(around)) / max(spread, 1e-6)


def size_bin(diameter):
    return next(i for i, (low, high) in enumerate(SIZE_BINS) if low <= diameter < high)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cohort", required=True, type=pathlib.Path)
    parser.add_argument("--predictions", required=True, type=pathlib.Path)
    parser.add_argument("--splits", default="test,external")
    parser.add_argument("--threshold", type=float, default=0.4, help="the package's threshold")
    parser.add_argument("--hysteresis", action="store_true")
    parser.add_argument("--images", type=pathlib.Path, help="series NIfTIs for the contrast")
    args = parser.parse_args()

    manifest = json.loads((args.cohort / "manifest.json").read_text())
    splits = set(args.splits.split(","))
    patients = [p for p in manifest["patients"] if p["split"] in splits]
    settings = [(args.threshold, args.threshold), (0.3, 0.4), (0.25, 0.4), (0.3, 0.5), (0.2, 0.6)]
    found = collections.defaultdict(lambda: [0] * len(SIZE_BINS))
    false_components = collections.Counter()
    lesions = []
    for patient in patients:
        pid = patient["patient_id"]
        probability, spacing = read_nifti(args.predictions / pid / "probability.nii.gz")
        mask, _ = read_nifti(args.predictions / pid / "mask.nii.gz")
        truth, _ = read_nifti(args.cohort / pid / "truth_series.nii.gz")
        image = read_nifti(args.images / f"{pid}.nii.gz")[0] if args.images else None
        reference = []
        for lesion in patient["lesions"]:
            inside = truth == lesion["label"]
            if inside.sum() < 2:
                continue
            area = inside.sum(axis=(1, 2)).max() * spacing[0] * spacing[1]
            diameter = 2 * np.sqrt(area / np.pi)
            reference.append((inside, diameter))
            lesions.append(dict(patient=pid, mode=patient["acquisition"]["mode"],
                                diameter=diameter, peak=float(probability[inside].max()),
                                found=bool((mask[inside] > 0).any()),
                                cnr=contrast_to_noise(image, inside, truth > 0)
                                if image is not None else None))
        if not args.hysteresis:
            continue
        voxel_mm3 = spacing[0] * spacing[1] * spacing[2]
        for extent, seed in settings:
            labels, count = components(probability >= extent)
            kept = np.zeros(probability.shape, bool)
            for k in range(1, count + 1):
                component = labels == k
                size = int(component.sum())
                if size * voxel_mm3 < 5 or probability[component].max() < seed:
                    continue
                kept |= component
                if size >= 2 and not (component & (truth > 0)).any():
                    false_components[(extent, seed)] += 1
            for inside, diameter in reference:
                found[(extent, seed)][size_bin(diameter)] += int((kept & inside).any())

    print(f"{len(lesions)} reference lesions of {len(patients)} patients ({args.splits})")
    for index, (low, high) in enumerate(SIZE_BINS):
        group = [r for r in lesions if size_bin(r["diameter"]) == index]
        missed = [r for r in group if not r["found"]]
        unseen = sum(r["peak"] < 0.02 for r in missed)
        removed = sum(r["peak"] >= args.threshold for r in missed)
        print(f"{low:g}-{high:g} mm: {len(group)} lesions, {len(group) - len(missed)} found; "
              f"missed {len(missed)}: peak < 0.02 {unseen}, 0.02 to the threshold "
              f"{len(missed) - unseen - removed}, at or above it (post-processing) {removed}; "
              f"missed by acquisition {collections.Counter(r['mode'] for r in missed)}")
        if args.images:
            for found_it in (True, False):
                ratios = [r["cnr"] for r in group if r["found"] == found_it]
                if ratios:
                    print(f"  {'found' if found_it else 'missed'}: contrast-to-noise median "
                          f"{np.median(ratios):.1f} (quartiles {np.percentile(ratios, 25):.1f}-"
                          f"{np.percentile(ratios, 75):.1f}); {sum(c >= 5 for c in ratios)} of "
                          f"{len(ratios)} at 5 or more")
    for extent, seed in settings if args.hysteresis else []:
        bins = ", ".join(f"{found[(extent, seed)][i]}/{sum(size_bin(r['diameter']) == i for r in lesions)}"
                         for i in range(len(SIZE_BINS)))
        print(f"extent >= {extent}, peak >= {seed}: found {bins} (<5 / 5-10 / >=10 mm), "
              f"components touching no lesion {false_components[(extent, seed)]}")


if __name__ == "__main__":
    main()
