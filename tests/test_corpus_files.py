"""read_corpus_header: the header of a text, read no further than needed, with the refusals
of read_corpus_file (symbolic links, devices and pipes, size bound); and CorpusHeaders, the
same for many texts of one corpus (each folder opened once), with the same answers."""
from __future__ import annotations

import os

import pytest

from lineage.corpus.files import CorpusHeaders, read_corpus_header
from lineage.errors import CorpusError

TEXT = ("%lineage-corpus-text 1\nsymbol: A/80/L.41\ntitle: 大会\n\n"
        "@paragraph 1\n| text @ with an at sign\n\n@paragraph 2\n| more\n").encode()
HEADER = "%lineage-corpus-text 1\nsymbol: A/80/L.41\ntitle: 大会\n".encode()


def _many(folder, rel, **options):
    with CorpusHeaders(folder) as headers:
        headers.read("texts/a.txt")  # the folder is open before, as in a pass over a corpus
        return headers.read(rel, **options)


@pytest.fixture(params=["one", "many"])
def read_header(request):
    return read_corpus_header if request.param == "one" else _many


@pytest.fixture()
def corpus(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_bytes(TEXT)
    return tmp_path


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 54, 55, 56, 4096])
def test_the_header_ends_before_the_first_block_whatever_the_read_size(corpus, chunk, read_header):
    # "\n@" straddles two reads for some of these sizes (the header is 55 bytes, then "\n@")
    assert len(HEADER) == 55
    assert read_header(corpus, "texts/a.txt", chunk=chunk) == HEADER


def test_a_text_without_blocks_is_all_header(corpus, read_header):
    (corpus / "texts" / "b.txt").write_bytes(b"%lineage-corpus-text 1\nsymbol: A/1/L.1\n")
    assert read_header(corpus, "texts/b.txt", chunk=4) == b"%lineage-corpus-text 1\nsymbol: A/1/L.1\n"
    (corpus / "texts" / "empty.txt").write_bytes(b"")
    assert read_header(corpus, "texts/empty.txt") == b""


def test_refuses_what_read_corpus_file_refuses(corpus, tmp_path_factory, read_header):
    outside = tmp_path_factory.mktemp("outside") / "secret.txt"
    outside.write_bytes(b"secret\n@x")
    os.symlink(outside, corpus / "texts" / "link.txt")
    with pytest.raises(CorpusError, match="symbolic link"):
        read_header(corpus, "texts/link.txt")
    os.symlink(outside.parent, corpus / "linked")
    with pytest.raises(CorpusError, match="linked is a symbolic link"):
        read_header(corpus, "linked/secret.txt")
    os.mkfifo(corpus / "texts" / "fifo.txt")
    with pytest.raises(CorpusError, match="not a regular file"):
        read_header(corpus, "texts/fifo.txt")
    with pytest.raises(CorpusError, match="more than a corpus file may be"):
        read_header(corpus, "texts/a.txt", max_bytes=10)
    with pytest.raises(FileNotFoundError):
        read_header(corpus, "texts/none.txt")


def test_many_texts_in_nested_folders_and_paths_the_short_way_does_not_take(corpus):
    (corpus / "texts" / "zh").mkdir()
    (corpus / "texts" / "zh" / "c.txt").write_bytes(TEXT)
    with CorpusHeaders(corpus) as headers:
        for rel in ["texts/a.txt", "texts/zh/c.txt", "texts/./a.txt", "texts//a.txt", "texts/zh/../a.txt",
                    "texts/zh/c.txt"]:
            assert headers.read(rel) == HEADER
        with pytest.raises(FileNotFoundError):
            headers.read("texts/zh/none.txt")
        with pytest.raises(CorpusError, match="a folder"):
            headers.read("texts/zh")
