#include "FuzzerDriver.h"
#include <stdio.h>

// Built without -sanitize=fuzzer (as `swift build` builds every target), libFuzzer is not
// linked: this weak stand-in says so. With it, libFuzzer's own definition wins.
__attribute__((weak)) int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *, size_t)) {
    (void)argc;
    (void)argv;
    (void)callback;
    fputs("allervers-fuzz-course: built without libFuzzer; run `make fuzz`\n", stderr);
    return 2;
}
