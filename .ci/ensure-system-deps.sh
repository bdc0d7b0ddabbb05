#!/usr/bin/env bash
# Installs the system packages the tests need when they are missing: Debian's Chromium (Playwright
# cannot download its own browser here) and PostgreSQL (server tests run against a real one).
# Idempotent; does nothing when both are present. Needs root (or sudo) on Debian/Ubuntu.
set -euo pipefail
need=()
if [ ! -x /usr/bin/chromium ] && [ -z "${PLAYWRIGHT_CHROMIUM:-}" ]; then need+=(chromium); fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ -z "${DATABASE_URL:-}" ]; then need+=(postgresql); fi
[ ${#need[@]} -eq 0 ] && exit 0
echo "Installing system packages: ${need[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
if ! command -v apt-get >/dev/null; then
  echo "Please install ${need[*]} with your package manager (or set PLAYWRIGHT_CHROMIUM / DATABASE_URL)." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${need[@]}"
