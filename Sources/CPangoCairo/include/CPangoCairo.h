// Pango and cairo for text laid out into PDF, libqrencode for QR codes (Debian:
// libpango1.0-dev, libcairo2-dev, libqrencode-dev), loaded with dlopen the first time a
// document or a QR code is drawn: a command that draws nothing does not map them, nor the
// three dozen libraries they pull in (X11, fontconfig, freetype, harfbuzz, glib…).
//
// Cairo's and libqrencode's declarations are their own headers'. Pango's headers need glib's
// include paths, which only pkg-config knows and which would link pango into every binary,
// so the few pango declarations used are written here; scripts/check-pango-abi.sh compiles
// them against pango's own headers (make test runs it).
#ifndef ALLERVERS_PANGO_CAIRO_H
#define ALLERVERS_PANGO_CAIRO_H

#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>
#include <qrencode.h>

#ifndef __PANGO_H__
typedef struct _PangoLayout PangoLayout;
typedef struct _PangoFontDescription PangoFontDescription;
typedef struct _PangoFontMap PangoFontMap;
typedef struct _PangoCairoFontMap PangoCairoFontMap;
typedef struct _PangoRectangle {
    int x;
    int y;
    int width;
    int height;
} PangoRectangle;
typedef int PangoWrapMode;
typedef int PangoEllipsizeMode;
typedef int PangoAlignment;
#endif

// Pango's units per point, and the values of its enumerations the documents use.
#define ALLERVERS_PANGO_SCALE 1024
enum {
    ALLERVERS_PANGO_WRAP_WORD_CHAR = 2,
    ALLERVERS_PANGO_ELLIPSIZE_NONE = 0,
    ALLERVERS_PANGO_ELLIPSIZE_END = 3,
    ALLERVERS_PANGO_ALIGN_LEFT = 0,
    ALLERVERS_PANGO_ALIGN_CENTER = 1,
    ALLERVERS_PANGO_ALIGN_RIGHT = 2,
};

#pragma clang assume_nonnull begin

// Every function the documents call, found in the loaded libraries.
typedef struct allervers_pdf_api {
#define ALLERVERS_FUNCTION(name) __typeof__(name) *name;
    ALLERVERS_FUNCTION(cairo_create)
    ALLERVERS_FUNCTION(cairo_destroy)
    ALLERVERS_FUNCTION(cairo_fill)
    ALLERVERS_FUNCTION(cairo_image_surface_create_from_png_stream)
    ALLERVERS_FUNCTION(cairo_image_surface_get_height)
    ALLERVERS_FUNCTION(cairo_image_surface_get_width)
    ALLERVERS_FUNCTION(cairo_line_to)
    ALLERVERS_FUNCTION(cairo_move_to)
    ALLERVERS_FUNCTION(cairo_paint)
    ALLERVERS_FUNCTION(cairo_pdf_surface_create_for_stream)
    ALLERVERS_FUNCTION(cairo_pdf_surface_set_metadata)
    ALLERVERS_FUNCTION(cairo_rectangle)
    ALLERVERS_FUNCTION(cairo_restore)
    ALLERVERS_FUNCTION(cairo_save)
    ALLERVERS_FUNCTION(cairo_scale)
    ALLERVERS_FUNCTION(cairo_set_line_width)
    ALLERVERS_FUNCTION(cairo_set_source_rgb)
    ALLERVERS_FUNCTION(cairo_set_source_surface)
    ALLERVERS_FUNCTION(cairo_show_page)
    ALLERVERS_FUNCTION(cairo_status_to_string)
    ALLERVERS_FUNCTION(cairo_stroke)
    ALLERVERS_FUNCTION(cairo_surface_destroy)
    ALLERVERS_FUNCTION(cairo_surface_finish)
    ALLERVERS_FUNCTION(cairo_surface_status)
    ALLERVERS_FUNCTION(cairo_translate)
    ALLERVERS_FUNCTION(QRcode_encodeString8bit)
    ALLERVERS_FUNCTION(QRcode_free)
#undef ALLERVERS_FUNCTION
    void (*g_object_unref)(void *object);
    PangoLayout *_Nullable (*_Nonnull pango_cairo_create_layout)(cairo_t *cr);
    PangoFontMap *_Nullable (*_Nonnull pango_cairo_font_map_get_default)(void);
    void (*pango_cairo_font_map_set_resolution)(PangoCairoFontMap *fontmap, double dpi);
    void (*pango_cairo_show_layout)(cairo_t *cr, PangoLayout *layout);
    PangoFontDescription *_Nullable (*_Nonnull pango_font_description_from_string)(const char *str);
    void (*pango_font_description_free)(PangoFontDescription *desc);
    void (*pango_layout_get_extents)(
        PangoLayout *layout, PangoRectangle *_Nullable ink_rect, PangoRectangle *_Nullable logical_rect);
    void (*pango_layout_set_alignment)(PangoLayout *layout, PangoAlignment alignment);
    void (*pango_layout_set_ellipsize)(PangoLayout *layout, PangoEllipsizeMode ellipsize);
    void (*pango_layout_set_font_description)(PangoLayout *layout, const PangoFontDescription *_Nullable desc);
    void (*pango_layout_set_height)(PangoLayout *layout, int height);
    void (*pango_layout_set_text)(PangoLayout *layout, const char *text, int length);
    void (*pango_layout_set_width)(PangoLayout *layout, int width);
    void (*pango_layout_set_wrap)(PangoLayout *layout, PangoWrapMode wrap);
} allervers_pdf_api;

/// The libraries' functions, loaded once (thread-safe); NULL with `*failure` set to dlerror's
/// sentence when a library or a function is missing.
const allervers_pdf_api *_Nullable allervers_pdf_load(const char *_Nullable *_Nonnull failure);

#pragma clang assume_nonnull end

#endif
