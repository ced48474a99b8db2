import json, zipfile, re, collections, html
exec(open('/work/dev17/qs.py').read())
z=zipfile.ZipFile('/work/shared/data/bbc-fulltext.zip')
picks=json.load(open('/work/dev17/picks.json'))
allp=set(p for t in picks for p in picks[t]['picks'])
def read(a):
    b=z.read('bbc-fulltext/'+a)
    try: return b.decode('utf-8')
    except: return b.decode('latin-1')
out=[]; arts=set(); ok=True
for art,q,ans,kind in Q:
    a='bbc/'+art+'.txt'
    assert a in allp, a
    assert a not in arts, a; arts.add(a)
    txt=read(a); paras=[p.strip() for p in txt.split('\n\n') if p.strip()]
    for s in ans:
        if s.lower() not in txt.lower(): print('MISSING',a,repr(s)); ok=False
    note=''
    order=list(range(1,len(paras)))+[0]
    for i in order:
        p=paras[i]
        k=p.lower().find(ans[0].lower())
        if k>=0:
            sents=re.split(r'(?<=[.!?"])\s+(?=[A-Z"])',p)
            for s in sents:
                if ans[0].lower() in s.lower():
                    note=f"para {i}: '{s[:200]}'" if len(s)>60 else f"para {i}: '{p[max(0,p.find(s)-100):p.find(s)+len(s)+60][:200]}'"; break
            if not note: note=f"para {i}: '{p[max(0,k-80):k+120]}'"
            break
    out.append({"question":q,"answers":ans,"kind":kind,"article":a,"note":note})
print(len(out), collections.Counter(o['kind'] for o in out), 'missing picks:', allp-arts)
if ok:
    with open('/work/notes/dev17.jsonl','w') as f:
        for o in out: f.write(json.dumps(o,ensure_ascii=False)+'\n')
    print('written')
