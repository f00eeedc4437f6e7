// Copies the durability head into the executable's read-only data, between the labels
// recall_durable_head_start and recall_durable_head_end (see RecallModels.c). The file is found
// through the target's header search path ".", set in Package.swift.
#if defined(__APPLE__)
    .section __TEXT,__const
    .globl _recall_durable_head_start
    .globl _recall_durable_head_end
    .p2align 4
_recall_durable_head_start:
    .incbin "durable-head-v2.bin"
_recall_durable_head_end:
#else
    .section .rodata
    .global recall_durable_head_start
    .global recall_durable_head_end
    .balign 16
recall_durable_head_start:
    .incbin "durable-head-v2.bin"
recall_durable_head_end:
    .section .note.GNU-stack,"",@progbits
#endif
