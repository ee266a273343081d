#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu): it installs
# Node 20 and the kit's exact dependencies (npm ci, from package-lock.json), then builds the grader
# so that no submission pays for it.
set -euo pipefail
cd "$(dirname "$0")"

node_ok() {
  command -v node >/dev/null && node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a === 20 && b >= 19 || a > 20 ? 0 : 1)'
}

if ! node_ok; then
  apt-get update
  apt-get install -y --no-install-recommends ca-certificates curl gnupg
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
  apt-get install -y nodejs
fi
# Learners' code runs sealed by bubblewrap where the container allows user namespaces, and as a
# user of its own otherwise (the grader runs as root here).
apt-get update && apt-get install -y --no-install-recommends bubblewrap || echo "bubblewrap not installed: hosts will run as a user of their own"
node --version
npm ci --no-audit --no-fund
node grader/kit.mjs grade --help >/dev/null
chmod +x run_autograder
