// Accessors for the files that the .S sources in this folder embed. Each .S file defines two
// labels, recall_NAME_start and recall_NAME_end, around its `.incbin`; one line below turns them
// into the pair of functions that the header declares.
#include "RecallModels.h"

#define RECALL_EMBEDDED_FILE(name, accessor)                                                   \
    extern const uint8_t recall_##name##_start[];                                              \
    extern const uint8_t recall_##name##_end[];                                                \
    const uint8_t *recall_##accessor##_bytes(void) { return recall_##name##_start; }           \
    size_t recall_##accessor##_size(void) {                                                    \
        return (size_t)(recall_##name##_end - recall_##name##_start);                          \
    }

RECALL_EMBEDDED_FILE(static_model, static_model)
RECALL_EMBEDDED_FILE(minilm, minilm)
RECALL_EMBEDDED_FILE(durable_head, durable_head)
