#!/usr/bin/env bash
# Runs every test of the project: type-check, lint, unit and database tests
# (SQLite and PostgreSQL), the frontend build, and the browser tests.
# Ends with one line, the total over every runner: `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/bootstrap.sh

results=.test-results
rm -rf "$results" && mkdir -p "$results"
passed=0
failed=0
count() { passed=$((passed + $1)); failed=$((failed + $2)); }

# A step that is one check: it passes or fails as a whole.
check() {
  local name="$1"; shift
  echo "::: $name"
  local started=$SECONDS
  if "$@" > "$results/$name.log" 2>&1; then
    echo "    ok ($((SECONDS - started)) s)"; count 1 0
  else
    echo "    FAILED ($((SECONDS - started)) s); last lines of $results/$name.log:"
    tail -40 "$results/$name.log" | sed 's/^/    /'; count 0 1
  fi
}

# Database tests run on SQLite and on PostgreSQL (no Docker here). They fail,
# never skip, when PostgreSQL cannot be reached.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"

check install yarn install --immutable
check typecheck yarn tsc
check lint yarn backstage-cli repo lint
# Every library and plugin package builds with backstage-cli (without --all: the app is built below).
check package-builds yarn backstage-cli repo build

echo "::: unit and database tests (jest)"
started=$SECONDS
CI=true yarn backstage-cli repo test --json --outputFile="$PWD/$results/jest.json" > "$results/jest.log" 2>&1
jest_exit=$?
if [ -f "$results/jest.json" ]; then
  read -r jp jf < <(node -e 'const r=require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites)' "$PWD/$results/jest.json")
else
  jp=0; jf=1
fi
[ "$jest_exit" -ne 0 ] && [ "$jf" -eq 0 ] && jf=1
count "$jp" "$jf"
echo "    $jp passed, $jf failed ($((SECONDS - started)) s)"
[ "$jf" -ne 0 ] && grep -E "●|✕" "$results/jest.log" | head -40 | sed 's/^/    /'

check frontend-build yarn workspace app build

echo "::: browser tests (playwright-core, chromium)"
started=$SECONDS
node e2e/run.mjs --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$results/e2e.tap" > "$results/e2e.log" 2>&1
e2e_exit=$?
ep=$(grep -E '^# pass ' "$results/e2e.tap" 2>/dev/null | awk '{print $3}'); ep=${ep:-0}
ef=$(grep -E '^# fail ' "$results/e2e.tap" 2>/dev/null | awk '{print $3}'); ef=${ef:-0}
[ "$e2e_exit" -ne 0 ] && [ "$ef" -eq 0 ] && ef=1
count "$ep" "$ef"
echo "    $ep passed, $ef failed ($((SECONDS - started)) s); screenshots in e2e/screenshots/"
[ "$ef" -ne 0 ] && grep -vE "^\s*$" "$results/e2e.log" | grep -vE " info " | tail -40 | sed 's/^/    /'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
