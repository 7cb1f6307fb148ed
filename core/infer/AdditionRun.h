#pragma once
// Opening the runs of Parts III and IV: an addition run of any variant (E, P, D from best.pt:
// addition, vae-addition, vae-genp-addition; see models/AdditionVariant.h) and a judge run.
//
//   AdditionRun run = openAdditionRun("runs/addition");   // throws RunOpenError
//   torch::Tensor sum = run.model->add(images, addends);
//   models::DigitJudge judge = openJudgeRun("runs/judge").judge;
//
// Thread-safety: the returned models are not shared with anyone; one thread at a time.

#include <filesystem>
#include <nlohmann/json.hpp>

#include "data/HeldOutCells.h"
#include "infer/AutoencoderRun.h"
#include "models/AdditionModel.h"
#include "models/DigitJudge.h"
#include "train/Checkpoint.h"

namespace learn2add::infer {

struct AdditionRun {
    std::filesystem::path folder;
    nlohmann::json config;
    train::CheckpointInfo checkpoint;
    models::AdditionVariant variant = models::AdditionVariant::Autoencoder;
    models::AdditionModel model{nullptr};  // eval mode, best.pt's weights
    data::HeldOutCells heldOut;            // the cells its training left out (none: empty)
};

// Throws RunOpenError for a missing folder, a run of another kind (saying what is expected) or a
// checkpoint that does not match the config.
AdditionRun openAdditionRun(const std::filesystem::path& folder);

struct JudgeRun {
    std::filesystem::path folder;
    nlohmann::json config;
    double testAccuracy = -1.0;  // as measured when it was trained; -1 when unknown
    models::DigitJudge judge{nullptr};  // eval mode
};

JudgeRun openJudgeRun(const std::filesystem::path& folder);

}  // namespace learn2add::infer
