#!/usr/bin/env bash
# Compiles the pango declarations of Sources/CPangoCairo against pango's own headers: each
# function pointer must have the type of pango's function, each constant pango's value.
# Run by `make test`; fails with the compiler's line when one differs.
set -euo pipefail
cd "$(dirname "$0")/.."
# The toolchain's clang (the header uses clang's nullability), or CLANG.
clang=${CLANG:-$(command -v clang || echo "$(dirname "$(readlink -f "$(command -v swift)")")/clang")}
check=$(mktemp --suffix .c)
trap 'rm -f "$check"' EXIT
{
    echo '#include <pango/pangocairo.h>'
    echo '#include "CPangoCairo.h"'
    echo '#define SAME(name) _Static_assert(__builtin_types_compatible_p(__typeof__(&name), __typeof__(((allervers_pdf_api *)0)->name)), #name);'
    sed -n 's/^ *[A-Za-z].*(\*\(_Nonnull \)\{0,1\}\(g_object_unref\|pango_[a-z_]*\))(.*/SAME(\2)/p' Sources/CPangoCairo/include/CPangoCairo.h
    for constant in WRAP_WORD_CHAR ELLIPSIZE_NONE ELLIPSIZE_END ALIGN_LEFT ALIGN_CENTER ALIGN_RIGHT SCALE; do
        echo "_Static_assert(ALLERVERS_PANGO_$constant == PANGO_$constant, \"PANGO_$constant\");"
    done
    echo '_Static_assert(sizeof(PangoRectangle) == 4 * sizeof(int), "PangoRectangle");'
} >"$check"
# shellcheck disable=SC2046
"$clang" -fsyntax-only -Werror $(pkg-config --cflags pangocairo) -ISources/CPangoCairo/include "$check"
echo "pango declarations match pango $(pkg-config --modversion pango)'s headers ($(grep -c '^SAME' "$check") functions)"
