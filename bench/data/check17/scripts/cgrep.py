import zipfile,re,sys
z=zipfile.ZipFile('/work/shared/data/bbc-fulltext.zip')
docs={}
for n in z.namelist():
    if n.endswith('.txt'):
        b=z.read(n)
        try: s=b.decode('utf-8')
        except: s=b.decode('latin-1')
        docs[n.replace('bbc-fulltext/','')]=s
# usage: cgrep.py term1 [term2 ...]  -> docs containing ALL terms (regex, case-insens), with context of first term
terms=sys.argv[1:]
hits=[p for p,s in docs.items() if all(re.search(t,s,re.I) for t in terms)]
print(f'{len(hits)} docs contain all of {terms}')
for p in hits[:15]:
    s=docs[p]; 
    for m in list(re.finditer(terms[-1],s,re.I))[:3]:
        print(' ',p,'|',s[max(0,m.start()-120):m.end()+120].replace('\n',' '))
