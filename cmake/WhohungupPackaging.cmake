# SPDX-License-Identifier: MIT
# Install layout (GNU dirs under CMAKE_INSTALL_PREFIX) and the Debian package CPack builds:
#   bin/whohungup
#   share/man/man1/whohungup.1.gz
#   share/bash-completion/completions/whohungup
#   share/zsh/vendor-completions/_whohungup
#   share/fish/vendor_completions.d/whohungup.fish
#   share/doc/whohungup/ (README and docs/*.md)
# `cpack -G DEB` in the build tree writes whohungup_<version>_<arch>.deb; its Depends line comes
# from dpkg-shlibdeps over the binary, so it names the libraries the binary really links.
include(GNUInstallDirs)

install(TARGETS whohungup RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The man page is kept in roff; Debian policy wants it compressed.
find_program(GZIP_EXECUTABLE gzip REQUIRED)
set(man_gz ${CMAKE_BINARY_DIR}/whohungup.1.gz)
add_custom_command(OUTPUT ${man_gz}
                   COMMAND ${GZIP_EXECUTABLE} -9 -n -c ${PROJECT_SOURCE_DIR}/docs/man/whohungup.1 > ${man_gz}
                   DEPENDS ${PROJECT_SOURCE_DIR}/docs/man/whohungup.1
                   COMMENT "Compressing the man page")
add_custom_target(whohungup_man ALL DEPENDS ${man_gz})
install(FILES ${man_gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(completions ${PROJECT_SOURCE_DIR}/contrib/completions)
install(FILES ${completions}/whohungup.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME whohungup)
install(FILES ${completions}/_whohungup DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${completions}/whohungup.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
file(GLOB doc_pages CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${doc_pages} DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_PACKAGE_NAME whohungup)
set(CPACK_PACKAGE_VENDOR "whohungup")
set(CPACK_PACKAGE_CONTACT "whohungup maintainers <whohungup@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "who ended each call: the agent, the customer or the system")
set(CPACK_PACKAGE_DESCRIPTION
    "whohungup reads Amazon Connect CCP agent logs and contact-centre call-history exports and says who ended each call, with the log lines that prove it.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY whohungup)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
include(CPack)
