#!/usr/bin/env python3
"""Paired comparison of two `metis-cli evaluate` reports on the same patients.

    scripts/compare-evaluations.py A.json[#N] B.json[#N] [--names A B]

A report written for several --model options holds {"evaluations": [...]}: `file.json#N` picks
the N-th (from 0). Per set (as in the reports) and over all patients: mean Dice of each and the
paired difference A - B with a 95 % percentile-bootstrap interval over patients (2,000
resamples, fixed seed), lesions found and false lesions of each, and the patient-level EGFR ROC
AUC of each with the interval of the paired difference, for the product's call (top 50 % of the
predicted GTV's slices) and for the call on the reference GTV's slices. Prints a Markdown table.
Standard library only.
"""
import argparse
import json
import random
import sys


def load(reference):
    path, _, index = reference.partition("#")
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    if "evaluations" in report:
        report = report["evaluations"][int(index or 0)]
    elif index not in ("", "0"):
        sys.exit(f"{path} holds one evaluation, not #{index}")
    return {p["patient_id"]: p for p in report["patients"]}


def roc_auc(labels, scores):
    positives = [s for l, s in zip(labels, scores) if l == 1]
    negatives = [s for l, s in zip(labels, scores) if l == 0]
    if not positives or not negatives:
        return float("nan")
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def bootstrap(count, statistic, resamples=2000):
    rng = random.Random(20230101)
    values = []
    for _ in range(resamples):
        value = statistic([rng.randrange(count) for _ in range(count)])
        if value == value:  # not NaN
            values.append(value)
    if len(values) < resamples // 2:
        return float("nan"), float("nan")
    values.sort()
    return values[int(0.025 * (len(values) - 1))], values[int(0.975 * (len(values) - 1))]


def fmt(value):
    return "-" if value != value else f"{value:.3f}"


def signed(value):
    return "-" if value != value else f"{value:+.3f}"


def compare(rows_a, rows_b):
    """One table row's cells for the paired patients in rows_a / rows_b (same order)."""
    n = len(rows_a)
    cells = [str(n)]
    segmented = all("dice" in a and "dice" in b for a, b in zip(rows_a, rows_b))
    if segmented:
        dice_a = [a["dice"] for a in rows_a]
        dice_b = [b["dice"] for b in rows_b]
        diff = [x - y for x, y in zip(dice_a, dice_b)]
        low, high = bootstrap(n, lambda s: sum(diff[i] for i in s) / len(s))
        lesions = sum(a["reference_lesions"] for a in rows_a)
        cells += [fmt(sum(dice_a) / n), fmt(sum(dice_b) / n),
                  f"{signed(sum(diff) / n)} [{signed(low)}, {signed(high)}]",
                  f"{sum(a['detected_lesions'] for a in rows_a)} / "
                  f"{sum(b['detected_lesions'] for b in rows_b)} of {lesions}",
                  f"{sum(a['false_positive_lesions'] for a in rows_a)} / "
                  f"{sum(b['false_positive_lesions'] for b in rows_b)}"]
    else:
        cells += ["-"] * 5
    for key in ("egfr_probability", "egfr_probability_on_reference_slices"):
        pairs = [(a["egfr_label"], a.get(key), b.get(key)) for a, b in zip(rows_a, rows_b)
                 if a["egfr_label"] >= 0]
        if not pairs or any(p[1] is None or p[2] is None for p in pairs):
            # One of the two has no such call (e.g. a segmentation-only network): each alone.
            for index in (1, 2):
                scored = [(p[0], p[index]) for p in pairs if p[index] is not None]
                cells.append(fmt(roc_auc(*zip(*scored))) if scored else "-")
            cells.append("-")
            continue
        labels = [p[0] for p in pairs]
        auc_a = roc_auc(labels, [p[1] for p in pairs])
        auc_b = roc_auc(labels, [p[2] for p in pairs])

        def paired(sample):
            l = [labels[i] for i in sample]
            return (roc_auc(l, [pairs[i][1] for i in sample]) -
                    roc_auc(l, [pairs[i][2] for i in sample]))
        low, high = bootstrap(len(pairs), paired)
        cells += [fmt(auc_a), fmt(auc_b), f"{signed(auc_a - auc_b)} [{signed(low)}, {signed(high)}]"]
    return cells


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--names", nargs=2, default=["A", "B"])
    args = parser.parse_args()
    a, b = load(args.a), load(args.b)
    if set(a) != set(b):
        sys.exit(f"the two reports hold different patients ({len(a)} and {len(b)})")
    sets = []
    for p in a.values():
        if p["set"] not in sets:
            sets.append(p["set"])
    na, nb = args.names
    print(f"| set | patients | Dice {na} | Dice {nb} | difference [95 % CI] | lesions found "
          f"{na} / {nb} | false lesions {na} / {nb} | EGFR AUC {na} | {nb} | difference [95 % CI] "
          f"| on reference-GTV slices: AUC {na} | {nb} | difference [95 % CI] |")
    print("|" + "---|" * 14)
    groups = [(name, [i for i in a if a[i]["set"] == name]) for name in sets]
    if len(sets) > 1:
        groups.append(("all", list(a)))
    for name, ids in groups:
        cells = compare([a[i] for i in ids], [b[i] for i in ids])
        print("| " + " | ".join([name] + cells) + " |")


if __name__ == "__main__":
    main()
