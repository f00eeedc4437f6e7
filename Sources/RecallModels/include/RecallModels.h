// The embedding models compiled into the executable: each one is a file that an assembly source
// copies into a read-only section with `.incbin`, so nothing is loaded or downloaded at run time
// and the pages are mapped only when read. Swift cannot use an `extern` array of unknown size, so
// every model has two accessors: its first byte and its length.
#ifndef RECALL_MODELS_H
#define RECALL_MODELS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The first byte of the static embedding table (format: README.md beside StaticModel.S).
const uint8_t *recall_static_model_bytes(void);
/// The length in bytes of the static embedding table.
size_t recall_static_model_size(void);
/// The first byte of the all-MiniLM-L6-v2 transformer (format: README.md beside MiniLM.S).
const uint8_t *recall_minilm_bytes(void);
/// The length in bytes of the all-MiniLM-L6-v2 transformer.
size_t recall_minilm_size(void);
/// The first byte of the durability head, a logistic regression over a memory's vector (format: README.md).
const uint8_t *recall_durable_head_bytes(void);
/// The length in bytes of the durability head.
size_t recall_durable_head_size(void);

#ifdef __cplusplus
}
#endif

#endif
