#ifndef ALLERVERS_CLIBXML2_SHIM_H
#define ALLERVERS_CLIBXML2_SHIM_H

// Debian's libxml2 headers pull in the system ICU, which clashes with Foundation's copy on a
// clean debug build ('UErrorCode' has different definitions). AllerVers never asks libxml2 for
// ICU, so switch it off before any other libxml2 header is read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>

// xmlFree is a mutable global function pointer, which Swift 6 refuses to call.
static inline void allervers_xmlFree(void *pointer) { xmlFree(pointer); }

// The generic error handler is variadic, which Swift cannot express. Errors that matter also
// reach the structured handler; these keep the generic channel off stderr and restore it.
static void allervers_ignoreGenericError(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}
static inline void allervers_silenceGenericErrors(void) {
    xmlSetGenericErrorFunc(NULL, allervers_ignoreGenericError);
}
static inline void allervers_restoreGenericErrors(void) { xmlSetGenericErrorFunc(NULL, NULL); }

#endif
