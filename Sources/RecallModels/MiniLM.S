// Copies the all-MiniLM-L6-v2 transformer (minilm-l6-v1.bin, format in README.md) into the
// executable's read-only data, between the labels recall_minilm_start and recall_minilm_end (see
// RecallModels.c). Aligned to 64 bytes: the file aligns every tensor to 64 bytes from its start,
// so the encoder reads Float32 and int8 rows in place. The file is found through the target's
// header search path ".", set in Package.swift.
#if defined(__APPLE__)
    .section __TEXT,__const
    .globl _recall_minilm_start
    .globl _recall_minilm_end
    .p2align 6
_recall_minilm_start:
    .incbin "minilm-l6-v1.bin"
_recall_minilm_end:
#else
    .section .rodata
    .global recall_minilm_start
    .global recall_minilm_end
    .balign 64
recall_minilm_start:
    .incbin "minilm-l6-v1.bin"
recall_minilm_end:
    .section .note.GNU-stack,"",@progbits
#endif
