#include "CPangoCairo.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static allervers_pdf_api api;
static char failure[512];
static int loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

// The names are the sonames of Debian's runtime packages (libpangocairo-1.0-0, libqrencode4);
// pangocairo's handle finds pango's, cairo's and gobject's functions among its dependencies.
static void load(void) {
    void *pangocairo = dlopen("libpangocairo-1.0.so.0", RTLD_NOW | RTLD_LOCAL);
    void *qrencode = pangocairo ? dlopen("libqrencode.so.4", RTLD_NOW | RTLD_LOCAL) : NULL;
    if (!pangocairo || !qrencode) {
        snprintf(failure, sizeof failure, "%s", dlerror());
        return;
    }
#define FIND(handle, name)                                                       \
    if (!(*(void **)&api.name = dlsym(handle, #name))) {                         \
        snprintf(failure, sizeof failure, "%s", dlerror());                      \
        return;                                                                  \
    }
    FIND(pangocairo, cairo_create)
    FIND(pangocairo, cairo_destroy)
    FIND(pangocairo, cairo_fill)
    FIND(pangocairo, cairo_image_surface_create_from_png_stream)
    FIND(pangocairo, cairo_image_surface_get_height)
    FIND(pangocairo, cairo_image_surface_get_width)
    FIND(pangocairo, cairo_line_to)
    FIND(pangocairo, cairo_move_to)
    FIND(pangocairo, cairo_paint)
    FIND(pangocairo, cairo_pdf_surface_create_for_stream)
    FIND(pangocairo, cairo_pdf_surface_set_metadata)
    FIND(pangocairo, cairo_rectangle)
    FIND(pangocairo, cairo_restore)
    FIND(pangocairo, cairo_save)
    FIND(pangocairo, cairo_scale)
    FIND(pangocairo, cairo_set_line_width)
    FIND(pangocairo, cairo_set_source_rgb)
    FIND(pangocairo, cairo_set_source_surface)
    FIND(pangocairo, cairo_show_page)
    FIND(pangocairo, cairo_status_to_string)
    FIND(pangocairo, cairo_stroke)
    FIND(pangocairo, cairo_surface_destroy)
    FIND(pangocairo, cairo_surface_finish)
    FIND(pangocairo, cairo_surface_status)
    FIND(pangocairo, cairo_translate)
    FIND(qrencode, QRcode_encodeString8bit)
    FIND(qrencode, QRcode_free)
    FIND(pangocairo, g_object_unref)
    FIND(pangocairo, pango_cairo_create_layout)
    FIND(pangocairo, pango_cairo_font_map_get_default)
    FIND(pangocairo, pango_cairo_font_map_set_resolution)
    FIND(pangocairo, pango_cairo_show_layout)
    FIND(pangocairo, pango_font_description_from_string)
    FIND(pangocairo, pango_font_description_free)
    FIND(pangocairo, pango_layout_get_extents)
    FIND(pangocairo, pango_layout_set_alignment)
    FIND(pangocairo, pango_layout_set_ellipsize)
    FIND(pangocairo, pango_layout_set_font_description)
    FIND(pangocairo, pango_layout_set_height)
    FIND(pangocairo, pango_layout_set_text)
    FIND(pangocairo, pango_layout_set_width)
    FIND(pangocairo, pango_layout_set_wrap)
#undef FIND
    loaded = 1;
}

const allervers_pdf_api *allervers_pdf_load(const char **reason) {
    pthread_once(&once, load);
    if (!loaded) {
        *reason = failure[0] ? failure : "no reason given";
        return NULL;
    }
    return &api;
}
