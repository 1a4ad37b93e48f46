#!/bin/sh
# Installs Debian's Chromium for the headless-browser check of the HTML report
# (scorecard-train: dev.scorecard.train.report.html.HeadlessChromiumTest; skipped when absent).
# Idempotent: does nothing when /usr/bin/chromium exists. Uses sudo only when not root.
# Needs a reachable Debian/Ubuntu package mirror; exits non-zero with a message otherwise.
set -eu

if [ -x /usr/bin/chromium ]; then
    echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
    exit 0
fi

. "$(dirname "$0")/root.sh"
need_root "run as root: apt-get install -y chromium"
command -v apt-get >/dev/null 2>&1 || fail "apt-get not found; install the 'chromium' package with this system's package manager"

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update || fail "apt-get update failed (is a package mirror reachable?)"
$SUDO apt-get install -y --no-install-recommends chromium || fail "apt-get install chromium failed"
[ -x /usr/bin/chromium ] || fail "the chromium package installed but /usr/bin/chromium is missing"
/usr/bin/chromium --version || true
echo "chromium installed at /usr/bin/chromium"
