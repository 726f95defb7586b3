#!/usr/bin/env bash
# Fetches the benchmark projects' sources from Debian's source archive and
# writes a compilation database for each (configure only, no build).
#
#   bench/fetch.sh [WORK]      default WORK: bench/work
#
# Run as root: it adds a deb-src entry and installs what configuring needs.
set -euo pipefail
cd "$(dirname "$0")"
work=${1:-work}
mkdir -p "$work"
work=$(cd "$work" && pwd)

projects=(leveldb gflags spdlog protobuf google-glog log4cplus)

./deb-src.sh
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  dpkg-dev cmake ninja-build zlib1g-dev libfmt-dev libsnappy-dev >/dev/null

cd "$work"
for p in "${projects[@]}"; do
  if ! ls -d "$p"-*/ >/dev/null 2>&1; then
    apt-get source -qq --download-only "$p" >/dev/null
    dpkg-source -x --skip-patches "$p"_*.dsc >/dev/null 2>&1 ||
      dpkg-source -x "$p"_*.dsc >/dev/null
  fi
done

configure() { # name source-dir [cmake args...]
  local name=$1 src=$2
  shift 2
  [ -f "$work/$name-build/compile_commands.json" ] && return
  cmake -S "$src" -B "$work/$name-build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_C_COMPILER=clang-19 "$@" >"$work/$name-configure.log" 2>&1
}
configure leveldb "$(ls -d "$work"/leveldb-*/ | head -1)" -DLEVELDB_BUILD_TESTS=OFF \
  -DLEVELDB_BUILD_BENCHMARKS=OFF
configure gflags "$(ls -d "$work"/gflags-*/ | head -1)"
configure spdlog "$(ls -d "$work"/spdlog-*/ | head -1)" -DSPDLOG_FMT_EXTERNAL=ON \
  -DSPDLOG_BUILD_EXAMPLE=OFF -DSPDLOG_BUILD_TESTS=OFF
configure protobuf "$(ls -d "$work"/protobuf-*/ | head -1)/cmake" \
  -Dprotobuf_BUILD_TESTS=OFF
# Two projects built around singletons and member mutexes: glog's log
# destinations and sinks behind its own Mutex class, log4cplus's logger
# hierarchy, appenders and LogLog singleton behind thread::Mutex.
configure glog "$(ls -d "$work"/google-glog-*/ | head -1)" -DWITH_GTEST=OFF \
  -DBUILD_TESTING=OFF -DWITH_GFLAGS=OFF
configure log4cplus "$(ls -d "$work"/log4cplus-*/ | head -1)" \
  -DLOG4CPLUS_BUILD_TESTING=OFF -DBUILD_TESTING=OFF \
  -DLOG4CPLUS_BUILD_LOGGINGSERVER=OFF
# Headers that builds generate before compiling.
for name in leveldb gflags spdlog protobuf glog log4cplus; do
  ninja -C "$work/$name-build" -t targets all 2>/dev/null |
    grep -E '\.(h|hpp|inc): ' | cut -d: -f1 |
    xargs -r ninja -C "$work/$name-build" >/dev/null 2>&1 || true
done
for name in leveldb gflags spdlog protobuf glog log4cplus; do
  n=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" \
    "$work/$name-build/compile_commands.json")
  echo "$name: $n translation units in $work/$name-build/compile_commands.json"
done
