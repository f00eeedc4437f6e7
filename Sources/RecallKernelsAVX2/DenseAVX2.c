// The int8 fully connected layer with 256-bit FMA. Same blocking as the portable Swift loop
// (DenseLayer.swift): two weight rows are widened to float in a buffer that stays in the L1
// cache, then run against four tokens at a time, so each weight is read from memory once per
// block of tokens; the wider registers and fused multiply-adds do eight lanes per instruction
// where SSE does four with a separate add.
#include "RecallKernelsAVX2.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include <stdlib.h>

#define AVX2 __attribute__((target("avx2,fma")))

/// Tokens per pass over the weights: their inputs (at most 32 × 1,536 floats) stay in L2.
enum { TOKEN_BLOCK = 32 };

AVX2 static inline float horizontal_sum(__m256 v) {
    __m128 low = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    __m128 high = _mm_movehl_ps(low, low);
    low = _mm_add_ps(low, high);
    high = _mm_movehdup_ps(low);
    return _mm_cvtss_f32(_mm_add_ss(low, high));
}

AVX2 static inline void widen(const int8_t *source, float *destination, long count) {
    for (long i = 0; i < count; i += 8) {
        __m128i bytes = _mm_loadl_epi64((const __m128i *)(source + i));
        _mm256_store_ps(destination + i, _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(bytes)));
    }
}

AVX2 void recall_avx2_dense(const float *x, long tokens, long inputs, const int8_t *weights,
                            const float *scales, const float *bias, long outputs, long rowStart,
                            long rowEnd, float *y) {
    if (rowStart >= rowEnd || tokens <= 0) return;
    float *rows = aligned_alloc(64, (size_t)(2 * inputs) * sizeof(float));
    if (rows == NULL) abort();
    float *first = rows, *second = rows + inputs;
    for (long start = 0; start < tokens; start += TOKEN_BLOCK) {
        long end = start + TOKEN_BLOCK < tokens ? start + TOKEN_BLOCK : tokens;
        for (long row = rowStart; row < rowEnd; row += 2) {
            // An odd last row runs against itself; only the first result is kept.
            int paired = row + 1 < rowEnd;
            widen(weights + row * inputs, first, inputs);
            if (paired) widen(weights + (row + 1) * inputs, second, inputs);
            const float *other = paired ? second : first;
            float scaleA = scales[row], biasA = bias ? bias[row] : 0;
            float scaleB = paired ? scales[row + 1] : 0, biasB = paired && bias ? bias[row + 1] : 0;
            long token = start;
            for (; token + 4 <= end; token += 4) {
                const float *x0 = x + token * inputs, *x1 = x0 + inputs, *x2 = x1 + inputs,
                            *x3 = x2 + inputs;
                __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
                __m256 b0 = a0, b1 = a0, b2 = a0, b3 = a0;
                for (long i = 0; i < inputs; i += 8) {
                    __m256 u = _mm256_load_ps(first + i), v = _mm256_load_ps(other + i);
                    __m256 p = _mm256_loadu_ps(x0 + i);
                    a0 = _mm256_fmadd_ps(u, p, a0);
                    b0 = _mm256_fmadd_ps(v, p, b0);
                    p = _mm256_loadu_ps(x1 + i);
                    a1 = _mm256_fmadd_ps(u, p, a1);
                    b1 = _mm256_fmadd_ps(v, p, b1);
                    p = _mm256_loadu_ps(x2 + i);
                    a2 = _mm256_fmadd_ps(u, p, a2);
                    b2 = _mm256_fmadd_ps(v, p, b2);
                    p = _mm256_loadu_ps(x3 + i);
                    a3 = _mm256_fmadd_ps(u, p, a3);
                    b3 = _mm256_fmadd_ps(v, p, b3);
                }
                float *out = y + token * outputs + row;
                out[0] = horizontal_sum(a0) * scaleA + biasA;
                out[outputs] = horizontal_sum(a1) * scaleA + biasA;
                out[2 * outputs] = horizontal_sum(a2) * scaleA + biasA;
                out[3 * outputs] = horizontal_sum(a3) * scaleA + biasA;
                if (paired) {
                    out[1] = horizontal_sum(b0) * scaleB + biasB;
                    out[outputs + 1] = horizontal_sum(b1) * scaleB + biasB;
                    out[2 * outputs + 1] = horizontal_sum(b2) * scaleB + biasB;
                    out[3 * outputs + 1] = horizontal_sum(b3) * scaleB + biasB;
                }
            }
            for (; token < end; token++) {
                const float *p = x + token * inputs;
                __m256 a = _mm256_setzero_ps(), b = a;
                for (long i = 0; i < inputs; i += 8) {
                    __m256 q = _mm256_loadu_ps(p + i);
                    a = _mm256_fmadd_ps(_mm256_load_ps(first + i), q, a);
                    b = _mm256_fmadd_ps(_mm256_load_ps(other + i), q, b);
                }
                float *out = y + token * outputs + row;
                out[0] = horizontal_sum(a) * scaleA + biasA;
                if (paired) out[1] = horizontal_sum(b) * scaleB + biasB;
            }
        }
    }
    free(rows);
}
#else
#include <stdlib.h>

// Never called: recall_avx2_available() is false off x86-64.
void recall_avx2_dense(const float *x, long tokens, long inputs, const int8_t *weights,
                       const float *scales, const float *bias, long outputs, long rowStart,
                       long rowEnd, float *y) {
    abort();
}
#endif
