"""Train Recall's durability head: a logistic regression over a memory's sentence vector.

The rules judge every statement first; the head then judges what the rules kept, with the
probability that the memory is worth keeping. Training rows come from `recall-bench` (the
Swift encoder computes the vectors, so training and use read the same numbers):

    recall-bench durable --features durable.jsonl --features-model transformer    # the labelled set's tune half only
    recall-bench extraction --features locomo.jsonl --features-model transformer  # LoCoMo conversations 0-4 only
    python scripts/durability/train_head.py durable.jsonl locomo.jsonl --recall-floor 0.235 \
        --out Sources/RecallModels/durable-head-v2.bin \
        --samples Tests/RecallCoreTests/Fixtures/durable-head-samples.json

Rows of any other split (the labelled held-out half, LoCoMo 5-9) are refused. The fit is
deterministic (Newton's method on the L2-penalised log-likelihood, no random start); the
penalty and the threshold are chosen by cross-validation over groups (a message, or one
speaker of a conversation), never by a held-out figure: the threshold either keeps a share of
the gold-matching LoCoMo memories (--keep-share) or has the best precision at a gold recall
floor (--recall-floor).

Requires numpy (pinned in requirements.txt beside this file).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import struct
import sys

import numpy as np

TRAINING_SPLITS = {"tune", "tune 0-4"}
MODELS = {256: 1, 384: 2}  # vector length -> model code in the file (1 static table, 2 transformer)


def load(paths):
    """The candidate rows, and how many LoCoMo gold facts their conversations hold (a row of its own)."""
    rows = []
    gold_total = 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                row = json.loads(line)
                if row["split"] not in TRAINING_SPLITS:
                    sys.exit(f"{path}: a row of split {row['split']!r}; only {sorted(TRAINING_SPLITS)} may train the head")
                if "gold_total" in row:
                    gold_total += row["gold_total"]
                else:
                    rows.append(row)
    return rows, gold_total


def floor_threshold(cv, rows, judged, is_locomo, y, gold_total, floor):
    """The threshold with the best cross-validated LoCoMo precision whose recall stays at or above floor.

    The head judges only `judged` rows (it leaves tastes to the rules), so the others are always kept.
    Recall is the share of the gold facts that some kept memory matches, as recall-bench counts it."""
    best = None
    for threshold in np.unique(np.floor(cv[is_locomo & judged] * 1000) / 1000):
        keep = is_locomo & ((cv >= threshold) | ~judged)
        found = {fact for i in np.flatnonzero(keep) for fact in rows[i].get("gold", [])}
        recall, precision = len(found) / gold_total, float(y[keep].mean())
        if recall >= floor and (best is None or precision > best[1]):
            best = (float(threshold), precision, recall)
    return best


def fit(x, y, weight, penalty, steps=30):
    """L2-penalised logistic regression by Newton's method; the bias is not penalised."""
    n, d = x.shape
    design = np.hstack([x, np.ones((n, 1))])
    beta = np.zeros(d + 1)
    ridge = penalty * np.eye(d + 1)
    ridge[d, d] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-design @ beta))
        gradient = design.T @ (weight * (p - y)) + ridge @ beta
        hessian = (design * (weight * p * (1 - p))[:, None]).T @ design + ridge + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return beta[:d], beta[d]


def probabilities(x, weights, bias):
    return 1.0 / (1.0 + np.exp(-(x @ weights + bias)))


def folds_of(groups, k):
    """Deterministic group folds: a group's fold is its sha256 modulo k."""
    return np.array([int(hashlib.sha256(g.encode()).hexdigest(), 16) % k for g in groups])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("features", nargs="+", help="JSON lines written by recall-bench --features")
    parser.add_argument("--out", help="where to write the head (format: Sources/RecallModels/README.md)")
    parser.add_argument("--samples", help="where to write a few texts with their vectors and probabilities, for the Swift test")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--locomo-weight", type=float, default=1.0, help="weight of a LoCoMo row against a labelled one")
    parser.add_argument("--keep-share", type=float, default=0.95,
                        help="the threshold keeps at least this share of the LoCoMo memories the rules kept that match gold (cross-validated)")
    parser.add_argument("--recall-floor", type=float,
                        help="instead of --keep-share: the threshold with the best cross-validated LoCoMo 0-4 precision "
                             "whose cross-validated gold recall stays at least this")
    parser.add_argument("--rules-dropped", action="store_true", help="also train on candidates the rules dropped")
    args = parser.parse_args()

    rows, gold_total = load(args.features)
    rows = [r for r in rows if args.rules_dropped or r["rules"] == "keep"]
    x = np.array([r["vector"] for r in rows], dtype=np.float64)
    y = np.array([r["label"] for r in rows], dtype=np.float64)
    is_locomo = np.array([r["set"] == "locomo" for r in rows])
    kept = np.array([r["rules"] == "keep" for r in rows])
    weight = np.where(is_locomo, args.locomo_weight, 1.0)
    groups = [r["group"] for r in rows]
    folds = folds_of(groups, args.folds)
    d = x.shape[1]
    if d not in MODELS:
        sys.exit(f"vectors of length {d}: expected 256 (static) or 384 (transformer)")
    print(f"{len(rows)} rows ({int(is_locomo.sum())} LoCoMo, {int((~is_locomo).sum())} labelled), {d}-d, positives {int(y.sum())}")

    best = None
    for penalty in [0.1, 0.3, 1.0, 3.0, 10.0]:
        cv = np.zeros(len(rows))
        for fold in range(args.folds):
            train, test = folds != fold, folds == fold
            w, b = fit(x[train], y[train], weight[train], penalty)
            cv[test] = probabilities(x[test], w, b)
        loss = -np.sum(weight * (y * np.log(cv + 1e-12) + (1 - y) * np.log(1 - cv + 1e-12))) / weight.sum()
        print(f"penalty {penalty:5.1f}: cross-validated log loss {loss:.4f}")
        if best is None or loss < best[0]:
            best = (loss, penalty, cv)
    _, penalty, cv = best

    # The threshold: the highest that still keeps keep-share of the LoCoMo memories (kept by the
    # rules) that match gold, judged on cross-validated probabilities.
    target = is_locomo & kept & (y == 1)
    # The head judges neither tastes (the rules keep them) nor rows without a type (older feature files).
    judged = np.array([r.get("type") != "preference" for r in rows])
    if args.recall_floor is not None:
        if not gold_total:
            sys.exit("--recall-floor needs the LoCoMo rows of recall-bench extraction --features (with their gold count)")
        chosen = floor_threshold(cv, rows, judged & kept, is_locomo & kept, y, gold_total, args.recall_floor)
        if chosen is None:
            sys.exit(f"no threshold keeps cross-validated recall at {args.recall_floor}")
        threshold = chosen[0]
        print(f"recall floor {args.recall_floor}: threshold {threshold:.3f}, cross-validated LoCoMo 0-4 "
              f"precision {chosen[1]:.3f}, recall {chosen[2]:.3f} (tastes kept)")
    elif target.any():
        threshold = float(np.quantile(cv[target], 1 - args.keep_share, method="lower"))
    else:
        threshold = 0.5
    for name, mask in [("LoCoMo 0-4", is_locomo & kept), ("labelled tune", ~is_locomo & kept)]:
        if not mask.any():
            continue
        keep = cv[mask] >= threshold
        good = y[mask] == 1
        print(f"{name} (cross-validated, rules kept {mask.sum()}): head keeps {keep.sum()}, "
              f"precision {good.mean():.3f} -> {good[keep].mean():.3f}, good kept {good[keep].sum()}/{good.sum()}, "
              f"labelled bad kept {(~good & keep).sum()}/{(~good).sum()}")
    weights, bias = fit(x, y, weight, penalty)
    print(f"chosen: penalty {penalty}, threshold {threshold:.4f}")

    if args.out:
        header = struct.pack("<8sIIIff", b"RCLDURHD", 1, d, MODELS[d], float(threshold), float(bias))
        blob = header + np.asarray(weights, dtype="<f4").tobytes()
        with open(args.out, "wb") as handle:
            handle.write(blob)
        with open(args.out + ".sha256", "w", encoding="utf-8") as handle:
            handle.write(f"{hashlib.sha256(blob).hexdigest()}  {args.out.rsplit('/', 1)[-1]}\n")
        print(f"wrote {args.out}: {len(blob)} bytes")
    if args.samples:
        w32 = np.asarray(weights, dtype=np.float32).astype(np.float64)
        b32 = float(np.float32(bias))
        picks = []
        for label in (0, 1):
            for set_name in ("durable", "locomo"):
                idx = [i for i, r in enumerate(rows) if r["label"] == label and r["set"] == set_name]
                picks += idx[:: max(1, len(idx) // 3)][:3]
        samples = [{"text": rows[i]["text"], "probability": round(float(probabilities(x[i], w32, b32)), 6)} for i in picks]
        with open(args.samples, "w", encoding="utf-8") as handle:
            json.dump({"threshold": round(threshold, 6), "samples": samples}, handle, indent=1, ensure_ascii=False)
            handle.write("\n")
        print(f"wrote {args.samples}: {len(samples)} samples")


if __name__ == "__main__":
    main()
