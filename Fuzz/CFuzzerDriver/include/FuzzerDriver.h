// libFuzzer's entry point for programs that keep their own main (SwiftPM renames `main`,
// so a target holding only LLVMFuzzerTestOneInput does not link).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
