// The transformer's and the vector scan's inner loops written for AVX2 and FMA, chosen at run
// time: the binary stays portable x86-64 and uses the wider units only where the CPU (and the
// operating system, which must save the 256-bit registers) has them. Elsewhere, and on other
// architectures, the portable Swift loops in RecallKernels run instead.
#pragma once

#include <stdbool.h>
#include <stdint.h>

/// Whether this CPU and operating system run the functions below (always false off x86-64).
bool recall_avx2_available(void);

/// One int8 fully connected layer over many tokens:
/// `y[t * outputs + o] = scales[o] * dot(weights[o], x[t]) + bias[o]` for every token
/// `t < tokens` and row `o` in `rowStart ..< rowEnd`. `inputs` is a multiple of 16; `bias` may be
/// NULL. Call only when `recall_avx2_available()`.
void recall_avx2_dense(const float *x, long tokens, long inputs, const int8_t *weights,
                       const float *scales, const float *bias, long outputs, long rowStart,
                       long rowEnd, float *y);

/// Σ a[i]·b[i] over `count` signed bytes. Call only when `recall_avx2_available()`.
int32_t recall_avx2_dot_i8(const int8_t *a, const int8_t *b, long count);
