#!/usr/bin/env python3
"""Where is the EGFR signal of a phantom cohort, and does a model's encoder see it?

Phantom figures only. Run with the pinned torch wheel's Python:
  $METIS_TORCH_ROOT/bin/python3 scripts/probe-egfr-signal.py --cohort paper \
      --prepared prep192/training.slices [--model models/packages/mtsa-net-demo]

Prints, from the cohort manifest, the AUC of the oracle probability and of each latent trait per
split (the ceiling any image model faces on those patients); from prepared model-grid slices
(`metis-cli train --save-prepared`), whether the intralesional texture the generator renders is
measurable on that grid; and patient-level cross-validated AUCs (5 folds, 20 repetitions, L2
logistic regression) of hand-made lesion features and of the model's encoder features pooled
inside the reference GTV, per level (mean and log-variance per channel).
"""
import argparse
import json
import pathlib
import struct
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tests" / "models"))
import reference_mtsa_net as reference  # noqa: E402

SLICE_FILE_MAGIC_END = b"\x01\x00\x00\x00"  # the format version (1) that follows the signature


def auc(scores, labels):
    scores, labels = np.asarray(scores, float), np.asarray(labels)
    pos, neg = scores[labels == 1], scores[labels == 0]
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())


def spearman(a, b):
    rank = lambda v: np.argsort(np.argsort(v))
    return float(np.corrcoef(rank(np.asarray(a)), rank(np.asarray(b)))[0, 1])


def read_prepared(path):
    """Reads SliceDataset::save()'s file (models/src/TrainingData.cpp)."""
    data = pathlib.Path(path).read_bytes()
    offset = data.index(SLICE_FILE_MAGIC_END) + 4
    (size,) = struct.unpack_from("<i", data, offset)
    offset += 4 + 4 * 8  # field of view, slice spacing, two percentiles
    (patients,) = struct.unpack_from("<Q", data, offset)
    offset += 8
    ids = []
    for _ in range(patients):
        (length,) = struct.unpack_from("<I", data, offset)
        ids.append(data[offset + 4:offset + 4 + length].decode())
        offset += 4 + length + 4  # the id, then its EGFR label (the manifest's is used)

    def array(dtype):
        nonlocal offset
        (count,) = struct.unpack_from("<Q", data, offset)
        values = np.frombuffer(data, dtype=dtype, count=count, offset=offset + 8)
        offset += 8 + count * np.dtype(dtype).itemsize
        return values

    patient_of = array(np.uint64).astype(int)
    array(np.uint8)  # per-slice metastasis flags, recomputed from the masks below
    images = array(np.float32).reshape(len(patient_of), size, size)
    masks = array(np.uint8).reshape(len(patient_of), size, size)
    if offset != len(data):
        raise ValueError(f"{path}: {len(data) - offset} unread bytes")
    return ids, patient_of, images, masks


def cross_validated_auc(features, labels, penalty, repeats=20):
    features = (features - features.mean(0)) / (features.std(0) + 1e-8)
    results = []
    for repeat in range(repeats):
        order = np.random.default_rng(repeat).permutation(len(labels))
        scores = np.zeros(len(labels))
        for fold in np.array_split(order, 5):
            train = np.setdiff1d(order, fold)
            x = torch.tensor(features[train], dtype=torch.float64)
            y = torch.tensor(labels[train], dtype=torch.float64)
            weights = torch.zeros(features.shape[1], dtype=torch.float64, requires_grad=True)
            bias = torch.zeros(1, dtype=torch.float64, requires_grad=True)
            optimiser = torch.optim.LBFGS([weights, bias], max_iter=200)

            def loss():
                optimiser.zero_grad()
                value = F.binary_cross_entropy_with_logits(x @ weights + bias, y)
                value = value + penalty * (weights * weights).sum() / len(train)
                value.backward()
                return value

            optimiser.step(loss)
            held_out = torch.tensor(features[fold], dtype=torch.float64)
            scores[fold] = (held_out @ weights + bias).detach().numpy()
        results.append(auc(scores, labels))
    return np.mean(results), np.std(results)


def lesion_slices(patient, patient_of, masks):
    return np.where((patient_of == patient) & (masks.reshape(len(patient_of), -1).max(1) > 0))[0]


def print_oracle(manifest):
    print("Oracle and latent-trait AUCs by split (the cohort's ceiling):")
    groups = {"train": ["train"], "validation": ["validation"], "internal test": ["test"],
              "external test": ["external"], "all test": ["test", "external"]}
    for name, splits in groups.items():
        cases = [p for p in manifest if p["split"] in splits]
        labels = [p["label"] for p in cases]
        traits = " ".join(f"{trait} {auc([p['traits'][trait] for p in cases], labels):.3f}"
                          for trait in cases[0]["traits"])
        print(f"  {name:13s} {len(cases):3d} patients: oracle "
              f"{auc([p['oracle_probability'] for p in cases], labels):.3f}; {traits}")


def print_texture_visibility(ids, patient_of, images, masks, manifest):
    print("Intralesional SD (z-units, GTV eroded by 2 px) against the rendered texture SD of the "
          "largest lesion (Spearman):")
    for solid_only in (True, False):
        measured, rendered = [], []
        for patient, patient_id in enumerate(ids):
            lesions = manifest[patient_id]["lesions"]
            if solid_only and any(l["ring"] or l["cyst"] for l in lesions):
                continue
            rows = lesion_slices(patient, patient_of, masks)
            image = torch.tensor(images[rows][:, None])
            inner = -F.max_pool2d(-torch.tensor(masks[rows][:, None].astype(np.float32)), 5, 1, 2)
            if inner.sum() < 30:
                continue
            mean = (image * inner).sum() / inner.sum()
            measured.append(torch.sqrt(((image - mean) ** 2 * inner).sum() / inner.sum()).item())
            rendered.append(max(lesions, key=lambda l: l["diameter_mm"])["texture_sd"])
        what = "patients whose lesions are all solid" if solid_only else "all patients"
        print(f"  {what}: {len(measured)} patients, rho {spearman(measured, rendered):+.2f}")


def handmade_features(ids, patient_of, images, masks):
    rows_out = []
    for patient in range(len(ids)):
        rows = lesion_slices(patient, patient_of, masks)
        image = torch.tensor(images[rows][:, None])
        mask = torch.tensor(masks[rows][:, None].astype(np.float32))
        inner = -F.max_pool2d(-mask, 3, 1, 1)
        weight = inner.sum().item() + 1e-6
        mean = (image * inner).sum().item() / weight
        sd = np.sqrt(((image - mean) ** 2 * inner).sum().item() / weight)
        high_pass = image - F.avg_pool2d(image, 3, 1, 1)
        energy = np.sqrt((high_pass ** 2 * inner).sum().item() / weight)
        areas = mask.sum((1, 2, 3)).numpy()
        rows_out.append([mean, sd, energy, np.log(areas.sum() + 1), len(rows), np.log(areas.max() + 1)])
    return np.array(rows_out)


def encoder_features(ids, patient_of, images, masks, package):
    metadata = json.loads((package / "metadata.json").read_text())
    architecture = metadata["architecture"]
    if architecture.get("attentionGate", "linear") == "sigmoid":
        def gated(self, features):
            context = self.depthwise5(features)
            mixed = self.local3(features) + context
            for k in reference.STRIP_KERNELS:
                mixed = mixed + getattr(self, f"strip{k}_col")(getattr(self, f"strip{k}_row")(context))
            return torch.sigmoid(self.mix(mixed)) * features
        reference.MsaModule.forward = gated
    network = reference.MtsaNet(architecture["inputSize"], architecture["baseWidth"],
                                architecture["embedDim"], architecture["attentionHeads"],
                                architecture["mlpRatio"])
    network.load_state_dict(reference.read_archive(package / metadata["weights"]["file"]), strict=True)
    network.eval()
    levels = [[] for _ in range(reference.LEVELS)]
    for patient in range(len(ids)):
        rows = lesion_slices(patient, patient_of, masks)
        features = torch.tensor(images[rows][:, None])
        mask = torch.tensor(masks[rows][:, None].astype(np.float32))
        with torch.no_grad():
            for level, block in enumerate(network.encoder):
                features = block(F.max_pool2d(features, 2) if level else features)
                inside = F.adaptive_max_pool2d(mask, features.shape[-1])
                weight = inside.sum() + 1e-6
                mean = (features * inside).sum((0, 2, 3)) / weight
                variance = ((features - mean[None, :, None, None]) ** 2 * inside).sum((0, 2, 3)) / weight
                levels[level].append(np.concatenate([mean.numpy(), np.log(variance.numpy() + 1e-6)]))
    return [np.array(level) for level in levels]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cohort", required=True, type=pathlib.Path)
    parser.add_argument("--prepared", required=True, type=pathlib.Path)
    parser.add_argument("--model", type=pathlib.Path)
    args = parser.parse_args()
    torch.set_num_threads(2)
    manifest = {p["patient_id"]: p for p in json.loads((args.cohort / "manifest.json").read_text())["patients"]}
    print_oracle(list(manifest.values()))
    ids, patient_of, images, masks = read_prepared(args.prepared)
    labels = np.array([manifest[i]["label"] for i in ids])
    print(f"Prepared slices: {len(ids)} patients, {len(patient_of)} slices, {images.shape[-1]} px")
    print_texture_visibility(ids, patient_of, images, masks, manifest)
    print("Patient-level cross-validated AUC (5 folds x 20), these patients:")
    mean, spread = cross_validated_auc(handmade_features(ids, patient_of, images, masks), labels, 1.0)
    print(f"  hand-made lesion features (intensity, SD, high-pass, areas, slices): {mean:.3f} +- {spread:.3f}")
    if args.model:
        for level, features in enumerate(encoder_features(ids, patient_of, images, masks, args.model)):
            mean, spread = cross_validated_auc(features, labels, 10.0)
            print(f"  encoder level {level} inside the GTV ({features.shape[1]} features): "
                  f"{mean:.3f} +- {spread:.3f}")


if __name__ == "__main__":
    main()
