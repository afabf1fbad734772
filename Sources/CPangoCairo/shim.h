// Pango and cairo for text layout into PDF, libqrencode for the QR codes on certificates.
// Debian: libpango1.0-dev, libcairo2-dev, libqrencode-dev.
#include <pango/pangocairo.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <qrencode.h>

// g_free is a macro-free function, but g_object_unref takes a gpointer; keep the casts here.
static inline void allervers_g_object_unref(void *object) { g_object_unref(object); }
