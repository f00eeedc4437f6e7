// Copies the static embedding table into the executable's read-only data, between the labels
// recall_static_model_start and recall_static_model_end (see RecallModels.c). The file is found
// through the target's header search path ".", set in Package.swift.
#if defined(__APPLE__)
    .section __TEXT,__const
    .globl _recall_static_model_start
    .globl _recall_static_model_end
    .p2align 4
_recall_static_model_start:
    .incbin "static-minilm-256-v1.bin"
_recall_static_model_end:
#else
    .section .rodata
    .global recall_static_model_start
    .global recall_static_model_end
    .balign 16
recall_static_model_start:
    .incbin "static-minilm-256-v1.bin"
recall_static_model_end:
    .section .note.GNU-stack,"",@progbits
#endif
