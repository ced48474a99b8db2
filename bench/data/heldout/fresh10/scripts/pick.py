"""Select candidate articles and the answerable / unanswerable pools.

Rules: article number even, path not in /work/notes/excluded-articles12.txt,
not in any md5-identical group (every copy of a duplicate dropped).
Answerable: per topic (sorted) random.Random(12121).sample(sorted(candidates), 20);
backup pool random.Random(12122).sample(remaining, len(remaining)).
Unanswerable pool: remaining candidates (all topics) shuffled with random.Random(12123).
"""
import hashlib, json, os, random, sys
from collections import defaultdict

ROOT = "/tmp/writer12/bbc-fulltext"
EXCL = "/work/notes/excluded-articles12.txt"
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
        picked = random.Random(12121).sample(c, 20)
        remaining = [p for p in c if p not in picked]
        backup = random.Random(12122).sample(remaining, len(remaining))
        result["topics"][topic] = {"n_candidates": len(c), "picked": picked, "backup": backup}
        remaining_all.extend(remaining)
    remaining_all = sorted(remaining_all)
    random.Random(12123).shuffle(remaining_all)
    result["unanswerable_pool"] = remaining_all
    json.dump(result, open(OUT, "w"), indent=1)
    print(f"files={len(paths)} dup_files={len(dup)}")
    for t, v in result["topics"].items():
        print(t, "candidates", v["n_candidates"], "picked", v["picked"])

if __name__ == "__main__":
    main()
