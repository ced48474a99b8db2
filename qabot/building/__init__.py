"""Building and updating an index, in named stages; ``qabot.build`` runs them (``build``).

- ``data``: what a build is given and gives: its ``Settings``, its ``BuildReport``, and the ``Block`` of
  articles, passages, sentences and term counts that files become.
- ``process``: one file, or a batch of them, loaded, cut into passages and analysed into a block.
- ``words``: the spellings a process has met (``Spellings``), the word counts summed over a build, and the
  chat's surface words, updated from the files that changed.
- ``workers``: the files to read cut into batches, run in worker processes (or in this one).
- ``previous``: the previous build, whose unchanged files and segments an update keeps.
- ``assemble``: blocks joined into one segment, its postings placed by a counting sort.
- ``merging``: the new build's segments, kept, merged or new, and where each file's articles are in them.
"""
