#!/usr/bin/env bash
# Installs the Debian packages the scale-out cluster and its tests need (PostgreSQL, Redis, nginx),
# only those missing. Idempotent; quiet unless it installs something.
set -euo pipefail
need=()
[[ -x /usr/lib/postgresql/15/bin/initdb || -n $(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null) ]] || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || need+=(nginx-light)
if ((${#need[@]})); then
  echo "infra: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  # Keep the distribution's own services from starting: the cluster script runs its own.
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  $SUDO rm -f /usr/sbin/policy-rc.d
fi
