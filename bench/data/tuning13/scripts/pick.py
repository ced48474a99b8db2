"""Pick articles for tuning13: exclude listed paths and every member of md5-identical groups."""
import hashlib, json, os, random, sys
from collections import defaultdict

ROOT = "/tmp/writer13/bbc-fulltext"
EXCL = "/work/notes/excluded-articles13.txt"
TOPICS = ["business", "entertainment", "politics", "sport", "tech"]

def main():
    excluded = {l.strip() for l in open(EXCL) if l.strip()}
    groups = defaultdict(list)
    allpaths = []
    for t in TOPICS:
        for f in sorted(os.listdir(f"{ROOT}/bbc/{t}")):
            p = f"bbc/{t}/{f}"
            allpaths.append(p)
            groups[hashlib.md5(open(f"{ROOT}/{p}", "rb").read()).hexdigest()].append(p)
    dups = {p for g in groups.values() if len(g) > 1 for p in g}
    cands = {t: sorted(p for p in allpaths if p.split("/")[1] == t and p not in excluded and p not in dups) for t in TOPICS}
    out = {"counts": {t: len(c) for t, c in cands.items()}, "dups_dropped": len(dups), "answerable": {}, "nearmiss_pool": []}
    rest = []
    short = 0
    for t in TOPICS:
        if len(cands[t]) >= 40:
            pick = random.Random(13131).sample(sorted(cands[t]), 40)
        else:
            pick = list(cands[t]); short = 40 - len(pick)
        out["answerable"][t] = pick
    # tech shortfall, if any, from business and sport
    out["extra"] = []
    if short:
        for i, t in enumerate(["business", "sport"]):
            n = short // 2 + (short % 2 if i == 0 else 0)
            pool = [p for p in cands[t] if p not in out["answerable"][t]]
            out["extra"] += random.Random(13131).sample(pool, n)
    used = {p for v in out["answerable"].values() for p in v} | set(out["extra"])
    rem = sorted(p for t in TOPICS for p in cands[t] if p not in used)
    random.Random(13132).shuffle(rem)
    out["nearmiss_pool"] = rem
    json.dump(out, open("/tmp/writer13/picks.json", "w"), indent=1)
    print(json.dumps(out["counts"]), "dups dropped:", len(dups), "extra:", out["extra"])

if __name__ == "__main__":
    main()
