#!/usr/bin/env bash
# Installs Debian's Chromium for the end-to-end tests when it is not there yet.
# Idempotent and quiet: does nothing when /usr/bin/chromium exists. playwright-core
# drives this system browser; it never downloads a browser build of its own.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

SUDO=''
if [ "$(id -u)" -ne 0 ]; then
  SUDO='sudo'
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null

if [ ! -x /usr/bin/chromium ]; then
  echo "ensure-chromium: /usr/bin/chromium is still missing after apt-get install" >&2
  exit 1
fi
