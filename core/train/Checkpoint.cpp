#include "train/Checkpoint.h"

#include <torch/torch.h>

#include <sstream>

#include "common/AtomicFile.h"
#include "models/WeightLayout.h"

namespace learn2add::train {
namespace {

constexpr const char* kFormat = "learn2add.checkpoint.v1";

std::string readString(torch::serialize::InputArchive& archive, const std::string& key,
                       const std::filesystem::path& path) {
    c10::IValue value;
    if (!archive.try_read(key, value) || !value.isString()) {
        throw CheckpointError(path.string() + ": not a Learn2Add checkpoint (no " + key + ")");
    }
    return value.toStringRef();
}

}  // namespace

std::string CheckpointInfo::describe() const {
    return kind + " (" + architecture + ", code " + std::to_string(codeSize) + ")";
}

void saveCheckpoint(const std::filesystem::path& path, const torch::nn::Module& module,
                    const CheckpointInfo& info, CheckpointPrecision precision,
                    const ResumeStateWriter& resumeState) {
    // Serialized in memory, then written and checked by the atomic writer: LibTorch's file writer
    // throws again from its destructor when the disk fills up, which ends the process.
    std::ostringstream bytes;
    try {
        // Stored in the default layout, whatever layout the weights train in
        // (models/WeightLayout.h; LibTorch keeps a tensor's strides in the file), until save_to()
        // below has written them: the archive holds the module's own tensors. Not through a
        // clone(): it initializes every layer anew from the global generator, which training
        // draws its noise from, so a save would change the rest of the run.
        const models::DefaultLayoutWhile defaultLayout(module.parameters());
        {
            torch::serialize::OutputArchive archive;
            archive.write("learn2add.format", c10::IValue(std::string(kFormat)));
            archive.write("learn2add.kind", c10::IValue(info.kind));
            archive.write("learn2add.architecture", c10::IValue(info.architecture));
            archive.write("learn2add.code_size", c10::IValue(info.codeSize));
            archive.write("learn2add.epoch", c10::IValue(info.epoch));
            archive.write("learn2add.validation_loss", c10::IValue(info.validationLoss));
            archive.write("learn2add.precision",
                          c10::IValue(std::string(precision == CheckpointPrecision::Half ? "half" : "float32")));
            torch::serialize::OutputArchive parameters;
            if (precision == CheckpointPrecision::Half) {
                std::shared_ptr<torch::nn::Module> half = module.clone();
                half->to(torch::kHalf);
                half->save(parameters);
            } else {
                module.save(parameters);
            }
            archive.write("model", parameters);
            if (resumeState) {
                torch::serialize::OutputArchive state;
                resumeState(state);
                archive.write("resume", state);
            }
            archive.save_to(bytes);
        }
    } catch (const c10::Error& e) {
        throw CheckpointError(path.string() + ": cannot serialize the checkpoint (" +
                              e.what_without_backtrace() + ")");
    }
    try {
        writeBytesAtomically(path, bytes.view());
    } catch (const FileWriteError& e) {
        throw CheckpointError(std::string("cannot save the checkpoint: ") + e.what());
    }
}

CheckpointInfo readCheckpointInfo(const std::filesystem::path& path) {
    if (!std::filesystem::is_regular_file(path)) {
        throw CheckpointError(path.string() + ": no such checkpoint file");
    }
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(path.string());
    } catch (const c10::Error&) {
        throw CheckpointError(path.string() + ": not a readable checkpoint (corrupt or truncated)");
    }
    if (readString(archive, "learn2add.format", path) != kFormat) {
        throw CheckpointError(path.string() + ": a checkpoint of an unknown format version");
    }
    CheckpointInfo info;
    info.kind = readString(archive, "learn2add.kind", path);
    info.architecture = readString(archive, "learn2add.architecture", path);
    c10::IValue value;
    if (archive.try_read("learn2add.code_size", value)) info.codeSize = value.toInt();
    if (archive.try_read("learn2add.epoch", value)) info.epoch = value.toInt();
    if (archive.try_read("learn2add.validation_loss", value)) info.validationLoss = value.toDouble();
    return info;
}

void readResumeState(const std::filesystem::path& path, const ResumeStateReader& read) {
    readCheckpointInfo(path);  // the file exists and is a Learn2Add checkpoint
    torch::serialize::InputArchive archive;
    archive.load_from(path.string());
    torch::serialize::InputArchive state;
    if (!archive.try_read("resume", state)) {
        throw CheckpointError(path.string() + ": holds no training state to resume from");
    }
    try {
        read(state);
    } catch (const c10::Error& e) {
        throw CheckpointError(path.string() + ": its training state does not fit this run (" +
                              std::string(e.what_without_backtrace()) + ")");
    }
}

CheckpointInfo requireCheckpointOf(const std::filesystem::path& path,
                                   const CheckpointInfo& expected) {
    const CheckpointInfo info = readCheckpointInfo(path);
    if (info.kind != expected.kind || info.architecture != expected.architecture ||
        info.codeSize != expected.codeSize) {
        throw CheckpointError(path.string() + " holds the weights of " + info.describe() +
                              ", but those of " + expected.describe() + " were expected");
    }
    return info;
}

CheckpointInfo loadCheckpoint(const std::filesystem::path& path, torch::nn::Module& module,
                              const CheckpointInfo& expected) {
    const CheckpointInfo info = requireCheckpointOf(path, expected);
    // Load into a copy first: a shape mismatch half-way must not leave the module half-loaded.
    torch::serialize::InputArchive archive;
    archive.load_from(path.string());
    torch::serialize::InputArchive parameters;
    if (!archive.try_read("model", parameters)) {
        throw CheckpointError(path.string() + ": the checkpoint holds no model parameters");
    }
    std::shared_ptr<torch::nn::Module> copy = module.clone();
    // LibTorch reads a stored tensor into a parameter by sharing its storage, whatever its type:
    // a half checkpoint must be read into half parameters, then converted when copied below.
    c10::IValue precision;
    if (archive.try_read("learn2add.precision", precision) && precision.isString() &&
        precision.toStringRef() == "half") {
        copy->to(torch::kHalf);
    }
    try {
        copy->load(parameters);
    } catch (const c10::Error& e) {
        throw CheckpointError(path.string() + ": its parameters do not fit this model (" +
                              std::string(e.what_without_backtrace()) + ")");
    }
    const auto source = copy->named_parameters(true);
    const auto sourceBuffers = copy->named_buffers(true);
    auto targets = module.named_parameters(true);
    auto targetBuffers = module.named_buffers(true);
    for (const auto* pair : {&targets, &targetBuffers}) {
        for (const auto& item : *pair) {
            const auto& stored_in = pair == &targets ? source : sourceBuffers;
            const auto* stored = stored_in.find(item.key());
            if (!stored || stored->sizes() != item.value().sizes()) {
                throw CheckpointError(path.string() + ": its parameter " + item.key() +
                                      " does not fit this model (another architecture or code size)");
            }
        }
    }
    torch::NoGradGuard noGrad;
    for (auto& parameter : targets) parameter.value().copy_(source[parameter.key()]);
    for (auto& buffer : targetBuffers) buffer.value().copy_(sourceBuffers[buffer.key()]);
    return info;
}

}  // namespace learn2add::train
