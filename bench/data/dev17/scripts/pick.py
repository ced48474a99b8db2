import random, zipfile, json
paths=[l.strip() for l in open('/work/notes/dev17-pool.txt') if l.strip()]
N={'sport':30,'business':30,'politics':15,'entertainment':5}
z=zipfile.ZipFile('/work/shared/data/bbc-fulltext.zip')
picks={}
for t,n in N.items():
    tp=sorted(p for p in paths if p.split('/')[1]==t)
    s=random.Random(1777).sample(tp,n)
    rem=[p for p in tp if p not in s]
    backup=random.Random(1778).sample(rem,len(rem))
    picks[t]={'picks':s,'backup':backup}
json.dump(picks,open('picks.json','w'),indent=1)
