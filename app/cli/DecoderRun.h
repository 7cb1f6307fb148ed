#pragma once
// A run folder with an encoder and a decoder, of either family: an autoencoder run (Part II) or an
// addition run (Parts III and IV: its E and D, and P). The code manifold and the morph open runs
// this way.
//
//   DecoderRun run = openDecoderRun("runs/vae-addition");   // throws RunOpenError for a judge

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "models/AdditionModel.h"
#include "models/Autoencoder.h"

namespace learn2add::cli {

struct DecoderRun {
    models::Autoencoder autoencoder{nullptr};  // eval mode
    models::AdditionModel addition{nullptr};   // null for an autoencoder run
    nlohmann::json config;
    std::string name;  // e.g. "upsample autoencoder, code 2, epoch 10", "VAE + P (upsample, code 7, epoch 1)"
};

DecoderRun openDecoderRun(const std::filesystem::path& folder);

}  // namespace learn2add::cli
