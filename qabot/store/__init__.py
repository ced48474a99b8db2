"""The index on disk, in named stages; ``qabot.index`` opens it for reading (``Index``), ``qabot.build`` writes it.

- ``layout``: what an index folder holds (the format version, every array and file of a segment and of the
  data folder) and the checksums its files are recorded with.
- ``manifest``: reading and checking ``manifest.json``, the errors naming a damaged or unwritable index, and
  the locks that keep two builds (and a build and a first question) apart.
- ``terms``: a segment's terms as stored, sorted by their bytes, looked up by binary search (``Vocab``).
- ``words_file``: the chat's surface words and counts, packed into ``words.bin``.
- ``folders``: a segment or data folder of an open index: checked, held, its arrays mapped, its files read.
- ``writing``: a build's new segments and data folder written, checksummed and flushed, then the manifest
  swapped to them.
"""
