# SPDX-License-Identifier: MIT
# Project warnings live in an INTERFACE target linked PRIVATE, so they apply to our own code only.
add_library(whohungup_warnings INTERFACE)
target_compile_options(whohungup_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  # Trailing members with default initializers may be left out of aggregate initialisation.
  -Wno-missing-field-initializers
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(WHOHUNGUP_WERROR)
  target_compile_options(whohungup_warnings INTERFACE -Werror)
endif()
