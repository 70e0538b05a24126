# SPDX-License-Identifier: MIT
# WHOHUNGUP_SANITIZE builds everything with ASan + UBSan; any finding aborts the test that hit it.
if(WHOHUNGUP_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
