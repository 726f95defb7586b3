#!/usr/bin/env bash
# Sets up, builds and runs mapguard on a Debian machine.
#
#   ./build.sh example   build, then check the bundled example (examples/)
#   ./build.sh test      build, then run the whole test suite
#   ./build.sh build     build only
#
# Run as root on a fresh machine and it installs the Debian packages it
# needs first. MAPGUARD_LLVM_VERSION picks the LLVM/Clang to build against
# (default 19); BUILD_DIR the build folder (default build);
# MAPGUARD_SANITIZE=ON builds with AddressSanitizer and UBSan.
set -euo pipefail

cd "$(dirname "$0")"
action=${1:-}
llvm=${MAPGUARD_LLVM_VERSION:-19}
build=${BUILD_DIR:-build}

usage() {
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}
case "$action" in
  example | test | build) ;;
  *) usage ;;
esac

packages=(cmake ninja-build g++ ccache dpkg-dev git pre-commit python3 python3-jsonschema python3-yaml
  libgtest-dev libgmock-dev
  "clang-$llvm" "libclang-$llvm-dev" "llvm-$llvm-dev" "clang-tidy-$llvm"
  "llvm-$llvm-tools")
# The tests of third-party lock and container vocabularies read their real
# headers; those of mapguard-clangd's editor recipes run the editors.
[ "$action" = test ] && packages+=(libboost-thread-dev libabsl-dev robin-map-dev libtbb-dev qtbase5-dev
  libpoco-dev mingw-w64-x86-64-dev neovim emacs-nox elpa-eglot)
case "${MAPGUARD_SANITIZE:-OFF}" in
  ON | on | 1) packages+=("libclang-rt-$llvm-dev") ;; # the sanitizer runtimes
esac

install_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" -ne 0 ]; then
    echo "build.sh: missing Debian packages: ${missing[*]}" >&2
    echo "Run as root, or: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "build.sh: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
  # libc++ for the tests against it, where it can be had: Debian's libc++
  # packages of different LLVM versions exclude each other.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-remove \
    --no-install-recommends "libc++-$llvm-dev" "libc++abi-$llvm-dev" \
    >/dev/null 2>&1 ||
    echo "build.sh: libc++ $llvm not installed; its tests will be skipped"
}

# ccache keys by the compiler's arguments, which hold the checkout's
# absolute paths: relative to it, clones in other folders share the cache.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1

configure_and_build() {
  if [ ! -f "$build/build.ninja" ] ||
    ! grep -q "^MAPGUARD_LLVM_VERSION:STRING=$llvm$" "$build/CMakeCache.txt"; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DMAPGUARD_LLVM_VERSION="$llvm" \
      -DMAPGUARD_SANITIZE="${MAPGUARD_SANITIZE:-OFF}"
  fi
  cmake --build "$build"
}

run_example() {
  echo
  echo "== mapguard on examples/daemon.cpp (the article's unsafe program)"
  "$build/bin/mapguard" examples/daemon.cpp -- -std=c++17
  echo
  echo "== mapguard on examples/daemon_fixed.cpp (the article's fix)"
  "$build/bin/mapguard" examples/daemon_fixed.cpp -- -std=c++17
}

run_tests() {
  local results="$build/test/results.xml" status=0
  rm -f "$results"
  cmake --build "$build" --target check-mapguard || status=$?
  # A plain closing line that any CI reads the same way.
  python3 - "$results" <<'PY'
import sys
import xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError):
    print("0 passed, 1 failed")
    sys.exit(0)
suites = [root] if root.tag == "testsuite" else root.iter("testsuite")
tests = failures = skipped = 0
for s in suites:
    tests += int(s.get("tests", 0))
    failures += int(s.get("failures", 0)) + int(s.get("errors", 0))
    skipped += int(s.get("skipped", 0))
print(f"{tests - failures - skipped} passed, {failures} failed, {skipped} skipped")
PY
  return $status
}

install_packages
configure_and_build
case "$action" in
  example) run_example ;;
  test) run_tests ;;
  build) ;;
esac
