#include "infer/AutoencoderRun.h"

#include <torch/torch.h>

#include "data/DigitTensors.h"
#include "track/RunFolder.h"
#include "track/TrackError.h"

namespace learn2add::infer {

AutoencoderRun openAutoencoderRun(const std::filesystem::path& folder) {
    AutoencoderRun run;
    run.folder = folder;
    try {
        run.config = track::RunFolder::open(folder).readConfig();
    } catch (const track::TrackError& e) {
        throw RunOpenError(e.what());
    }
    const std::string kind = run.config.value("kind", "");
    if (kind != "autoencoder") {
        throw RunOpenError(folder.string() + " is a run of kind '" + kind +
                           "'; an autoencoder run (learn2add-cli train autoencoder) is expected");
    }
    try {
        const auto decoder = models::decoderKindFromString(run.config.at("decoder").get<std::string>());
        const auto codeSize = run.config.at("code_size").get<std::int64_t>();
        train::requireCheckpointOf(folder / "best.pt",
                                   {"autoencoder", models::toString(decoder), codeSize});
        run.model = models::Autoencoder(models::AutoencoderOptions().decoder(decoder).codeSize(codeSize));
        run.checkpoint = train::loadCheckpoint(folder / "best.pt", *run.model,
                                               {"autoencoder", models::toString(decoder), codeSize});
    } catch (const train::CheckpointError& e) {
        throw RunOpenError(e.what());
    } catch (const std::exception& e) {
        throw RunOpenError(folder.string() + ": config.json does not describe an autoencoder (" + e.what() + ")");
    }
    requireATrainedEpoch(folder, run.checkpoint);
    run.model->eval();
    return run;
}

void requireATrainedEpoch(const std::filesystem::path& folder,
                          const train::CheckpointInfo& checkpoint) {
    if (checkpoint.epoch < 1) {
        throw RunOpenError(
            folder.string() +
            ": stopped before its first epoch ended (nothing trained); train it again");
    }
}

data::MnistData loadRunData(const nlohmann::json& config) {
    const auto& data = config.at("data");
    std::optional<std::filesystem::path> folder;
    if (data.contains("folder") && data["folder"].is_string()) folder = data["folder"].get<std::string>();
    return data::loadMnist(folder, data.value("split_seed", std::uint64_t{42}));
}

std::vector<float> encodeAll(models::Autoencoder& model, const data::DigitSet& set) {
    constexpr std::int64_t kBatch = 500;
    torch::NoGradGuard noGrad;
    const torch::Tensor images = data::imagesToTensor(set, static_cast<int>(model->imageSize()));
    std::vector<torch::Tensor> chunks;
    for (std::int64_t begin = 0; begin < images.size(0); begin += kBatch) {
        chunks.push_back(model->encode(images.slice(0, begin, begin + kBatch)));
    }
    const torch::Tensor codes = torch::cat(chunks).to(torch::kFloat32).contiguous();
    return {codes.data_ptr<float>(), codes.data_ptr<float>() + codes.numel()};
}

}  // namespace learn2add::infer
