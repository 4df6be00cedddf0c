#!/usr/bin/env bash
# Finds a Chromium for the browser tests, installing one if needed; exports CHROMIUM_PATH when it is a system one.
# Sourced by scripts/test.sh and the benches. Never asks for a manual step.

find_chromium() {
  for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if path=$(find_chromium); then
  export CHROMIUM_PATH="$path"
elif command -v apt-get >/dev/null 2>&1; then
  # Debian: the distribution's Chromium (Playwright's own download cannot reach its CDN on closed networks).
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo -n"
  echo "Installation de Chromium (apt-get install chromium)…" >&2
  $SUDO apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >&2
  if path=$(find_chromium); then export CHROMIUM_PATH="$path"; fi
fi

if [ -z "${CHROMIUM_PATH:-}" ]; then
  # Elsewhere (macOS, other Linux): Playwright's own Chromium build.
  echo "Installation du Chromium de Playwright…" >&2
  npx playwright install chromium >&2 || { echo "Impossible de trouver ou d'installer Chromium." >&2; exit 1; }
fi
