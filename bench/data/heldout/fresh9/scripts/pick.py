"""Pick articles for blind test set 11.
Candidates: odd-numbered files, not in excluded-articles11.txt, not in any md5-identical group.
Answerable: per topic (sorted), random.Random(11111).sample(sorted(cands_of_topic), 20).
Unanswerable pool: random.Random(11112).sample(all remaining candidates, len(...)); first 25 that hold up are used.
"""
import hashlib, os, random, sys
from collections import defaultdict

ROOT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/writer11/bbc-fulltext"
EXCL = "/work/notes/excluded-articles11.txt"

def pick(root=ROOT):
    excluded = set(l.strip() for l in open(EXCL) if l.strip())
    files = []
    for topic in sorted(os.listdir(os.path.join(root, "bbc"))):
        d = os.path.join(root, "bbc", topic)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith(".txt"):
                files.append(f"bbc/{topic}/{f}")
    groups = defaultdict(list)
    for rel in files:
        groups[hashlib.md5(open(os.path.join(root, rel), "rb").read()).hexdigest()].append(rel)
    dup = set(r for g in groups.values() if len(g) > 1 for r in g)
    cands = [r for r in files
             if int(os.path.basename(r)[:-4]) % 2 == 1 and r not in excluded and r not in dup]
    by_topic = defaultdict(list)
    for r in cands:
        by_topic[r.split("/")[1]].append(r)
    answerable = []
    for topic in sorted(by_topic):
        answerable += random.Random(11111).sample(sorted(by_topic[topic]), 20)
    remaining = [r for r in cands if r not in set(answerable)]
    unans_pool = random.Random(11112).sample(remaining, len(remaining))
    return dict(n_files=len(files), n_dup=len(dup), n_cands=len(cands),
                per_topic={t: len(v) for t, v in sorted(by_topic.items())},
                answerable=answerable, unans_pool=unans_pool)

if __name__ == "__main__":
    p = pick()
    print(f"# files={p['n_files']} dup_files={p['n_dup']} candidates={p['n_cands']} per_topic={p['per_topic']}")
    print("# answerable (100)")
    for r in p["answerable"]:
        print(r)
    print(f"# unanswerable pool ({len(p['unans_pool'])}), in order; first 25 that hold up are used")
    for r in p["unans_pool"]:
        print(r)
