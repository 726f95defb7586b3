# `cmake --install` lays mapguard out as a Debian package would, and CPack
# builds that package: `cmake --build build --target package` writes
# build/mapguard_<version>_<arch>.deb.
include(GNUInstallDirs)

install(TARGETS mapguard RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The drop-in clang-tidy link, installed as a link.
install(FILES ${CMAKE_RUNTIME_OUTPUT_DIRECTORY}/clang-tidy-mapguard
  DESTINATION ${CMAKE_INSTALL_BINDIR})
# The editors' language server, where this LLVM has clangd's libraries.
if(MAPGUARD_HAS_CLANGD)
  install(TARGETS mapguard-clangd RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
# A plugin is not a library others link against: it goes in a folder of
# mapguard's own, as Debian's policy has it.
install(TARGETS mapguard-plugin
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/mapguard)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/
  DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${CMAKE_SOURCE_DIR}/README.md
  DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/examples/
  DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
# What Debian's policy asks of every package: the copyright and license
# (machine-readable, DEP-5), and the changelog (changelog.gz: a native
# package), compressed without a name
# or a time stamp so that the package builds reproducibly.
install(FILES ${CMAKE_SOURCE_DIR}/cmake/debian/copyright
  DESTINATION ${CMAKE_INSTALL_DOCDIR})
set(MAPGUARD_CHANGELOG ${CMAKE_BINARY_DIR}/changelog.gz)
add_custom_command(OUTPUT ${MAPGUARD_CHANGELOG}
  COMMAND gzip -9nc ${CMAKE_SOURCE_DIR}/cmake/debian/changelog > ${MAPGUARD_CHANGELOG}
  DEPENDS ${CMAKE_SOURCE_DIR}/cmake/debian/changelog
  VERBATIM)
add_custom_target(mapguard-changelog ALL DEPENDS ${MAPGUARD_CHANGELOG})
install(FILES ${MAPGUARD_CHANGELOG} DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME mapguard)
set(CPACK_PACKAGE_VENDOR "mapguard")
set(CPACK_PACKAGE_CONTACT
  "mapguard developers <mapguard@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "Static checker for unsynchronised writes to shared C++ maps")
set(CPACK_PACKAGE_DESCRIPTION
  "mapguard finds writes to shared std::map/std::unordered_map objects that
are not protected by a held mutex, as clang-tidy checks. It ships a
clang-tidy driver with the checks built in, a plugin for
clang-tidy-${MAPGUARD_LLVM_VERSION} --load, and (built against LLVM 19 or
later) mapguard-clangd, a clangd with the checks built in for editors.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${MAPGUARD_HOMEPAGE_URL}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# The LLVM runtime packages (libllvmN, libclang-cppN) and the C++ runtime
# follow from the libraries the binaries link, as dpkg-shlibdeps finds them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The plugin is loaded by the clang-tidy of the same LLVM version.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "clang-tidy-${MAPGUARD_LLVM_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)
