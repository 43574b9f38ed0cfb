#!/usr/bin/env bash
# Create .venv with the project and its test dependencies, install the system packages the
# tests use, check the types (mypy) and run the whole test suite. Slow tests run too when
# OGI_SLOW=1 (CI sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'
# the types: mypy checks src/ogi with the settings in pyproject.toml ([tool.mypy])
.venv/bin/python -m mypy
if [ "${OGI_SLOW:-0}" = 1 ]; then
  # the whole suite, measured: line coverage of src/ogi in the tests and the Python processes they
  # start, held at the floor in pyproject.toml ([tool.coverage.report] fail_under)
  rm -f .coverage .coverage.*
  exec .venv/bin/python -m pytest -p no:cacheprovider --cov=ogi --cov-report=term "$@"
fi
exec .venv/bin/python -m pytest -p no:cacheprovider -m "not slow" "$@"
