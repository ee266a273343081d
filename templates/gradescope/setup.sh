#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu): it installs
# Node 24 and only what grading needs (npm ci --omit=dev, exactly as package-lock.json says: a class
# run grades without type warnings, so neither TypeScript 6 nor the type packages are needed), then
# builds the grader, so that no submission pays for it.
set -euo pipefail
cd "$(dirname "$0")"

node_ok() {
  command -v node >/dev/null && node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 24 ? 0 : 1)'
}

if ! node_ok; then
  apt-get update
  apt-get install -y --no-install-recommends ca-certificates curl gnupg
  curl -fsSL https://deb.nodesource.com/setup_24.x | bash -
  apt-get install -y nodejs
fi
# Learners' code runs sealed by bubblewrap where the container allows user namespaces, and as a
# user of its own otherwise (the grader runs as root here).
apt-get update && apt-get install -y --no-install-recommends bubblewrap || echo "bubblewrap not installed: hosts will run as a user of their own"
node --version
npm ci --omit=dev --no-audit --no-fund
# The first command builds the grader into .kit-build/, readable by the hosts' own user.
node grader/kit.mjs grade --help >/dev/null
test -f .kit-build/stamp
chmod +x run_autograder
