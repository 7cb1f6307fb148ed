#include "addition/AdditionViewTypes.h"

#include <cstring>

#include "inference/InferenceImages.h"

namespace learn2add::ui {

AdditionInput AdditionInput::fromDigitSet(const data::DigitSet& set, std::size_t index) {
    const auto pixels = set.image(index);
    return {set.rows, set.cols, std::vector<std::uint8_t>(pixels.begin(), pixels.end()),
            set.labels.at(index)};
}

AdditionInput AdditionInput::fromImage(const QImage& image, int digit) {
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    AdditionInput input{grey.height(), grey.width(), {}, digit};
    input.pixels.resize(static_cast<std::size_t>(grey.width()) * grey.height());
    for (int r = 0; r < grey.height(); ++r) {
        std::memcpy(input.pixels.data() + static_cast<std::size_t>(r) * grey.width(),
                    grey.constScanLine(r), static_cast<std::size_t>(grey.width()));
    }
    return input;
}

QImage AdditionInput::toImage() const {
    return toQImage(greyImageOf(*this));
}

int GridPicture::judgedCells() const {
    int judgedCount = 0;
    for (int d = 0; d < kGridDigits; ++d) {
        for (int a = 0; d + a < kGridDigits; ++a) judgedCount += read[d][a] >= 0 ? 1 : 0;
    }
    return judgedCount;
}

void registerAdditionMetaTypes() {
    static const bool registered = [] {
        qRegisterMetaType<OutputResult>();
        qRegisterMetaType<StudyResult>();
        qRegisterMetaType<GridPicture>();
        qRegisterMetaType<ManifoldPicture>();
        qRegisterMetaType<PlanePoint>();
        qRegisterMetaType<MorphPicture>();
        qRegisterMetaType<MorphPoint>();
        qRegisterMetaType<FeatureMapPicture>();
        qRegisterMetaType<ProbesProgress>();
        qRegisterMetaType<ProbesPicture>();
        qRegisterMetaType<OpenedRunInfo>();
        qRegisterMetaType<AdditionBatchValues>();
        qRegisterMetaType<AdditionEpochValues>();
        qRegisterMetaType<AdditionTrainingOutcome>();
        return true;
    }();
    (void)registered;
}

}  // namespace learn2add::ui
