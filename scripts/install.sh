#!/usr/bin/env bash
# Install everything clustergraph needs on a fresh Debian-based machine, idempotently:
# system packages for the browser tests and PNG rendering (Chromium, CJK fonts), a virtual
# environment in .venv with the package (editable) and its test/viz extras. The Oxigraph server
# comes from PyPI (package `oxigraph`), so no separate download is needed.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "install.sh: please install ${need_apt[*]} (e.g. sudo apt-get install ${need_apt[*]}); browser tests will be skipped without chromium" >&2
  fi
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test,viz]'
echo "install.sh: ready (.venv/bin/clustergraph)" >&2
