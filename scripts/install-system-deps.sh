#!/usr/bin/env bash
# Installs LibreOffice Writer (headless) for the Word tests: converting .doc/.odt/.rtf inputs
# and opening the DOCX redline (tests/test_docx_reader.py, tests/test_docx_redline.py).
# Never fails the build: without LibreOffice those tests are skipped and say why.
set -u
if command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-system-deps: not root or no apt-get; the LibreOffice tests will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
{ apt-get update -q && apt-get install -y -q --no-install-recommends libreoffice-writer-nogui; } \
  >/tmp/lineage-install-system-deps.log 2>&1 \
  || echo "install-system-deps: apt-get failed (see /tmp/lineage-install-system-deps.log); the LibreOffice tests will be skipped" >&2
exit 0
