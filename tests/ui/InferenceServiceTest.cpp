// Compiled with QT_NO_KEYWORDS (see tests.cmake): it reads the store of opened runs, whose header
// includes LibTorch.
// The Addition and Compare pages' inference clients on the app's one inference thread.
#include <gtest/gtest.h>
#include <QSignalSpy>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>

#include "addition/AdditionInference.h"
#include "addition/AdditionModelSnapshot.h"
#include "comparison/ComparisonInference.h"
#include "infer/InferenceThread.h"
#include "infer/OpenedRuns.h"
#include "ui/AdditionRunFixtures.h"
#include "ui/UiTestSupport.h"

namespace learn2add::ui {
namespace {

TEST(InferenceService, TheExplorerAndTheCompareViewShareOneThreadAndReadARunOnce) {
    const auto& runs = testing::tinyAdditionRuns();
    const std::shared_ptr<infer::InferenceThread> thread = infer::InferenceThread::shared();
    const int readsBefore = thread->runs().reads();
    AdditionInference explorer;
    ComparisonInference compare;
    QSignalSpy compareOpened(&compare, &ComparisonInference::runOpened);
    explorer.openAdditionRun(runs.addition);
    explorer.openJudgeRun(runs.judge);
    compare.openRun(0, runs.addition);
    compare.openJudgeRun(runs.judge);
    ASSERT_TRUE(testing::waitUntil(
        [&] { return explorer.hasModel() && explorer.hasJudge() && compareOpened.count() == 2; },
        10000));
    EXPECT_EQ(thread->runs().reads() - readsBefore, 2) << "the addition run and the judge, once each";
    EXPECT_EQ(infer::InferenceThread::shared().get(), thread.get());

    // Both answer with the shared models, the same image for the same input and addend.
    QSignalSpy outputs(&explorer, &AdditionInference::outputReady);
    QSignalSpy views(&compare, &ComparisonInference::viewReady);
    const auto data = testing::smallData();
    const AdditionInput input = AdditionInput::fromDigitSet(data->mnist.test, 0);
    explorer.requestOutput(input, 1.5);
    ComparisonViewRequest request;
    request.input = input;
    request.settings.addend = 1.5;
    compare.requestView(request);
    ASSERT_TRUE(testing::waitUntil([&] { return !outputs.isEmpty() && !views.isEmpty(); }, 10000));
    const auto output = outputs.last().at(0).value<OutputResult>();
    const auto view = views.last().at(0).value<ComparisonView>();
    ASSERT_EQ(view.rows.size(), 1u);
    EXPECT_EQ(output.image, view.rows[0].mean);
    EXPECT_EQ(output.read, view.rows[0].read);
}

TEST(InferenceService, AnOpenedRunAndATrainingsSnapshotPostedTogetherAreBothTaken) {
    const auto& runs = testing::tinyAdditionRuns();
    const std::shared_ptr<infer::InferenceThread> thread = infer::InferenceThread::shared();
    // Hold the inference thread, so that both requests wait in its queue together.
    std::mutex mutex;
    std::condition_variable changed;
    bool entered = false, open = false;
    const int holder = thread->addClient();
    thread->post(holder, "gate", infer::InferenceThread::Priority::Command, [&] {
        std::unique_lock lock(mutex);
        entered = true;
        changed.notify_all();
        changed.wait(lock, [&] { return open; });
        return false;
    });
    const auto release = [&] {
        {
            std::lock_guard lock(mutex);
            open = true;
        }
        changed.notify_all();
    };
    struct Releaser {
        std::function<void()> release;
        ~Releaser() { release(); }  // also when an assertion ends the test early
    } releaser{release};
    {
        std::unique_lock lock(mutex);
        ASSERT_TRUE(changed.wait_for(lock, std::chrono::seconds(60), [&] { return entered; }));
    }
    AdditionInference inference;
    QSignalSpy opened(&inference, &AdditionInference::additionRunOpened);
    QSignalSpy replaced(&inference, &AdditionInference::modelReplaced);
    inference.openAdditionRun(runs.addition);
    auto snapshot = std::make_shared<AdditionModelSnapshot>();
    snapshot->model = models::AdditionModel(models::AdditionModelOptions().codeSize(7));
    snapshot->description = QStringLiteral("training · epoch 1 of 1");
    inference.useModel(snapshot);
    release();
    ASSERT_TRUE(testing::waitUntil([&] { return opened.count() == 1 && replaced.count() == 1; }, 10000))
        << "opened " << opened.count() << ", replaced " << replaced.count();
    thread->forget(holder);
}

// The precision of the views (Settings > Precision of the views): every kind of job the two
// clients post runs under bf16 autocast without an error and delivers floats and images close to
// the FP32 ones; the judge's probabilities stay FP32 (they sum to 1).
TEST(InferenceService, InBf16EveryViewAnswersAndTheImagesStayCloseToFp32) {
    const auto& runs = testing::tinyComparisonRuns();
    const std::shared_ptr<infer::InferenceThread> thread = infer::InferenceThread::shared();
    struct RestoreFp32 {
        infer::InferenceThread& thread;
        ~RestoreFp32() { thread.setPrecision(Precision::Fp32); }
    } restore{*thread};
    AdditionInference explorer;
    ComparisonInference compare;
    QSignalSpy failures(&explorer, &AdditionInference::failed);
    QSignalSpy compareFailures(&compare, &ComparisonInference::failed);
    QSignalSpy compareOpened(&compare, &ComparisonInference::runOpened);
    explorer.openAdditionRun(runs.variational);
    explorer.openJudgeRun(runs.judge);
    compare.openRun(0, runs.addition);
    compare.openRun(1, runs.variational);
    compare.openRun(2, runs.generative);
    compare.openJudgeRun(runs.judge);
    ASSERT_TRUE(testing::waitUntil(
        [&] { return explorer.hasModel() && explorer.hasJudge() && compareOpened.count() == 4; },
        20000));
    const auto data = testing::tinyComparisonData();
    const AdditionInput three = AdditionInput::fromDigitSet(data->mnist.test, data->mnist.test.indicesOf(3).front());
    const AdditionInput five = AdditionInput::fromDigitSet(data->mnist.test, data->mnist.test.indicesOf(5).front());
    std::array<AdditionInput, kGridDigits> gridInputs;
    for (int d = 0; d < kGridDigits; ++d)
        gridInputs[static_cast<std::size_t>(d)] =
            AdditionInput::fromDigitSet(data->mnist.test, data->mnist.test.indicesOf(d).front());

    struct Answers {
        OutputResult output;
        GridPicture grid;
        ComparisonView view;
    };
    const auto answer = [&](Precision precision) {
        thread->setPrecision(precision);
        QSignalSpy outputs(&explorer, &AdditionInference::outputReady);
        QSignalSpy studies(&explorer, &AdditionInference::studyReady);
        QSignalSpy grids(&explorer, &AdditionInference::gridReady);
        QSignalSpy manifolds(&explorer, &AdditionInference::manifoldReady);
        QSignalSpy morphs(&explorer, &AdditionInference::morphReady);
        QSignalSpy features(&explorer, &AdditionInference::featureMapsReady);
        QSignalSpy probes(&explorer, &AdditionInference::probesReady);
        QSignalSpy views(&compare, &ComparisonInference::viewReady);
        QSignalSpy compareStudies(&compare, &ComparisonInference::studyReady);
        explorer.requestOutput(three, 1.5);
        StudyRequest study;
        study.input = three;
        study.settings.stripAddends = {1, 2, 1.5};
        explorer.requestStudy(study);
        explorer.requestGrid(gridInputs);
        ManifoldRequest manifold;
        manifold.validation = std::make_shared<const data::DigitSet>(data->mnist.validation);
        manifold.steps = 5;
        explorer.requestManifold(manifold);
        MorphRequest morph;
        morph.from = three;
        morph.to = five;
        explorer.requestMorph(morph);
        explorer.requestFeatureMaps(three, 1.0, QStringLiteral("3"));
        explorer.requestProbes(std::make_shared<const data::DigitSet>(data->mnist.test), 1);
        ComparisonViewRequest view;
        view.input = three;
        view.settings.addend = 1.5;
        compare.requestView(view);
        ComparisonStudyRequest compareStudy;
        compareStudy.input = three;
        compareStudy.settings.stripAddends = {1, 2};
        compareStudy.settings.transitionPoints = 11;
        compare.requestStudy(compareStudy);
        const bool all = testing::waitUntil(
            [&] {
                return !outputs.isEmpty() && !studies.isEmpty() && !grids.isEmpty() &&
                       !manifolds.isEmpty() && !morphs.isEmpty() && !features.isEmpty() &&
                       !probes.isEmpty() && !views.isEmpty() && !compareStudies.isEmpty();
            },
            60000);
        EXPECT_TRUE(all) << "in " << toString(precision) << ": outputs " << outputs.count() << ", studies "
                         << studies.count() << ", grids " << grids.count() << ", manifolds "
                         << manifolds.count() << ", morphs " << morphs.count() << ", features "
                         << features.count() << ", probes " << probes.count() << ", views "
                         << views.count() << ", compare studies " << compareStudies.count();
        // On the plane just fitted and between the morph's ends: a hover and a slider step.
        QSignalSpy planePoints(&explorer, &AdditionInference::planePointReady);
        QSignalSpy morphPoints(&explorer, &AdditionInference::morphPointReady);
        explorer.requestPlanePoint(QPointF(0.0, 0.0));
        explorer.requestMorphPoint(three, five, 0.5, infer::MorphPath::Spherical);
        EXPECT_TRUE(testing::waitUntil([&] { return !planePoints.isEmpty() && !morphPoints.isEmpty(); },
                                       20000))
            << "in " << toString(precision) << ": plane points " << planePoints.count()
            << ", morph points " << morphPoints.count();
        Answers answers;
        if (!outputs.isEmpty()) answers.output = outputs.last().at(0).value<OutputResult>();
        if (!grids.isEmpty()) answers.grid = grids.last().at(1).value<GridPicture>();
        if (!views.isEmpty()) answers.view = views.last().at(0).value<ComparisonView>();
        return answers;
    };
    // bf16 first: the inputs' codes kept from it must serve the FP32 pass too (as when a user
    // switches Settings > Precision of the views back to fp32).
    const Answers bf16 = answer(Precision::Bf16);
    const Answers fp32 = answer(Precision::Fp32);
    EXPECT_TRUE(failures.isEmpty()) << failures.value(0).value(0).toString().toStdString();
    EXPECT_TRUE(compareFailures.isEmpty()) << compareFailures.value(0).value(0).toString().toStdString();

    ASSERT_EQ(bf16.output.probabilities.size(), 10u);
    double sum = 0.0;
    for (float p : bf16.output.probabilities) sum += p;
    EXPECT_NEAR(sum, 1.0, 1e-5);
    ASSERT_EQ(bf16.view.rows.size(), 3u);
    // bfloat16 keeps 8 bits of mantissa: the pixels move by a few grey levels at most.
    const auto meanByteDifference = [](const QImage& a, const QImage& b) {
        EXPECT_EQ(a.size(), b.size());
        if (a.size() != b.size() || a.isNull()) return 255.0;
        const QImage ga = a.convertToFormat(QImage::Format_Grayscale8);
        const QImage gb = b.convertToFormat(QImage::Format_Grayscale8);
        double total = 0.0;
        for (int y = 0; y < ga.height(); ++y)
            for (int x = 0; x < ga.width(); ++x)
                total += std::abs(ga.constScanLine(y)[x] - gb.constScanLine(y)[x]);
        return total / (ga.width() * ga.height());
    };
    EXPECT_LT(meanByteDifference(bf16.output.image, fp32.output.image), 4.0);
    EXPECT_LT(meanByteDifference(bf16.grid.canvas, fp32.grid.canvas), 4.0);
    EXPECT_TRUE(bf16.grid.judged);
    EXPECT_LT(meanByteDifference(bf16.view.rows[0].mean, fp32.view.rows[0].mean), 4.0);
}

}  // namespace
}  // namespace learn2add::ui
