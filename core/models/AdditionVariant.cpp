#include "models/AdditionVariant.h"

#include <stdexcept>

namespace learn2add::models {

std::string toString(AdditionVariant variant) {
    switch (variant) {
        case AdditionVariant::Autoencoder: return "addition";
        case AdditionVariant::Variational: return "vae-addition";
        case AdditionVariant::VariationalGenerativeAdder: return "vae-genp-addition";
    }
    return "addition";
}

AdditionVariant additionVariantFromString(const std::string& name) {
    for (AdditionVariant variant : kAllAdditionVariants) {
        if (toString(variant) == name) return variant;
    }
    throw std::invalid_argument("unknown addition model '" + name +
                                "'; use addition, vae-addition or vae-genp-addition");
}

std::string displayName(AdditionVariant variant) {
    switch (variant) {
        case AdditionVariant::Autoencoder: return "AE + P";
        case AdditionVariant::Variational: return "VAE + P";
        case AdditionVariant::VariationalGenerativeAdder: return "VAE + generative P";
    }
    return "AE + P";
}

}  // namespace learn2add::models
