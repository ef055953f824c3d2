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

# The console's browser tests drive Debian's Chromium and need a Chinese font; a fresh machine has neither.
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi wqy; then
  echo "Installing Chromium and fonts-wqy-zenhei (apt-get)…"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null \
    || echo "apt-get could not install chromium and fonts-wqy-zenhei; the browser tests will fail."
fi
if [ ! -d tests/SafetyCert.Console.Tests/node_modules ]; then
  echo "Installing Playwright (npm ci in tests/SafetyCert.Console.Tests)…"
  (cd tests/SafetyCert.Console.Tests && npm ci --no-audit --no-fund --loglevel=error) || { echo "0 passed, 1 failed"; exit 1; }
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
dotnet restore Serverless.sln --nologo -v q || { echo "0 passed, 1 failed"; exit 1; }
dotnet build Serverless.sln --no-restore --nologo -v q -c Release || { echo "0 passed, 1 failed"; exit 1; }
dotnet test --solution Serverless.sln --no-build -c Release --report-xunit-trx --results-directory "$results" --ignore-exit-code 8 "$@"
status=$?

# The console's browser tests: Playwright starts its own dev host (built above) and writes a JSON report.
console_report="$PWD/test-artifacts/console/results.json"
rm -f "$console_report"
(cd tests/SafetyCert.Console.Tests && SAFETYCERT_CONSOLE_NO_BUILD=1 npx playwright test)
console_status=$?
if [ "$console_status" -ne 0 ]; then status=$console_status; fi

# Sum the counters of every TRX file (one per test project) and of the Playwright report.
read -r passed failed skipped < <(python3 - "$results" "$console_report" <<'PY'
import sys, glob, json, os, xml.etree.ElementTree as ET
p = f = s = 0
if os.path.exists(sys.argv[2]):
    stats = json.load(open(sys.argv[2], encoding="utf-8")).get("stats", {})
    p += stats.get("expected", 0) + stats.get("flaky", 0); f += stats.get("unexpected", 0); s += stats.get("skipped", 0)
else:
    f += 1
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
