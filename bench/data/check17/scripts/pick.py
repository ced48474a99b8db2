import random, zipfile, json, collections
paths=[l.strip() for l in open('/work/notes/qset17-articles.txt') if l.strip()]
z=zipfile.ZipFile('/work/shared/data/bbc-fulltext.zip')
def read(p): return z.read('bbc-fulltext/'+p).decode('latin-1')
bytopic=collections.defaultdict(list)
for p in paths: bytopic[p.split('/')[1]].append(p)
out={}
for t in ['business','entertainment','politics','sport','tech']:
    ps=sorted(bytopic[t])
    pick=random.Random(1717).sample(ps,24)
    remaining=[p for p in ps if p not in pick]
    backup=random.Random(1718).sample(remaining,len(remaining))
    out[t]={'pick':pick,'backup':backup}
    print(t,len(ps))
json.dump(out,open('picks_raw.json','w'),indent=1)

# --- finalize: replace unusable picks with next from the 1718 backup order
REPLACE={'bbc/tech/158.txt':'near-duplicate of bbc/tech/146.txt (Jaccard 0.99)','bbc/sport/237.txt':'mostly bare lists of club names, team names stripped'}
final=[]; log=[]
for t in ['business','entertainment','politics','sport','tech']:
    bk=list(out[t]['backup'])
    for p in out[t]['pick']:
        if p in REPLACE:
            r=bk.pop(0); log.append((p,r,REPLACE[p])); final.append(r)
        else: final.append(p)
open('/work/qset17/picks.txt','w').write('\n'.join(final)+'\n')
json.dump(log,open('/work/qset17/replacements.json','w'),indent=1)
print(len(final),log)
