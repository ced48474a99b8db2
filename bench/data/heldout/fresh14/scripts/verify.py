"""Checks for bbc_news.jsonl and bbc_unanswerable.jsonl (fresh14). Prints a report; exit 1 on failure.

fresh13's verify.py with: corpus path, four topic slots of 25 (tech has no candidate left), the
round-robin shortfall fill continuing across short topics (as pick.py), 1-2 answer strings.
"""
import json, os, re, sys, glob
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.normpath(os.path.join(HERE, ".."))
ROOT = "/tmp/fresh14-bbc/bbc-fulltext"
sys.path.insert(0, HERE)
from build_answerable import read, paras, sentences  # same paragraph / sentence rules

TOPICS = ["business", "entertainment", "politics", "sport"]  # slots; tech has no candidate
PER = 25
KINDS = ["speech", "who", "how_many", "factoid", "when", "where", "why"]
WANT_LOWER, WANT_TYPO = 7, 3
errors = []

def err(msg):
    errors.append(msg)
    print("FAIL:", msg)

def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"{os.path.basename(path)} line {n}: invalid JSON ({e})"); continue
            for k in ("question", "answers", "kind", "article", "note"):
                if k not in d:
                    err(f"{os.path.basename(path)} line {n}: missing key {k}")
            rows.append(d)
    return rows

def raw_bytes(art):
    return open(os.path.join(ROOT, art), "rb").read()

def encode_like(art, s):
    raw = raw_bytes(art)
    try:
        raw.decode("utf-8"); return s.encode("utf-8")
    except UnicodeDecodeError:
        return s.encode("latin-1")

def whole_word(a, text):
    return re.search(r"(?<!\w)" + re.escape(a) + r"(?!\w)", text) is not None

pick = json.load(open(os.path.join(BASE, "pick_output.json")))
all_arts = sorted(p[len(ROOT) + 1:] for p in glob.glob(ROOT + "/bbc/*/*.txt"))
texts = {a: read(a) for a in all_arts}
print(f"corpus files: {len(all_arts)}")

# ---------------- answerable ----------------
A = load(os.path.join(BASE, "bbc_news.jsonl"))
print(f"\n== bbc_news.jsonl: {len(A)} lines")
if len(A) != 100: err("answerable count != 100")
arts = [d["article"] for d in A]
if len(set(arts)) != len(arts): err("duplicate article in answerable set")
topic_c = Counter(a.split("/")[1] for a in arts)
kind_c = Counter(d["kind"] for d in A)
fill = pick.get("shortfall_fill", {})
slot_of = {a: t for t, lst in fill.items() for a in lst}
def slot(a):
    return slot_of.get(a, a.split("/")[1])
slot_c = Counter(slot(a) for a in arts)
print("per topic (article folder):", dict(sorted(topic_c.items())))
print("per slot (topic sample + shortfall fill):", dict(sorted(slot_c.items())))
print("per kind :", {k: kind_c.get(k, 0) for k in KINDS})
# the fill must be the round-robin of the donor topics' backups, rotation continuing across
# short topics (same rule as pick.py)
short = {t for t in pick["topics"] if len(pick["topics"][t]["picked"]) < PER}
donors = [o for o in sorted(pick["topics"]) if o not in short]
used = set(); turn = 0
for t in sorted(pick["topics"]):
    need = PER - len(pick["topics"][t]["picked"])
    exp = []
    while need > 0:
        prog = False
        for _ in range(len(donors)):
            o = donors[turn % len(donors)]; turn += 1
            for b in pick["topics"][o]["backup"]:
                if b not in used:
                    exp.append(b); used.add(b); need -= 1; prog = True; break
            if prog: break
        if not prog: break
    if exp or t in fill:
        if fill.get(t) != exp: err(f"shortfall fill for {t} is not the round-robin of first backups")
        missing = [a for a in fill.get(t, []) if a not in arts]
        if missing: err(f"shortfall fill for {t} not all used: {missing}")
        print(f"  shortfall: {t} has {len(pick['topics'][t]['picked'])} candidates; filled with {len(exp)} backups: {', '.join(x[4:] for x in exp)}")
if set(pick["topics"]) != set(TOPICS): err(f"candidate topics {sorted(pick['topics'])} != slots {TOPICS}")
for t in TOPICS:
    if slot_c.get(t) != PER: err(f"slot {t} has {slot_c.get(t)} != {PER}")
    picked = set(pick["topics"][t]["picked"])
    mine = {a for a in arts if slot(a) == t}
    extra = mine - picked - set(fill.get(t, []))
    if extra: err(f"{t}: articles outside the sample and fill: {sorted(extra)}")
    if picked - mine: err(f"{t}: sampled articles not used: {sorted(picked - mine)}")
bad_kinds = set(kind_c) - set(KINDS)
if bad_kinds: err(f"unknown kinds {bad_kinds}")

lower = sum(1 for d in A if d["question"] == d["question"].lower())
typo = sum(1 for d in A if "TYPO" in d["note"])
flag_lower = sum(1 for d in A if "ALL LOWERCASE" in d["note"])
print(f"all-lowercase questions: {lower} (want {WANT_LOWER}, flagged {flag_lower}); TYPO-flagged: {typo} (want {WANT_TYPO})")
if lower != WANT_LOWER or flag_lower != WANT_LOWER: err("lowercase question count mismatch")
if typo != WANT_TYPO: err("TYPO count mismatch")

multi = []
nans = Counter()
for d in A:
    art = d["article"]; raw = raw_bytes(art); t = texts[art]
    lede = sentences(paras(t)[1])[0]
    nans[len(d["answers"])] += 1
    if not 1 <= len(d["answers"]) <= 2: err(f"{art}: {len(d['answers'])} answer strings")
    for a in d["answers"]:
        if encode_like(art, a) not in raw:
            err(f"{art}: answer not a byte-exact substring: {a!r}")
        if not whole_word(a, t):
            err(f"{art}: answer not found as whole words: {a!r}")
        if a in lede:
            err(f"{art}: answer {a!r} appears in the first body sentence")
        if not 1 <= len(a.split()) <= 6:
            err(f"{art}: answer not 1-6 words: {a!r}")
        if d["kind"] == "speech" and len(a.split()) < 2:
            err(f"{art}: speech answer shorter than 2 words: {a!r}")
        others = [k for k, v in texts.items() if k != art and whole_word(a, v)]
        if others: multi.append((art, a, others))
    if not re.match(r"para \d+ \(headline = para 0\), sentence [\d?]+: '", d["note"]):
        err(f"{art}: note does not start with the para/sentence locator")
print("answer strings per question:", dict(sorted(nans.items())))
print("all answers byte-exact, whole words, 1-6 words, none in the lede" if not any("answer" in e for e in errors) else "answer checks FAILED")
print(f"\ninformational: answer strings that also occur (whole words) in other articles ({len(multi)}):")
for art, a, o in multi:
    lst = ", ".join(x[4:] for x in o[:6]) + (" ..." if len(o) > 6 else "")
    print(f"  {art}: {a!r} also in {len(o)} other file(s): {lst}")

# ---------------- unanswerable ----------------
U = load(os.path.join(BASE, "bbc_unanswerable.jsonl"))
print(f"\n== bbc_unanswerable.jsonl: {len(U)} lines")
if len(U) != 25: err("unanswerable count != 25")
pool = pick["unanswerable_pool"]
if len({d["article"] for d in U}) != len(U): err("duplicate article in unanswerable set")
for d in U:
    art = d["article"]
    if d["answers"] != [] or d["kind"] != "unanswerable": err(f"{art}: unanswerable line malformed")
    if art not in pool: err(f"{art}: not in the unanswerable pool")
    if art in arts: err(f"{art}: also used for an answerable question")
    terms = d["note"].split(" grep terms: ")[-1].split("; ")
    hits = sorted({k for k, v in texts.items() for tm in terms if tm in v})
    if art not in hits: err(f"{art}: its own grep terms do not hit it")
    print(f"  {art} [{', '.join(terms)}] -> {len(hits)} file(s): {', '.join(h[4:] for h in hits)}")
print("unanswerable topics:", dict(sorted(Counter(d['article'].split('/')[1] for d in U).items())))
last = max(pool.index(d["article"]) for d in U)
from build_unanswerable import SKIPPED
unused = {pool[i] for i in range(last + 1)} - {d["article"] for d in U}
if unused != set(SKIPPED): err(f"SKIPPED list does not match unused pool entries: {sorted(unused ^ set(SKIPPED))}")
else: print(f"all {len(unused)} unused pool entries before position {last} are recorded in SKIPPED with a reason")
print(f"pool positions used: {sorted(pool.index(d['article']) for d in U)} (walked pool[0..{last}])")

# ---------------- exclusion lists ----------------
EXCL17 = "/work/notes/excluded-articles17.txt"
EXCL18 = "/work/notes/excluded-articles18.txt"
ex17 = [l.strip() for l in open(EXCL17) if l.strip()]
used_arts = arts + [d["article"] for d in U]
clash = sorted(set(used_arts) & set(ex17))
if clash: err(f"articles listed in excluded-articles17: {clash}")
if os.path.exists(EXCL18):
    ex18 = [l.strip() for l in open(EXCL18) if l.strip()]
    want = ex17 + sorted(arts) + sorted(d["article"] for d in U)
    if ex18 != want: err("excluded-articles18.txt != excluded-articles17 + answerable sorted + unanswerable sorted")
    if len(set(ex18)) != len(ex18): err("excluded-articles18.txt has duplicates")
    print(f"\nexcluded-articles18.txt: {len(ex18)} lines = {len(ex17)} (excluded-articles17, unchanged) + {len(arts)} answerable + {len(U)} unanswerable, no duplicates" if ex18 == want else "")
else:
    err("excluded-articles18.txt missing")
print(f"no used article is in excluded-articles17 ({len(ex17)} paths)" if not clash else "")

print("\nRESULT:", "OK" if not errors else f"{len(errors)} FAILURE(S)")
sys.exit(1 if errors else 0)
