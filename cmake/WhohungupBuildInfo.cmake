# SPDX-License-Identifier: MIT
# What `whohungup --version` says about the build: the git commit the tree was configured at
# (with "-dirty" for local changes; WHOHUNGUP_BUILD_ID overrides it, e.g. for distribution
# builds from a tarball) and the build type.
if(NOT DEFINED WHOHUNGUP_BUILD_ID)
  find_package(Git QUIET)
  set(WHOHUNGUP_BUILD_ID "unknown")
  if(GIT_FOUND)
    execute_process(COMMAND ${GIT_EXECUTABLE} describe --always --dirty --abbrev=12
                    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                    OUTPUT_VARIABLE git_id OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE git_rc)
    if(git_rc EQUAL 0 AND git_id)
      set(WHOHUNGUP_BUILD_ID "${git_id}")
    endif()
  endif()
endif()
if(CMAKE_BUILD_TYPE)
  set(WHOHUNGUP_BUILD_TYPE "${CMAKE_BUILD_TYPE}")
else()
  set(WHOHUNGUP_BUILD_TYPE "default")
endif()
