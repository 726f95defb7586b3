# lit configuration for mapguard's tests.
import glob
import os
import shutil
import sys

import lit.formats

config.name = "mapguard"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "README.md", "lit.local.cfg", "sarif"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.mapguard_obj_root, "test")

# FileCheck, not and count from the LLVM the project is built against.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])

check = " ".join([
    sys.executable,
    os.path.join(config.test_source_root, "check_mapguard.py"),
    "--binary=" + config.mapguard_binary,
    "--plugin=" + config.mapguard_plugin,
    "--clang-tidy=" + config.clang_tidy,
    "--filecheck=" + os.path.join(config.llvm_tools_dir, "FileCheck"),
    "--fake-std=" + os.path.join(config.test_source_root, "Inputs", "fake-std"),
    "--products=" + config.mapguard_products,
])

# Third-party lock and container libraries, each tested against its real
# headers where the Debian package is installed (build.sh installs them for
# the tests); a case whose package is missing is reported as unsupported,
# and named here.
third_party = [
    ("boost-thread", "libboost-thread-dev", "/usr/include/boost/thread/locks.hpp"),
    ("poco", "libpoco-dev", "/usr/include/Poco/Mutex.h"),
    ("mingw", "mingw-w64-x86-64-dev", "/usr/share/mingw-w64/include/windows.h"),
    ("boost-containers", "libboost-dev", "/usr/include/boost/container/flat_map.hpp"),
    ("abseil", "libabsl-dev", "/usr/include/absl/container/flat_hash_map.h"),
    ("robin-map", "robin-map-dev", "/usr/include/tsl/robin_map.h"),
    ("qt5", "qtbase5-dev", "/usr/include/x86_64-linux-gnu/qt5/QtCore/QHash"),
    ("tbb", "libtbb-dev", "/usr/include/tbb/concurrent_hash_map.h"),
]
for feature, package, header in third_party:
    if os.path.exists(header):
        config.available_features.add(feature)
    else:
        lit_config.note(f"{package} is not installed: the {feature} "
                        "cases are skipped")
config.substitutions.append(
    ("%qt5_flags", "-isystem /usr/include/x86_64-linux-gnu/qt5"))
# Windows' headers, for the x86_64-w64-mingw32 target.
config.substitutions.append(
    ("%mingw_flags", "--target=x86_64-w64-mingw32 "
     "-isystem /usr/share/mingw-w64/include"))
# LLVM's own containers, from the headers mapguard is built with.
config.substitutions.append(
    ("%llvm_include",
     os.path.normpath(os.path.join(config.llvm_tools_dir, "..", "include"))))

# libc++'s headers, where Debian's libc++-N-dev put them; std::jthread from
# libc++ 18 (behind -fexperimental-library), not in LLVM 14's.
libcxx_headers = os.path.join(config.llvm_tools_dir, "..", "include", "c++", "v1")
if os.path.isdir(libcxx_headers):
    config.available_features.add("libcxx")
    if os.path.exists(os.path.join(libcxx_headers, "__thread", "jthread.h")):
        config.available_features.add("libcxx-jthread")

# clang-tidy 22 shows a header's report that has a note in the main file,
# whatever HeaderFilterRegex says; 19 shows only the headers it names.
import re
llvm_major = re.search(r"llvm-(\d+)", config.llvm_tools_dir)
if llvm_major and int(llvm_major.group(1)) >= 22:
    config.available_features.add("tidy-shows-noted-headers")

# mapguard-clangd, built where the LLVM has clangd's libraries: every case
# runs through it too, and must have the executable's results.
if config.mapguard_clangd:
    config.available_features.add("clangd")
    config.substitutions.append(
        ("%{mapguard_clangd_dir}", os.path.dirname(config.mapguard_clangd)))
    # The editors whose recipes docs/clangd.md gives, where installed.
    if shutil.which("nvim"):
        config.available_features.add("neovim")
    if shutil.which("emacs") and (
            glob.glob("/usr/share/emacs/site-lisp/elpa/eglot-*") or
            glob.glob("/usr/share/emacs/*/lisp/progmodes/eglot.el*")):
        config.available_features.add("emacs-eglot")
    check += " --clangd=" + config.mapguard_clangd + " --differences=" + \
        os.path.join(os.path.dirname(config.test_source_root), "docs",
                     "clangd.md")
else:
    lit_config.note("mapguard-clangd is not built (CMake says why: an LLVM "
                    "without clangd's libraries, or a sanitizer build): its "
                    "cases are skipped")

if "plugin" in config.mapguard_products.split(","):
    config.available_features.add("plugin")
else:
    # A sanitizer build: LLVM's own allocations live until exit.
    config.environment["ASAN_OPTIONS"] = "detect_leaks=0"
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1"
config.substitutions.append(("%check_mapguard", check))
if config.mapguard_unittests:
    config.available_features.add("unittests")
    config.substitutions.append(
        ("%analysis_unittests", config.mapguard_unittests))
config.substitutions.append(("%python", sys.executable))
config.substitutions.append(("%{env_path}", config.environment["PATH"]))
config.substitutions.append(("%exit_status", sys.executable + " " + os.path.join(
    config.test_source_root, "exit-status.py")))
config.substitutions.append(("%validate_sarif", sys.executable + " " + os.path.join(
    config.test_source_root, "sarif", "validate.py")))
config.substitutions.append(
    ("%clangxx", os.path.join(config.llvm_tools_dir, "clang++")))
config.substitutions.append(("%clang_tidy_mapguard", os.path.join(
    os.path.dirname(config.mapguard_binary), "clang-tidy-mapguard")))
config.substitutions.append(("%mapguard_clangd", config.mapguard_clangd))
config.substitutions.append(("%mapguard", config.mapguard_binary))
config.substitutions.append(("%plugin", config.mapguard_plugin))
config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(
    ("%fake_std", os.path.join(config.test_source_root, "Inputs", "fake-std")))
config.substitutions.append(("%summarize_sarif", sys.executable + " " + os.path.join(
    config.test_source_root, "sarif", "summarize.py")))

# The integrations the user guide describes, tried for real where this
# machine has them.
import shutil
run_clang_tidy = os.path.join(config.llvm_tools_dir, "run-clang-tidy")
if os.path.exists(run_clang_tidy):
    config.available_features.add("run-clang-tidy")
    config.substitutions.append(("%run_clang_tidy", run_clang_tidy))
if shutil.which("cmake") and shutil.which("ninja"):
    config.available_features.add("cmake")
if shutil.which("pre-commit") and shutil.which("git"):
    config.available_features.add("pre-commit")
config.substitutions.append(
    ("%docs", os.path.join(os.path.dirname(config.test_source_root), "docs")))
config.substitutions.append(("%with_mapguard_on_path", "env PATH=" + os.pathsep.join(
    [os.path.dirname(config.mapguard_binary), config.environment["PATH"]])))
