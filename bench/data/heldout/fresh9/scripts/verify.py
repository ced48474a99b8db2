"""Verify blind set 11: re-run the pick, check fields/order, counts, byte-exact answers,
and that no answer lies in the article's first body sentence."""
import json, os, re, sys, collections
sys.path.insert(0, os.path.dirname(__file__))
from pick import pick, ROOT

D = "/work/notes/blind11"
FIELDS = ["question", "answers", "kind", "article", "note"]
WANT = {"speech": 30, "who": 15, "how_many": 15, "factoid": 13, "when": 10, "where": 10, "why": 7}
errors = []

def raw(rel):
    return open(os.path.join(ROOT, rel), "rb").read()

def first_body_sentence(b):
    lines = [l for l in b.split(b"\n") if l.strip()]
    body = lines[1].decode("utf-8", "replace").strip()
    m = re.search(r'(?<=[.!?])["\']?\s+(?=["\']?[A-Z0-9])', body)
    return body[:m.start() + 1] if m else body

def load(name):
    rows = []
    for i, line in enumerate(open(os.path.join(D, name), encoding="utf-8"), 1):
        pairs = json.loads(line, object_pairs_hook=list)
        keys = [k for k, _ in pairs]
        if keys != FIELDS:
            errors.append(f"{name}:{i} field order {keys}")
        rows.append(dict(pairs))
    return rows

p = pick()
ans = load("bbc_news.jsonl")
una = load("bbc_unanswerable.jsonl")

# answerable
print(f"answerable rows: {len(ans)}")
if len(ans) != 100: errors.append("answerable count != 100")
kinds = collections.Counter(r["kind"] for r in ans)
print("kinds:", dict(kinds))
if dict(kinds) != WANT: errors.append(f"kind counts {dict(kinds)} != {WANT}")
arts = [r["article"] for r in ans]
if sorted(arts) != sorted(p["answerable"]): errors.append("answerable articles != re-run pick")
if len(set(arts)) != len(arts): errors.append("duplicate article in answerable")
lower = sum(r["question"] == r["question"].lower() for r in ans)
typo = sum("TYPO" in r["note"] for r in ans)
print(f"all-lowercase questions: {lower}; typo-flagged: {typo}")
if lower != 5: errors.append("lowercase count != 5")
if typo != 4: errors.append("typo count != 4")
for r in ans:
    b = raw(r["article"])
    fbs = first_body_sentence(b)
    if not (1 <= len(r["answers"]) <= 3): errors.append(f"{r['article']} answers len")
    for a in r["answers"]:
        if a.encode("utf-8") not in b:
            errors.append(f"{r['article']} answer not byte-exact substring: {a!r}")
        if a in fbs:
            errors.append(f"{r['article']} answer {a!r} in first body sentence: {fbs!r}")
    if r["kind"] not in WANT: errors.append(f"{r['article']} bad kind")

# unanswerable
print(f"unanswerable rows: {len(una)}")
if len(una) != 25: errors.append("unanswerable count != 25")
pool = p["unans_pool"]
ua = [r["article"] for r in una]
for r in una:
    if r["kind"] != "unanswerable" or r["answers"] != []:
        errors.append(f"{r['article']} unanswerable kind/answers")
    if r["article"] not in pool: errors.append(f"{r['article']} not in unanswerable pool")
    if r["article"] in set(p["answerable"]): errors.append(f"{r['article']} overlaps answerable")
if len(set(ua)) != len(ua): errors.append("duplicate article in unanswerable")
idx = [pool.index(a) for a in ua if a in pool]
if idx != sorted(idx): errors.append("unanswerable not in pool order")
skipped = [a for a in pool[:max(idx) + 1] if a not in set(ua)] if idx else []
print(f"unanswerable drawn from first {max(idx)+1 if idx else 0} pool entries; skipped (did not hold up): {skipped}")

print("ERRORS:" if errors else "ALL CHECKS PASSED")
for e in errors: print("  -", e)
sys.exit(1 if errors else 0)
