#include "cli/DecoderRun.h"

#include "infer/AdditionRun.h"
#include "infer/AutoencoderRun.h"

namespace learn2add::cli {

DecoderRun openDecoderRun(const std::filesystem::path& folder) {
    const infer::RunKind kind = infer::readRunKind(folder);
    DecoderRun opened;
    if (kind.family == infer::RunFamily::Autoencoder) {
        infer::AutoencoderRun run = infer::openAutoencoderRun(folder);
        opened.autoencoder = run.model;
        opened.config = run.config;
        opened.name = models::toString(run.model->decoderKind()) + " autoencoder, code " +
                      std::to_string(run.model->codeSize()) + ", epoch " + std::to_string(run.checkpoint.epoch);
    } else if (kind.family == infer::RunFamily::Addition) {
        infer::AdditionRun run = infer::openAdditionRun(folder);
        opened.addition = run.model;
        opened.autoencoder = run.model->autoencoder();
        opened.config = run.config;
        opened.name = models::displayName(run.variant) + " (" + models::toString(opened.autoencoder->decoderKind()) +
                      ", code " + std::to_string(opened.autoencoder->codeSize()) + ", epoch " +
                      std::to_string(run.checkpoint.epoch) + ")";
    } else {
        throw infer::RunOpenError(folder.string() +
                                  " is a judge run: it has no decoder (give an autoencoder or addition run)");
    }
    return opened;
}

}  // namespace learn2add::cli
