import zipfile,importlib,collections,re,sys
sys.path.insert(0,'/work/qset17')
z=zipfile.ZipFile('/work/shared/data/bbc-fulltext.zip')
def read(p):
    b=z.read('bbc-fulltext/'+p)
    try: return b.decode('utf-8')
    except: return b.decode('latin-1')
picks=open('/work/qset17/picks.txt').read().split()
allQ=[]
for t in ['business','entertainment','politics','sport','tech']:
    allQ+=importlib.import_module('q_'+t).Q
qa={q[3]:q for q in allQ}
assert len(qa)==len(allQ)==120, (len(qa),len(allQ))
assert set(qa)==set(picks), set(picks)^set(qa)
bad=0
for p in picks:
    q,ans,k,_=qa[p]; s=read(p).lower()
    for a in ans:
        if a.lower() not in s: print('MISSING',p,repr(a)); bad+=1
print('bad',bad, collections.Counter(q[2] for q in allQ))
