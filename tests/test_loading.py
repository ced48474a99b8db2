"""Loading real files: chrome, titles, bylines, formats, encodings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CHROME, SEED, SEED_TITLE, run

from qabot.corpus import list_files
from qabot.loading import decode, load_file


def _load(path: Path):
    return load_file(path, path.read_bytes(), str(path))


def test_seed_article_title_byline_and_no_chrome():
    loaded = _load(SEED)
    assert loaded.skipped is None
    [article] = loaded.articles
    assert article.title == SEED_TITLE
    assert article.byline == "Anton Troianovski"
    assert article.text.startswith("The top Chinese diplomat, Wang Yi, and Russian President Vladimir Putin pledged")
    assert article.text.endswith("reluctant to expose any deep differences between China and Russia.")
    for chrome in CHROME + ("By Anton",):
        assert chrome not in article.text
    assert len(article.paragraphs) == 15
    for start, end in article.paragraphs:
        assert article.text[start:end].strip() == article.text[start:end] != ""


def test_markdown(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("# The *bridge* opens\n\nBy Jane Roe\n\nThe [mayor](http://x) said **yes**.\n\n- Share this post\n")
    [article] = _load(path).articles
    assert (article.title, article.byline, article.text) == ("The bridge opens", "Jane Roe", "The mayor said yes.")


def test_html_main_text_title_author_date(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Site | Dam opens</title><meta name='author' content='Ana Lima'>"
        "<meta property='article:published_time' content='2024-05-02'><style>p{color:red}</style>"
        "<script>var secret = 'do not index';</script></head><body><nav><a>Home</a><a>About</a></nav>"
        "<article><h1>Dam opens after ten years</h1>"
        "<p>The new dam on the river opened on Monday after ten years of building, officials said at the site.</p>"
        "<p>“It will power a million homes,” said the engineer Rui Costa, who led the project from the start.</p>"
        "</article><footer>Copyright 2024 Site</footer></body></html>"
    )
    [article] = _load(path).articles
    assert article.title == "Dam opens after ten years"
    assert article.byline == "Ana Lima"
    assert article.date == "2024-05-02"
    assert article.text == (
        "The new dam on the river opened on Monday after ten years of building, officials said at the site.\n\n"
        "“It will power a million homes,” said the engineer Rui Costa, who led the project from the start."
    )


def test_json_list_and_jsonl_with_a_bad_line(tmp_path):
    items = [{"headline": "One", "body": "First body.", "author": "A B", "published": "2020-01-01", "url": "http://a"},
             {"title": "Two", "content": "Second body."}, {"title": "No text"}]
    path = tmp_path / "a.json"
    path.write_text(json.dumps(items))
    loaded = _load(path)
    assert [(a.title, a.text, a.byline, a.date, a.url) for a in loaded.articles] == [
        ("One", "First body.", "A B", "2020-01-01", "http://a"), ("Two", "Second body.", None, None, None)]
    assert loaded.warnings == ["item 3 has no article text; skipped"]
    lines = tmp_path / "b.jsonl"
    lines.write_text('{"title": "Good", "text": "Fine text."}\n{"title": broken\n\n{"title": "Also", "text": "More."}\n')
    loaded = _load(lines)
    assert [a.title for a in loaded.articles] == ["Good", "Also"]
    assert len(loaded.warnings) == 1 and loaded.warnings[0].startswith("line 2: invalid JSON")
    assert len({a.id for a in loaded.articles}) == 2


def test_encodings_never_crash():
    assert decode("Café “quoted”".encode("utf-8")) == "Café “quoted”"
    assert decode("Café".encode("latin-1")) == "Café"
    assert decode("“smart” – dash".encode("cp1252")) == "“smart” – dash"
    assert decode("Zürich".encode("utf-16")) == "Zürich"
    assert decode(b"\xef\xbb\xbfBOM") == "BOM"
    assert decode(b"bad \xff\xfe\x81 bytes\x00 and \x1b[2J") == "bad ÿþ bytes and "  # the escape goes whole


def test_utf8_with_one_stray_byte_stays_utf8(isolated):
    """One bad byte beside one "£" (as many good characters as bad): the "£" stays "£", not cp1252's "Â£"."""
    folder = isolated / "hostile"
    folder.mkdir()
    (folder / "tram.txt").write_bytes("Tram plan\n\nThe new tram line would cost £40 million, the council said.\n\n"
                                      .encode("utf-8") + b"Work starts in May \x97 if the money comes.\n")
    assert run("index", "hostile", "--index", "idx").returncode == 0
    asked = run("ask", "--json", "--index", "idx", "how much would the tram cost")
    answer = json.loads(asked.stdout)["answers"][0]
    assert answer["text"] == "The new tram line would cost £40 million, the council said."
    shown = run("ask", "--index", "idx", "when does work start")
    assert "Work starts in May \ufffd if the money comes." in shown.stdout  # only the stray byte is replaced
    assert decode("Café".encode("latin-1") + " costs £5".encode("utf-8")) == "Caf\ufffd costs £5"
    assert decode("Café for £5".encode("cp1252")) == "Café for £5"  # no valid multi-byte character: cp1252


def test_empty_and_binary_files_are_skipped(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 20)
    assert _load(tmp_path / "empty.txt").skipped == "empty file"
    assert _load(tmp_path / "blob.txt").skipped == "binary file"


def test_listing_walks_sorted_and_sorts_files_by_kind(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("x")
    (tmp_path / "a.md").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "c.pdf").write_text("x")
    (tmp_path / "d.png").write_bytes(b"\x89PNG")
    (tmp_path / "e.csv").write_text("x")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.md")  # the same file twice: listed once
    listing = list_files([tmp_path, tmp_path / "missing"])
    assert listing.paths == [str(tmp_path / "a.md"), str(tmp_path / "b" / "z.txt")]
    assert listing.sizes == [1, 1]
    assert listing.skipped == [(str(tmp_path / "e.csv"), "unsupported file type .csv")]
    assert listing.ignored == 2  # the PDF and the PNG, quietly
    assert listing.missing == [str(tmp_path / "missing")]


ESC = "\x1b"
MAYOR = (f"The mayor said {ESC}]0;pwned\x07 the {ESC}[2J council {ESC}]8;;http://x.invalid{ESC}\\ link {ESC}]8;;{ESC}\\ "
         "would meet on Friday.")


@pytest.mark.parametrize("text", [
    MAYOR,
    MAYOR.replace("\x07 ", "\x07").replace("2J ", "2J").replace("\\ link ", "\\link"),  # no spaces around them
    # the 8-bit forms: CSI 0x9B, OSC 0x9D, ST 0x9C, DCS 0x90
    "The mayor said \x9d0;pwned\x9c the \x9b2J council \x9d8;;http://x.invalid\x9clink\x9d8;;\x9c\x90qpayload\x9c would meet on Friday.",
])
def test_escape_sequences_are_removed_whole_at_load(tmp_path, text):
    path = tmp_path / "mayor.txt"
    path.write_bytes(("Council\n\n" + text + "\n").encode())
    assert _load(path).articles[0].text == "The mayor said the council link would meet on Friday."
    as_json = tmp_path / "mayor.json"  # escapes inside JSON strings too
    as_json.write_text(json.dumps({"title": f"Council{ESC}[31m news", "text": text}))
    article = _load(as_json).articles[0]
    assert (article.title, article.text) == ("Council news", "The mayor said the council link would meet on Friday.")


def test_an_unterminated_escape_string_does_not_eat_the_text_after_it(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(f"Cut\n\nFirst line {ESC}]0;never ended\nSecond line \x9d stays.\n".encode())
    assert _load(path).articles[0].text == "First line 0;never ended Second line stays."


def test_a_byline_holding_tags_is_the_byline_and_a_meta_author_holding_a_script_is_cleaned(isolated):
    folder = isolated / "hostile"
    folder.mkdir()
    (folder / "tagged.txt").write_text("Evil RED headline about the ferry\nBy Mallory <b>Evans</b>\n\n"
                                       "The harbour master said the ferry will run at noon.\n", encoding="utf-8")
    (folder / "meta.html").write_text(
        '<html><head><title>Harbour news</title><meta name="author" content="Jo &lt;script&gt;alert(1)&lt;/script&gt; '
        'Reed"></head><body><article><h1>Harbour news</h1><p>The harbour master said the ferry to the island will '
        'run at noon from Monday, and that the boats would be full all summer long.</p><p>Another paragraph that is '
        'long enough to be kept by the extractor as the main text of the page.</p></article></body></html>\n',
        encoding="utf-8")
    assert run("index", "hostile", "--index", "idx").returncode == 0
    listed = run("list", "--json", "--index", "idx")
    got = {a["path"]: (a["title"], a["byline"]) for a in map(json.loads, listed.stdout.splitlines())}
    assert got == {"hostile/tagged.txt": ("Evil RED headline about the ferry", "Mallory Evans"),
                   "hostile/meta.html": ("Harbour news", "Jo Reed")}
    asked = json.loads(run("ask", "--json", "--index", "idx", "who wrote the article about the ferry").stdout)
    assert "By Mallory" not in json.dumps(asked)  # the byline line is no paragraph
