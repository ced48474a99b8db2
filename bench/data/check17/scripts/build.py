import zipfile,importlib,collections,re,sys,json
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
NM=importlib.import_module('q_nearmiss').NM
def note_for(p,a):
    s=read(p)
    paras=[x.strip() for x in re.split(r'\n\s*\n',s) if x.strip()]
    # para 0 = headline
    for i,para in enumerate(paras):
        j=para.lower().find(a.lower())
        if j<0: continue
        sents=re.split(r'(?<=[.!?])\s+(?=["A-Z\'])',para)
        pos=0
        for se in sents:
            k=para.find(se,pos); 
            if k<=j<k+len(se): break
            pos=k+len(se)
        se=se.strip()
        if len(se)>200:
            jj=se.lower().find(a.lower()); st=max(0,min(jj-80,len(se)-200)); se=se[st:st+200]
        return f"para {i}: '{se}'"
    raise Exception((p,a))
ANCHOR={'bbc/business/358.txt':'filed for bankruptcy earlier this month in Texas',
 'bbc/tech/360.txt':'carry a "HD-Ready" sticker',
 'bbc/sport/130.txt':'poised to join Sunderland',
 'bbc/business/014.txt':'axing 90 journalist jobs',
 'bbc/tech/150.txt':'commissioned by net provider AOL',
 'bbc/sport/406.txt':"We've got to go back to technology"}
out=[]
for p in picks:
    q,ans,k,_=qa[p]
    a=ANCHOR.get(p,ans[0])
    assert any(x.lower() in a.lower() for x in ans), (p,a)
    out.append({"question":q,"answers":ans,"kind":k,"article":p,"note":note_for(p,a)})
for q,p,n in NM:
    out.append({"question":q,"answers":[],"kind":"unanswerable","article":p,"note":n})
with open('/work/notes/news_check17.jsonl','w') as f:
    for o in out: f.write(json.dumps(o,ensure_ascii=False)+'\n')
print(len(out))
