"""Select candidate articles and the answerable / unanswerable pools.

Rules: article number EVEN, path not in /work/notes/excluded-articles14.txt,
not in any md5-identical group (every copy of a duplicate dropped).
Answerable: per topic (sorted) random.Random(15151).sample(sorted(candidates), 20)
(a topic with fewer than 20 candidates takes all and is filled from other topics' backups);
backup pool random.Random(15152).sample(remaining, len(remaining)).
Unanswerable pool: remaining candidates (all topics) shuffled with random.Random(15153).
"""
import hashlib, json, os, random, sys
from collections import defaultdict

ROOT = "/tmp/writer15/bbc-fulltext"
EXCL = "/work/notes/excluded-articles14.txt"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pick_output.json")

def all_paths():
    out = []
    for topic in sorted(os.listdir(os.path.join(ROOT, "bbc"))):
        d = os.path.join(ROOT, "bbc", topic)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith(".txt"):
                out.append(f"bbc/{topic}/{f}")
    return out

def main():
    paths = all_paths()
    excluded = {l.strip() for l in open(EXCL) if l.strip()}
    groups = defaultdict(list)
    for p in paths:
        groups[hashlib.md5(open(os.path.join(ROOT, p), "rb").read()).hexdigest()].append(p)
    dup = {p for g in groups.values() if len(g) > 1 for p in g}
    cands = defaultdict(list)
    for p in paths:
        topic, fn = p.split("/")[1], p.split("/")[2]
        if int(fn[:3]) % 2 == 0 and p not in excluded and p not in dup:
            cands[topic].append(p)
    result = {"n_files": len(paths), "n_dup_files": len(dup), "topics": {}}
    remaining_all = []
    for topic in sorted(cands):
        c = sorted(cands[topic])
        picked = random.Random(15151).sample(c, min(20, len(c)))  # fewer than 20: take all
        remaining = [p for p in c if p not in picked]
        backup = random.Random(15152).sample(remaining, len(remaining))
        result["topics"][topic] = {"n_candidates": len(c), "picked": picked, "backup": backup}
        remaining_all.extend(remaining)
    # shortfall rule: a topic with fewer than 20 candidates is filled from the other
    # topics' backups (first unused backups, other topics in sorted order); recorded here.
    result["shortfall_fill"] = {}
    for topic in sorted(result["topics"]):
        need = 20 - len(result["topics"][topic]["picked"])
        fill = []
        for other in sorted(result["topics"]):
            if other == topic or need <= 0:
                continue
            for b in result["topics"][other]["backup"]:
                if need <= 0:
                    break
                if b not in fill and all(b not in f for f in result["shortfall_fill"].values()):
                    fill.append(b); need -= 1
        if fill:
            result["shortfall_fill"][topic] = fill
            remaining_all = [p for p in remaining_all if p not in fill]
    remaining_all = sorted(remaining_all)
    random.Random(15153).shuffle(remaining_all)
    result["unanswerable_pool"] = remaining_all
    json.dump(result, open(OUT, "w"), indent=1)
    print(f"files={len(paths)} dup_files={len(dup)}")
    for t, v in result["topics"].items():
        print(t, "candidates", v["n_candidates"], "picked", v["picked"])

if __name__ == "__main__":
    main()
