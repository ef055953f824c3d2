#!/usr/bin/env bash
# Runs every test project of the solution the way CI does and sums their results in one line.
# Test projects start the services they need (Azurite, MailDev) themselves, from infra/local.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ -f infra/local/package.json ] && [ ! -d infra/local/node_modules ]; then
  echo "Installing local services (npm ci in infra/local)…"
  (cd infra/local && npm ci --no-audit --no-fund --loglevel=error) || { echo "0 passed, 1 failed"; exit 1; }
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
dotnet restore Serverless.sln --nologo -v q || { echo "0 passed, 1 failed"; exit 1; }
dotnet build Serverless.sln --no-restore --nologo -v q -c Release || { echo "0 passed, 1 failed"; exit 1; }
dotnet test --solution Serverless.sln --no-build -c Release --report-xunit-trx --results-directory "$results" --ignore-exit-code 8 "$@"
status=$?

# Sum the counters of every TRX file: one per test project.
read -r passed failed skipped < <(python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    if c is None:
        continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    s += int(c.get("notExecuted", 0)) + int(c.get("inconclusive", 0))
print(p, f, s)
PY
)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
