"""Select candidate articles and the answerable / unanswerable pools (fresh14).

Rules (fresh14 = fresh13 with 25 per topic slot, four slots): any article number (no parity rule), path not in /work/notes/excluded-articles17.txt,
not in any md5-identical group (every copy of a duplicate dropped).
Answerable: per topic (sorted) random.Random(18181).sample(sorted(candidates), 25)
(four slots: business, entertainment, politics, sport; tech has no candidate left and gets no slot;
a topic with fewer than 25 candidates takes all and is filled round-robin from the other
topics' backups, see the shortfall rule below);
backup pool random.Random(18182).sample(remaining, len(remaining)).
Unanswerable pool: remaining candidates (all topics) shuffled with random.Random(18183).
"""
import hashlib, json, os, random, sys
from collections import defaultdict

ROOT = "/tmp/fresh14-bbc/bbc-fulltext"
EXCL = "/work/notes/excluded-articles17.txt"
PER = 25  # questions per topic slot (fresh13: 20)
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
        if p not in excluded and p not in dup:
            cands[topic].append(p)
    result = {"n_files": len(paths), "n_dup_files": len(dup), "topics": {}}
    remaining_all = []
    for topic in sorted(cands):
        c = sorted(cands[topic])
        picked = random.Random(18181).sample(c, min(PER, len(c)))  # fewer than PER: take all
        remaining = [p for p in c if p not in picked]
        backup = random.Random(18182).sample(remaining, len(remaining))
        result["topics"][topic] = {"n_candidates": len(c), "picked": picked, "backup": backup}
        remaining_all.extend(remaining)
    # shortfall rule (as fresh13: spread as evenly as possible): a topic with fewer than PER
    # candidates takes all of them; the missing slots are filled round-robin from the other
    # topics' backups (other topics in sorted order, each topic's backups in backup order),
    # one per topic per round, so the other topics' totals differ by at most one.
    # fresh14 change: the round-robin rotation continues across shortfall topics (it does not
    # restart at the first donor topic for the second short topic), so donors end within one.
    result["shortfall_fill"] = {}
    used = set()
    short = {t for t in result["topics"] if len(result["topics"][t]["picked"]) < PER}
    donors = [o for o in sorted(result["topics"]) if o not in short]
    turn = 0
    for topic in sorted(result["topics"]):
        need = PER - len(result["topics"][topic]["picked"])
        fill = []
        while need > 0:
            progressed = False
            for _ in range(len(donors)):
                other = donors[turn % len(donors)]; turn += 1
                for b in result["topics"][other]["backup"]:
                    if b not in used:
                        fill.append(b); used.add(b); need -= 1; progressed = True
                        break
                if progressed:
                    break
            if not progressed:
                break
        if fill:
            result["shortfall_fill"][topic] = fill
            remaining_all = [p for p in remaining_all if p not in fill]
    remaining_all = sorted(remaining_all)
    random.Random(18183).shuffle(remaining_all)
    result["unanswerable_pool"] = remaining_all
    json.dump(result, open(OUT, "w"), indent=1)
    print(f"files={len(paths)} dup_files={len(dup)}")
    for t, v in result["topics"].items():
        print(t, "candidates", v["n_candidates"], "picked", v["picked"])

if __name__ == "__main__":
    main()
