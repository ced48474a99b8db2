import json,zipfile,collections
z=zipfile.ZipFile('/work/shared/data/bbc-fulltext.zip')
def read(p):
    b=z.read('bbc-fulltext/'+p)
    try: return b.decode('utf-8')
    except: return b.decode('latin-1')
allowed=set(l.strip() for l in open('/work/notes/qset17-articles.txt') if l.strip())
picks=open('/work/qset17/picks.txt').read().split()
lines=open('/work/notes/news_check17.jsonl').read().splitlines()
assert len(lines)==150,len(lines)
rows=[json.loads(l) for l in lines]
for r in rows: assert set(r)=={'question','answers','kind','article','note'},r
ans=[r for r in rows if r['kind']!='unanswerable']; nm=[r for r in rows if r['kind']=='unanswerable']
assert rows[:120]==ans and rows[120:]==nm
assert [r['article'] for r in ans]==picks
assert len(set(r['article'] for r in ans))==120, 'dup article among answerable'
assert len(set(r['article'] for r in nm))==30, 'dup article among near misses'
assert all(r['article'] in picks for r in nm)
assert all(p in allowed for p in picks)
assert len(set(r['question'].lower() for r in rows))==150
bad=0
for r in ans:
    assert r['answers'], r
    s=read(r['article']).lower()
    for a in r['answers']:
        if a.lower() not in s: print('MISSING',r['article'],a); bad+=1
    assert r['note'].startswith('para ')
for r in nm: assert r['answers']==[] and r['note']
c=collections.Counter(r['kind'] for r in rows)
want={'speech':30,'who':20,'where':15,'when':12,'why':12,'how_many':16,'factoid':15,'unanswerable':30}
assert c==collections.Counter(want),c
print('OK',dict(c),'missing',bad, 'topics',collections.Counter(r['article'].split('/')[1] for r in ans))
