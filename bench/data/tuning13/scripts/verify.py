"""verify.py - checks both tuning13 files.

- every line is valid JSON with the required keys
- every answer string is a byte-exact substring of its article's raw bytes
  (UTF-8 encoded; for the Latin-1 file sport/199.txt the answer must also match
  when encoded as Latin-1)
- 200 answerable questions over 200 distinct articles; articles = pick.py selection
- counts per topic and kind; lowercase / TYPO counts; near misses have answers [] and
  kind 'unanswerable', articles distinct and disjoint from the answerable set,
  and not in the excluded list or an md5-duplicate group
- answers-from-first-body-paragraph share
"""
import collections, hashlib, json, os, sys

ROOT = "/tmp/writer13/bbc-fulltext"
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
EXCL = "/work/notes/excluded-articles13.txt"
KEYS = ["question", "answers", "kind", "article", "note"]
KINDS = {"speech", "who", "how_many", "factoid", "when", "where", "why"}
errors = []

def raw(path):
    return open(os.path.join(ROOT, path), "rb").read()

def load(name):
    rows = []
    for i, line in enumerate(open(os.path.join(HERE, name), encoding="utf-8"), 1):
        try:
            d = json.loads(line)
        except Exception as e:
            errors.append(f"{name}:{i} invalid JSON: {e}"); continue
        if list(d.keys()) != KEYS:
            errors.append(f"{name}:{i} keys {list(d.keys())}")
        rows.append(d)
    return rows

def paras(b):
    s = b.decode("utf-8", errors="replace")
    return [p for p in s.split("\n") if p.strip()]

def main():
    excluded = {l.strip() for l in open(EXCL) if l.strip()}
    groups = collections.defaultdict(list)
    for t in os.listdir(ROOT + "/bbc"):
        for f in os.listdir(f"{ROOT}/bbc/{t}"):
            p = f"bbc/{t}/{f}"
            groups[hashlib.md5(raw(p)).hexdigest()].append(p)
    dups = {p for g in groups.values() if len(g) > 1 for p in g}

    news = load("news_tuning13.jsonl")
    nm = load("nearmiss_tuning13.jsonl")
    topic = collections.Counter(); kind = collections.Counter(); tk = collections.Counter()
    lower = typo = firstpara = 0
    for d in news:
        a = d["article"]
        if d["kind"] not in KINDS: errors.append(f"bad kind {d}")
        if not (1 <= len(d["answers"]) <= 3): errors.append(f"answers count {a}")
        b = raw(a)
        ps = paras(b)
        for s in d["answers"]:
            ok = s.encode("utf-8") in b
            if a == "bbc/sport/199.txt":
                try: ok = ok and s.encode("latin-1") in b
                except UnicodeEncodeError: ok = False
            if not ok: errors.append(f"answer not byte-exact in {a}: {s!r}")
        if len(ps) > 1 and any(s in ps[1] for s in d["answers"]) and not any(
                s in p for s in d["answers"] for p in ps[2:]):
            firstpara += 1
        if a in excluded or a in dups: errors.append(f"article not a candidate: {a}")
        t = a.split("/")[1]
        topic[t] += 1; kind[d["kind"]] += 1; tk[(t, d["kind"])] += 1
        if d["question"] == d["question"].lower(): lower += 1
        if "TYPO" in d["note"]: typo += 1
    arts = [d["article"] for d in news]
    if len(news) != 200: errors.append(f"{len(news)} answerable lines, want 200")
    if len(set(arts)) != len(arts): errors.append("answerable articles not distinct")

    nmarts = [d["article"] for d in nm]
    for d in nm:
        if d["answers"] != [] or d["kind"] != "unanswerable": errors.append(f"near-miss format {d['article']}")
        if d["article"] in excluded or d["article"] in dups: errors.append(f"near-miss article not a candidate: {d['article']}")
        if not os.path.exists(os.path.join(ROOT, d["article"])): errors.append(f"missing {d['article']}")
    if len(nm) != 40: errors.append(f"{len(nm)} near-miss lines, want 40")
    if len(set(nmarts)) != len(nmarts): errors.append("near-miss articles not distinct")
    if set(nmarts) & set(arts): errors.append("near-miss articles overlap answerable")

    pk = "/tmp/writer13/picks.json"
    if os.path.exists(pk):
        p = json.load(open(pk))
        want = {x for v in p["answerable"].values() for x in v} | set(p["extra"])
        if want != set(arts): errors.append("answerable articles differ from pick.py selection")
        pool = p["nearmiss_pool"]
        if not set(nmarts) <= set(pool): errors.append("near-miss article outside pick.py pool")

    print("answerable lines:", len(news), " distinct articles:", len(set(arts)))
    print("per topic:", dict(sorted(topic.items())))
    print("per kind:", dict(sorted(kind.items())))
    print("topic x kind:")
    for t in sorted(topic):
        print("  ", t, {k: tk[(t, k)] for k in sorted(KINDS)})
    print("all-lowercase questions:", lower, " TYPO questions:", typo)
    print("questions answered only from first body paragraph:", firstpara, f"({firstpara/len(news):.0%})")
    nmt = collections.Counter(a.split("/")[1] for a in nmarts)
    print("near-miss lines:", len(nm), " per topic:", dict(sorted(nmt.items())))
    print("ERRORS:", len(errors))
    for e in errors: print("  ", e)
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
