import zipfile,re,sys
z=zipfile.ZipFile('/work/shared/data/bbc-fulltext.zip')
terms=sys.argv[1:]
for n in z.namelist():
    if not n.endswith('.txt'): continue
    b=z.read(n)
    try: s=b.decode('utf-8')
    except: s=b.decode('latin-1')
    if not re.search(terms[0],s,re.I): continue
    sents=re.split(r'(?<=[.!?"])\s+',s.replace('\n',' '))
    out=[x for x in sents if all(re.search(t,x,re.I) for t in terms[1:])] if len(terms)>1 else [x for x in sents if re.search(terms[0],x,re.I)]
    for x in out: print(n.replace('bbc-fulltext/',''),'|',x[:300])
