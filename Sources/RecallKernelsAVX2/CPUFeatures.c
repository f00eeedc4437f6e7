// Run-time detection of AVX2 and FMA: the CPU must report both, and the operating system must
// have enabled saving the YMM registers (XCR0 bits 1 and 2), or the first instruction faults.
#include "RecallKernelsAVX2.h"

#if defined(__x86_64__)
#include <cpuid.h>

static bool detect(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return false;
    if (!(c & bit_AVX) || !(c & bit_FMA) || !(c & bit_OSXSAVE)) return false;
    unsigned low, high;
    __asm__("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    if ((low & 6) != 6) return false;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
    return (b & bit_AVX2) != 0;
}

bool recall_avx2_available(void) {
    // Computed once; a race between two first callers only computes the same answer twice.
    static int known = -1;
    int value = __atomic_load_n(&known, __ATOMIC_RELAXED);
    if (value < 0) {
        value = detect() ? 1 : 0;
        __atomic_store_n(&known, value, __ATOMIC_RELAXED);
    }
    return value == 1;
}
#else
bool recall_avx2_available(void) { return false; }
#endif
