"""Generator of UN-layout PDF test fixtures (see ``docs/fixtures.md``).

Modules, one job each:

- ``textrun``: splits paragraph text into atoms (CJK characters, Latin words, footnote marks)
  and decides where a line may break so that an extractor can rebuild the text exactly;
- ``page``: drawing operations, fonts record, page geometry;
- ``layout``: line breaking, justification, pagination with footnotes, producing ``page`` ops;
- ``furniture`` and ``masthead``: running header/footer, barcode, logo; first-page heads;
- ``render``: draws those operations with reportlab (embedded TrueType subsets, non-embedded
  CID fonts, encryption);
- ``documents``: the Documents each fixture renders (real texts from the repository);
- ``broken``: the error fixtures (image-only, password, truncated, not a PDF, no pages,
  no Unicode map);
- ``long``: the long PDF of the extraction benchmark, generated into a temporary folder.

The command is ``python -m tools.make_pdf_fixtures``.
"""
