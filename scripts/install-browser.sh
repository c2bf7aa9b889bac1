#!/usr/bin/env bash
# Installs Debian's Chromium (and CJK fonts, so screenshots show Chinese) for the browser test.
# Never fails the build: without a browser the browser test is skipped and says why.
set -u
if command -v chromium >/dev/null 2>&1 && command -v pdffonts >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'cjk'; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: not root or no apt-get; the browser test will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
{ apt-get update -q && apt-get install -y -q --no-install-recommends chromium fonts-noto-cjk fontconfig poppler-utils; } >/tmp/lineage-install-browser.log 2>&1 \
  || echo "install-browser: apt-get failed (see /tmp/lineage-install-browser.log); the browser test will be skipped" >&2
exit 0
