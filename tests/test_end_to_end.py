"""The whole path through the real CLI: index the bundled article, ask, get cited sentences."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from conftest import CHROME, SEED_TITLE, WANG_1, WANG_2, run


def test_reference_question_builds_index_then_answers_with_wangs_quotes(seeds):
    result = run("ask", "what did Wang say about Ukraine", "--json")
    assert result.returncode == 0, result.stderr
    assert "building the index at index" in result.stderr
    answer = json.loads(result.stdout)
    assert answer["question"] == "what did Wang say about Ukraine"
    assert answer["no_answer"] is False
    texts = [a["text"] for a in answer["answers"]]
    # Wang's two quotations about Ukraine and nothing else: the third sentence once shown ("Wang's published
    # comments did not use the words war") is the reporter's, about his words
    assert sorted(texts) == sorted([WANG_1, WANG_2])
    for a in answer["answers"]:
        assert a["article"]["title"] == SEED_TITLE
        assert a["article"]["path"] == "seeds/000_dfce30cfe0989a0b.txt"
        assert a["article"]["byline"] == "Anton Troianovski"
        assert set(a) == {"rank", "text", "score", "context", "article", "paragraph", "start", "end", "confidence"}
        assert 0 < a["confidence"] <= 1
        assert a["text"] in a["context"]
    assert [a["rank"] for a in answer["answers"]] == [1, 2]
    assert {a["paragraph"] for a in answer["answers"]} == {13, 14}
    for chrome in CHROME:
        assert chrome not in result.stdout


def test_offsets_point_into_the_cleaned_text(seeds):
    import sys
    sys.path.insert(0, str(seeds.parent))
    from pathlib import Path

    from qabot.loading import load_file

    answer = json.loads(run("ask", "what did Wang say about Ukraine", "--json").stdout)
    article = load_file(Path("seeds/000_dfce30cfe0989a0b.txt"), Path("seeds/000_dfce30cfe0989a0b.txt").read_bytes(),
                        "seeds/000_dfce30cfe0989a0b.txt").articles[0]
    for a in answer["answers"]:
        assert article.text[a["start"]:a["end"]] == a["text"]
        p_start, p_end = article.paragraphs[a["paragraph"] - 1]
        assert p_start <= a["start"] < a["end"] <= p_end


def test_human_output_is_quoted_cited_and_free_of_chrome(seeds):
    result = run("ask", "what did Wang say about Ukraine", "-k", "2")
    assert result.returncode == 0
    assert result.stdout == (
        "> “We don’t want to see the Ukraine crisis perpetuate and expand,” Wang said.\n"
        f"[1] {SEED_TITLE}\n    — seeds/000_dfce30cfe0989a0b.txt, ¶ 14\n"
        "\n"
        "> “On the Ukraine issue, China has always stood on the side of peace and dialogue, and has always\n"
        "> insisted on pressing for peace and negotiation,” Wang said in a meeting with Ukrainian Foreign\n"
        "> Minister Dmytro Kuleba on Saturday, when they were both in Munich for an annual security\n"
        "> conference, according to China’s official summary of the meeting.\n"
        f"[2] {SEED_TITLE}\n    — seeds/000_dfce30cfe0989a0b.txt, ¶ 13\n"
    )
    assert "\x1b" not in result.stdout


def test_second_ask_does_not_rebuild(seeds):
    assert run("ask", "Patrushev").returncode == 0
    again = run("ask", "Patrushev")
    assert again.returncode == 0
    assert again.stderr == ""
    assert "Nikolai Patrushev" in again.stdout


def test_changed_corpus_is_rebuilt_before_answering(seeds):
    run("index")
    (seeds / "extra.txt").write_text("Llamas of Peru\n\nThe llama herders of Cusco said prices rose.\n")
    result = run("ask", "llama herders", "--json")
    assert "corpus changed" in result.stderr
    assert json.loads(result.stdout)["answers"][0]["text"] == "The llama herders of Cusco said prices rose."


def test_questions_from_stdin_one_json_object_per_line_in_order(seeds):
    questions = "what did Wang say about Ukraine\n\nbitcoin mining\nhow much trade\n"
    result = run("ask", "--json", "-", input=questions)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    answers = [json.loads(line) for line in lines]
    assert [a["question"] for a in answers] == ["what did Wang say about Ukraine", "bitcoin mining", "how much trade"]
    assert answers[1] == {"question": "bitcoin mining", "no_answer": True, "confidence": None, "unsure": False,
                          "searched": [], "message": "nothing about 'bitcoin mining' in 1 article", "answers": []}
    assert "$200 billion" in answers[2]["answers"][0]["text"]


def test_questions_from_stdin_for_a_person(seeds):
    result = run("ask", "-", "-k", "1", input="bitcoin\nPatrushev\n")
    assert result.stdout == (
        "Q: bitcoin\nNo answer: nothing about 'bitcoin' in 1 article.\n\n"
        "Q: Patrushev\n> On Tuesday, Wang met with Nikolai Patrushev, Putin’s top security adviser.\n"
        f"[1] {SEED_TITLE}\n    — seeds/000_dfce30cfe0989a0b.txt, ¶ 8\n"
    )


def test_no_answer_is_a_clear_message_and_exit_zero(seeds):
    result = run("ask", "what did Obama say about Iraq")
    assert result.returncode == 0
    assert result.stdout == "No answer: no one called 'Obama' in 1 article.\n"
    result = run("ask", "what is the")
    assert result.returncode == 0
    assert result.stdout.startswith("No answer: the question has no words to search for")


def test_python_dash_m_and_console_script_agree(seeds):
    import subprocess

    # the console script installed beside the interpreter running the tests (this checkout's), not
    # whichever qabot is first on PATH
    exe = Path(sys.executable).parent / "qabot"
    assert exe.exists(), f"the qabot console script is installed at {exe}"
    a = subprocess.run([exe, "ask", "Kuleba", "--json"], capture_output=True, text=True)
    b = run("ask", "Kuleba", "--json")
    assert a.returncode == b.returncode == 0
    assert json.loads(a.stdout) == json.loads(b.stdout)


def test_index_with_nothing_to_index_names_what_to_do(isolated):
    result = run("index")  # no index yet, no seeds/ here, no PATH: "nothing to index" is 3, as for ask
    assert result.returncode == 3 and result.stdout == ""
    assert result.stderr.startswith("qabot: error: nothing to index: there is no index yet and no seeds/ folder here; ")
    assert result.stderr.rstrip().endswith("qabot index PATH") and len(result.stderr.splitlines()) == 1


def test_index_summary_and_incremental_counts(seeds):
    first = run("index")
    assert first.returncode == 0
    lines = first.stdout.splitlines()
    assert lines[0].startswith("indexed 1 article from 1 file into index: 15 passages, 668 tokens, in ")
    assert lines[1:] == ["files: 1 new, 0 updated, 0 unchanged, 0 removed, 0 failed, 0 skipped",
                         "new seeds/000_dfce30cfe0989a0b.txt"]
    assert run("index").stdout.splitlines()[1:] == ["files: 0 new, 0 updated, 1 unchanged, 0 removed, 0 failed, 0 skipped"]
    (seeds / "b.md").write_text("# Second story\n\nBy Jane Roe\n\nThe mayor said the **bridge** will open in May.\n")
    (seeds / "notes.pdf").write_bytes(b"%PDF-1.4")
    (seeds / "data.csv").write_text("a,b\n")
    out = run("index")
    assert out.returncode == 0 and out.stderr == ""  # a PDF and a CSV are no failures
    assert out.stdout.splitlines()[1:] == [
        "files: 1 new, 0 updated, 1 unchanged, 0 removed, 0 failed, 1 skipped, 1 ignored (images, audio, video, archives, office)",
        "new seeds/b.md", "skipped seeds/data.csv: unsupported file type .csv"]
    (seeds / "b.md").write_text("# Second story\n\nThe mayor said the bridge will open in June.\n")
    assert run("index").stdout.splitlines()[1:3] == [
        "files: 0 new, 1 updated, 1 unchanged, 0 removed, 0 failed, 1 skipped, 1 ignored (images, audio, video, archives, office)",
        "updated seeds/b.md"]
    (seeds / "b.md").unlink()
    assert run("index").stdout.splitlines()[1:3] == [
        "files: 0 new, 0 updated, 1 unchanged, 1 removed, 0 failed, 1 skipped, 1 ignored (images, audio, video, archives, office)",
        "removed seeds/b.md"]


def test_touched_but_unchanged_file_is_not_retokenized(seeds):
    import os

    run("index")
    seed = seeds / "000_dfce30cfe0989a0b.txt"
    os.utime(seed, ns=(1, 1))
    assert run("index").stdout.splitlines()[1] == "files: 0 new, 0 updated, 1 unchanged, 0 removed, 0 failed, 0 skipped"


def test_a_long_citation_wraps_to_the_width_with_the_source_under_the_title():
    corpus = Path("a folder with a long name") / "corpus"
    corpus.mkdir(parents=True)
    title = "The committee on the future of the northern railway publishes its long awaited final report on fares"
    (corpus / "report.txt").write_text(f"{title}\n\nThe committee said fares on the northern railway should fall.\n")
    result = run("index", str(corpus))
    assert result.returncode == 0, result.stderr
    result = run("ask", "northern railway fares", env={"COLUMNS": "60"})
    assert result.stdout == (
        "> The committee said fares on the northern railway should\n"
        "> fall.\n"
        "[1] The committee on the future of the northern railway\n"
        "    publishes its long awaited final report on fares\n"
        "    — a folder with a long name/corpus/report.txt, ¶ 1\n"
    )
