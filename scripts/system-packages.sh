#!/usr/bin/env bash
# The Debian packages `make` needs besides what pip installs into .venv:
#   python3-venv   to create .venv
#   chromium       the browser the browser tests drive (/usr/bin/chromium)
#   poppler-utils  pdftotext, which reads the printed PDF in the tests
# Usage: scripts/system-packages.sh PACKAGE...
# Installs the missing ones when it can (root, with apt-get); otherwise
# prints one line saying what to install and exits 1, before anything runs.
set -euo pipefail

present() {
  case "$1" in
    python3-venv) "${PYTHON:-python3}" -c "import ensurepip, venv" >/dev/null 2>&1 ;;
    chromium) [ -x /usr/bin/chromium ] ;;
    poppler-utils) command -v pdftotext >/dev/null 2>&1 ;;
    *) echo "system-packages.sh: unknown package $1" >&2; exit 2 ;;
  esac
}

missing=()
for package in "$@"; do
  present "$package" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; then
    exit 0
  fi
fi
echo "error: missing ${missing[*]}; install with: sudo apt-get install ${missing[*]}" >&2
exit 1
