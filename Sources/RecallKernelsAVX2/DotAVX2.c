// The int8 dot product of the vector scan with 256-bit integer units: bytes widened to 16 bits,
// multiplied and summed in pairs into 32-bit lanes by one instruction (vpmaddwd), where the
// portable loop needs separate widening, multiplying and adding at half the width.
#include "RecallKernelsAVX2.h"

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx2"))) int32_t recall_avx2_dot_i8(const int8_t *a, const int8_t *b,
                                                           long count) {
    // A pair of products is at most 2 · 128², which fits a 32-bit lane, as does the sum of
    // far more pairs than any vector holds.
    __m256i sum0 = _mm256_setzero_si256(), sum1 = sum0;
    long i = 0;
    for (; i + 32 <= count; i += 32) {
        __m256i x0 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(a + i)));
        __m256i y0 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(b + i)));
        __m256i x1 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(a + i + 16)));
        __m256i y1 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(b + i + 16)));
        sum0 = _mm256_add_epi32(sum0, _mm256_madd_epi16(x0, y0));
        sum1 = _mm256_add_epi32(sum1, _mm256_madd_epi16(x1, y1));
    }
    for (; i + 16 <= count; i += 16) {
        __m256i x = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(a + i)));
        __m256i y = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(b + i)));
        sum0 = _mm256_add_epi32(sum0, _mm256_madd_epi16(x, y));
    }
    __m256i sum = _mm256_add_epi32(sum0, sum1);
    __m128i half = _mm_add_epi32(_mm256_castsi256_si128(sum), _mm256_extracti128_si256(sum, 1));
    half = _mm_add_epi32(half, _mm_shuffle_epi32(half, 0x4E));
    half = _mm_add_epi32(half, _mm_shuffle_epi32(half, 0xB1));
    int32_t total = _mm_cvtsi128_si32(half);
    for (; i < count; i++) total += (int32_t)a[i] * (int32_t)b[i];
    return total;
}
#else
#include <stdlib.h>

// Never called: recall_avx2_available() is false off x86-64.
int32_t recall_avx2_dot_i8(const int8_t *a, const int8_t *b, long count) { abort(); }
#endif
