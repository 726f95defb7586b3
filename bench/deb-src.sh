#!/usr/bin/env bash
# Adds a deb-src entry for Debian bookworm (once) so that `apt-get source`
# can fetch the benchmark projects and Clang's tests. Run as root.
set -euo pipefail
if [ ! -f /etc/apt/sources.list.d/mapguard-bench-src.sources ]; then
  cat >/etc/apt/sources.list.d/mapguard-bench-src.sources <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt-get update -qq
fi
