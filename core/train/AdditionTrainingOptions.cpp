#include "train/AdditionTrainingOptions.h"

#include <cmath>
#include <stdexcept>

#include "train/TrainingLimits.h"

namespace learn2add::train {

const char* toString(AdditionRecipe recipe) {
    return recipe == AdditionRecipe::Guided ? "guided" : "assignment";
}

AdditionRecipe additionRecipeFromString(const std::string& name) {
    if (name == "guided") return AdditionRecipe::Guided;
    if (name == "assignment") return AdditionRecipe::Assignment;
    throw std::invalid_argument("unknown recipe '" + name + "'; use guided or assignment");
}

const char* toString(CodeTarget target) {
    return target == CodeTarget::Prototype ? "prototype" : "sample";
}

CodeTarget codeTargetFromString(const std::string& name) {
    if (name == "prototype") return CodeTarget::Prototype;
    if (name == "sample") return CodeTarget::Sample;
    throw std::invalid_argument("unknown code target '" + name + "'; use prototype or sample");
}

void AdditionTrainingOptions::validate() const {
    const auto fail = [](const std::string& message) { throw std::invalid_argument(message); };
    const auto weight = [&](double w, const char* name) {
        if (!std::isfinite(w) || w < 0.0 || w > 1000.0) {
            fail(std::string(name) + " must be a number in [0, 1000], got " + std::to_string(w));
        }
    };
    if (codeSize() < 1 || codeSize() > 1024) {
        fail("code size must be between 1 and 1024, got " + std::to_string(codeSize()));
    }
    weight(reconstructionWeight(), "reconstruction weight");
    weight(codeWeight(), "code weight");
    weight(digitWeight(), "digit weight");
    weight(klWeight(), "KL weight");
    if (epochs() < 1 || epochs() > 100000) {
        fail("epochs must be between 1 and 100000, got " + std::to_string(epochs()));
    }
    if (batchSize() < 1 || batchSize() > kMaxBatchSize) {
        fail("batch size must be between 1 and " + std::to_string(kMaxBatchSize) + ", got " +
             std::to_string(batchSize()));
    }
    if (!std::isfinite(learningRate()) || learningRate() <= 0.0 || learningRate() > 10.0) {
        fail("learning rate must be a finite number in (0, 10], got " +
             std::to_string(learningRate()));
    }
    if (threads() < 1 || threads() > 256) {
        fail("threads must be between 1 and 256, got " + std::to_string(threads()));
    }
    if (maxBatchesPerEpoch() < 0) fail("max batches per epoch must be >= 0 (0 = all)");
    if (earlyStoppingPatience() < 0) fail("early-stopping patience must be >= 0 (0 = off)");
    if (autoencoderWarmupEpochs() < 0 || autoencoderWarmupEpochs() > 1000) {
        fail("autoencoder warm-up epochs must be between 0 and 1000");
    }
    if (adderWarmupPasses() < 0 || adderWarmupPasses() > 10000) {
        fail("adder warm-up passes must be between 0 and 10000");
    }
    data::checkEveryResultKeepsAPair(heldOut());
    if (!initRun().empty() && models::hasVariationalEncoder(variant())) {
        fail("an autoencoder run (--init) can start only the addition model; " +
             models::toString(variant()) + " has a variational encoder and starts from scratch");
    }
}

AdditionTrainingOptions recipeDefaults(models::AdditionVariant variant, AdditionRecipe recipe) {
    auto options = AdditionTrainingOptions().variant(variant).recipe(recipe);
    if (recipe == AdditionRecipe::Assignment) {
        return options.learningRateSchedule(LearningRateSchedule::Constant);
    }
    return options.klWeight(models::hasGenerativeAdder(variant) ? 3e-4 : 1e-3);
}

AdditionTrainingOptions withDigitLabelAids(AdditionTrainingOptions options) {
    return options.digitWeight(1.0).codeTarget(CodeTarget::Prototype);
}

AdditionTrainingOptions additionOptionsFromConfig(const nlohmann::json& config) {
    try {
        const auto path = [&](const char* key) {
            const nlohmann::json& value = config.at(key);
            return value.is_null() ? std::filesystem::path() : std::filesystem::path(value.get<std::string>());
        };
        return AdditionTrainingOptions()
            .variant(models::additionVariantFromString(config.at("kind").get<std::string>()))
            .decoder(models::decoderKindFromString(config.at("decoder").get<std::string>()))
            .codeSize(config.at("code_size").get<std::int64_t>())
            .recipe(additionRecipeFromString(config.at("recipe").get<std::string>()))
            .reconstructionWeight(config.at("reconstruction_weight").get<double>())
            .codeWeight(config.at("code_weight").get<double>())
            .digitWeight(config.at("digit_weight").get<double>())
            .codeTarget(codeTargetFromString(config.at("code_target").get<std::string>()))
            .klWeight(config.at("kl_weight").get<double>())
            .epochs(config.at("epochs").get<int>())
            .batchSize(config.at("batch_size").get<int>())
            .learningRate(config.at("learning_rate").get<double>())
            .learningRateSchedule(learningRateScheduleFromString(
                config.value("lr_schedule", toString(kScheduleOfUnrecordedRuns))))
            .seed(config.at("seed").get<std::uint64_t>())
            .threads(config.at("threads").get<int>())
            .precision(precisionOfRun(config))
            .maxBatchesPerEpoch(config.at("max_batches_per_epoch").get<int>())
            .earlyStoppingPatience(config.at("early_stopping_patience").get<int>())
            .autoencoderWarmupEpochs(config.at("autoencoder_warmup_epochs").get<int>())
            .adderWarmupPasses(config.at("adder_warmup_passes").get<int>())
            .initRun(path("init_run"))
            .judgeRun(path("judge_run"))
            .heldOut(data::parseHeldOutCells(config.value("held_out", "")));
    } catch (const nlohmann::json::exception& e) {
        throw std::invalid_argument(std::string("config.json does not describe an addition run's settings (") +
                                    e.what() + ")");
    }
}

}  // namespace learn2add::train
