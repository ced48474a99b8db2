"""qabot serve: the local web page (app.py) and its HTML (page.py)."""
