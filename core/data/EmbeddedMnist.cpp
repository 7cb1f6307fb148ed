#include "data/EmbeddedMnist.h"

// The assembler copies the files into read-only data at build time (.incbin). CMake passes the
// folder as LEARN2ADD_MNIST_DIR and makes this file depend on both files.
#ifndef LEARN2ADD_MNIST_DIR
#error "LEARN2ADD_MNIST_DIR must name the folder holding the embedded MNIST files"
#endif

#define LEARN2ADD_INCBIN(symbol, file)                                              \
    __asm__(".section .rodata\n"                                                 \
            ".global " #symbol "_begin\n"                                        \
            ".balign 16\n" #symbol "_begin:\n"                                   \
            ".incbin \"" LEARN2ADD_MNIST_DIR "/" file "\"\n"                     \
            ".global " #symbol "_end\n" #symbol "_end:\n"                        \
            ".previous\n");                                                      \
    extern "C" const std::uint8_t symbol##_begin[];                              \
    extern "C" const std::uint8_t symbol##_end[];

LEARN2ADD_INCBIN(learn2add_mnist_images, "embedded-images-idx3-ubyte.gz")
LEARN2ADD_INCBIN(learn2add_mnist_labels, "embedded-labels-idx1-ubyte.gz")

namespace learn2add::data {

std::span<const std::uint8_t> embeddedMnistImagesGz() {
    return {learn2add_mnist_images_begin, learn2add_mnist_images_end};
}

std::span<const std::uint8_t> embeddedMnistLabelsGz() {
    return {learn2add_mnist_labels_begin, learn2add_mnist_labels_end};
}

}  // namespace learn2add::data
