// The assignment's questions answered from the runs' curves (infer/AssignmentAnswers.h): the
// decoder picked, overfitting found where the validation curve rose after its best and only there,
// the loss and code comparisons paired by decoder.
#include "infer/AssignmentAnswers.h"

#include <gtest/gtest.h>

namespace learn2add::infer {
namespace {

AutoencoderReport autoencoder(const std::string& decoder, const std::string& loss, int code,
                              std::vector<double> validation, double secondsPerEpoch) {
    AutoencoderReport run;
    run.folder = "runs/ae-" + decoder + "-" + loss + "-code" + std::to_string(code);
    run.decoder = decoder;
    run.loss = loss;
    run.codeSize = code;
    const auto best = std::min_element(validation.begin(), validation.end());
    run.bestEpoch = static_cast<int>(best - validation.begin()) + 1;
    run.bestValidationRmse = *best;
    for (std::size_t i = 0; i < validation.size(); ++i) {
        run.metrics["epoch"].push_back(static_cast<double>(i + 1));
        run.metrics["seconds"].push_back(secondsPerEpoch);
    }
    run.metrics["validation_rmse"] = std::move(validation);
    return run;
}

const Answer* answerTo(const std::vector<Answer>& answers, const std::string& start) {
    for (const Answer& answer : answers) {
        if (answer.question.rfind(start, 0) == 0) return &answer;
    }
    return nullptr;
}

TEST(AssignmentAnswers, NoRunsNoAnswers) {
    EXPECT_TRUE(assignmentAnswers(ReportContents()).empty());
}

TEST(AssignmentAnswers, ThePartTwoAnswersFollowTheCurves) {
    ReportContents contents;
    // mirror overfits (best at epoch 2, +10 % by the end); upsample is best and keeps falling.
    contents.autoencoders.push_back(autoencoder("mirror", "l2", 2, {0.20, 0.18, 0.19, 0.198}, 6.0));
    contents.autoencoders.push_back(autoencoder("upsample", "l2", 2, {0.19, 0.17, 0.16, 0.15}, 8.0));
    contents.autoencoders.push_back(autoencoder("resize64", "l2", 2, {0.20, 0.17, 0.16, 0.155}, 20.0));
    contents.autoencoders.push_back(autoencoder("upsample", "bce", 2, {0.19, 0.16, 0.155, 0.14}, 8.0));
    contents.autoencoders.push_back(autoencoder("upsample", "l2", 7, {0.15, 0.12, 0.11, 0.10}, 8.0));
    const auto answers = assignmentAnswers(contents);

    const Answer* decoder = answerTo(answers, "II.4");
    ASSERT_NE(decoder, nullptr);
    EXPECT_EQ(decoder->answer.rfind("upsample reconstructs best: validation RMSE 0.1500 at its best epoch 4", 0), 0u)
        << decoder->answer;
    EXPECT_NE(decoder->answer.find("Stick with upsample"), std::string::npos) << decoder->answer;

    const Answer* overfitting = answerTo(answers, "II.5");
    ASSERT_NE(overfitting, nullptr);
    EXPECT_NE(overfitting->answer.find("Overfitting in 1 of 5 runs: mirror L2 code 2 (best epoch 2 of 4, +10.0 %"),
              std::string::npos)
        << overfitting->answer;
    EXPECT_NE(overfitting->answer.find("The best epoch is the last in 4 of 5 runs."), std::string::npos)
        << overfitting->answer;

    const Answer* bce = answerTo(answers, "II.6");
    ASSERT_NE(bce, nullptr);
    EXPECT_NE(bce->answer.find("upsample code 2: 0.1500 -> 0.1400"), std::string::npos) << bce->answer;
    EXPECT_NE(bce->answer.find("lower in 1 of 1"), std::string::npos) << bce->answer;

    const Answer* code = answerTo(answers, "II.7");
    ASSERT_NE(code, nullptr);
    EXPECT_NE(code->answer.find("upsample L2: 0.1500 -> 0.1000"), std::string::npos) << code->answer;
}

TEST(AssignmentAnswers, TheMirrorDecoderIsNotKeptForItsPoolingIndices) {
    ReportContents contents;
    contents.autoencoders.push_back(autoencoder("mirror", "l2", 2, {0.07}, 4.0));
    contents.autoencoders.push_back(autoencoder("upsample", "l2", 2, {0.20}, 6.0));
    contents.autoencoders.push_back(autoencoder("resize64", "l2", 2, {0.21}, 18.0));
    const auto answers = assignmentAnswers(contents);
    const Answer* decoder = answerTo(answers, "II.4");
    ASSERT_NE(decoder, nullptr);
    EXPECT_EQ(decoder->answer.rfind("mirror reconstructs best", 0), 0u) << decoder->answer;
    EXPECT_NE(decoder->answer.find("Stick with upsample, the best decoder that works from the code alone"),
              std::string::npos)
        << decoder->answer;
}

TEST(AssignmentAnswers, AMuchFasterDecoderWithinOnePercentIsTheOneToKeep) {
    ReportContents contents;
    contents.autoencoders.push_back(autoencoder("resize64", "l2", 2, {0.150}, 30.0));
    contents.autoencoders.push_back(autoencoder("upsample", "l2", 2, {0.151}, 8.0));
    const auto answers = assignmentAnswers(contents);
    const Answer* decoder = answerTo(answers, "II.4");
    ASSERT_NE(decoder, nullptr);
    EXPECT_EQ(decoder->answer.rfind("resize64 reconstructs best", 0), 0u) << decoder->answer;
    EXPECT_NE(decoder->answer.find("Stick with upsample: within 1 %"), std::string::npos) << decoder->answer;
}

TEST(AssignmentAnswers, AnAdditionRunsOverfittingIsReadOnItsEvaluationMetric) {
    ReportContents contents;
    AdditionReport run;
    run.folder = "runs/addition";
    run.recipe = "guided";
    run.metrics["validation_generation"] = {0.050, 0.045, 0.044, 0.047};
    run.metrics["validation_accuracy"] = {0.90, 0.94, 0.96, 0.95};
    contents.additions.push_back(run);
    const auto answers = assignmentAnswers(contents);
    const Answer* answer = answerTo(answers, "III.5");
    ASSERT_NE(answer, nullptr);
    EXPECT_NE(answer->answer.find("best epoch 3 of 4"), std::string::npos) << answer->answer;
    EXPECT_NE(answer->answer.find("+6.8 %, overfits"), std::string::npos) << answer->answer;
    EXPECT_NE(answer->answer.find("judged accuracy 96.0 %"), std::string::npos) << answer->answer;
}

}  // namespace
}  // namespace learn2add::infer
