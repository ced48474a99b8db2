"""Speech: who says each sentence of a passage, and the whole quotation an attributed sentence is part of.

A "what did X say about Y" question ranks X's own words (a quotation attributed to X, or reported
speech with X as subject) with Y in or beside them before every other sentence.
"""

from __future__ import annotations

from ..speakers import Attribution, attribute_paragraph
from .sentences import Reader, ReadPassage


class Speech:
    """Speakers of passages, worked out once per passage and kept."""

    def __init__(self, reader: Reader):
        self.reader = reader
        self._speakers: dict[int, dict[int, Attribution]] = {}

    def speakers(self, passage: ReadPassage) -> dict[int, Attribution]:
        """Speaker of every sentence of the passage, by sentence start (cached).

        The sentences before it in its paragraph, up to ``speaker_window`` characters back, are read
        too: a quotation that goes on, or "he said", needs them. A window, not the whole paragraph, so
        a one-paragraph article of megabytes costs no more than an ordinary one.
        """
        found = self._speakers.get(passage.id)
        if found is None:
            reader = self.reader
            if len(self._speakers) >= reader.params.caches.speakers:
                self._speakers.clear()
            window = reader.params.speech.speaker_window
            first = reader.corpus.article_passages(passage.article).start
            lo = passage.id
            while lo > first:
                before = reader.passage(lo - 1)
                if before.paragraph != passage.paragraph or before.start < passage.start - window:
                    break
                lo -= 1
            text = reader.article(passage.article).text
            spans = [(x.start, x.end) for p in range(lo, passage.id + 1) for x in reader.passage(p).sentences]
            found = dict(zip((s for s, _ in spans), attribute_paragraph(text, spans)))
            self._speakers[passage.id] = found
        return found

    def quotation(self, passage: ReadPassage, start: int, end: int, speaker: str | None) -> tuple[int, int]:
        """The span of the whole quotation the sentence at ``start`` belongs to.

        From the sentence that names the speaker through the sentences that go on with the quotation
        ('"…," said Mr Lockyer. "Although Wal-Mart …"'), within ``quotation_chars`` characters.
        """
        reader = self.reader
        limit = reader.params.speech.quotation_chars
        passages = reader.corpus.article_passages(passage.article)
        following = passage.id + 1
        same = following in passages and reader.passage(following).paragraph == passage.paragraph
        speakers = dict(self.speakers(passage))
        ends = {x.start: x.end for p in range(passage.id - 1, passage.id + 1 + same)
                if p in passages for x in reader.passage(p).sentences}
        if same:
            speakers.update(self.speakers(reader.passage(following)))
        sentences = sorted((s, ends[s], a) for s, a in speakers.items() if s in ends)
        at = next((i for i, x in enumerate(sentences) if x[0] == start), None)
        if at is None:
            return start, end
        first = at
        while first > 0 and sentences[first][2].continued and sentences[first - 1][2].speaker == speaker \
                and start - sentences[first - 1][0] <= limit:
            first -= 1
        last = at
        while last + 1 < len(sentences) and sentences[last + 1][2].continued \
                and sentences[last + 1][2].speaker == speaker \
                and sentences[last + 1][1] - sentences[first][0] <= limit:
            last += 1
        return sentences[first][0], sentences[last][1]
