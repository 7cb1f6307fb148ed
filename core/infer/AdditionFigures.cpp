#include "infer/AdditionFigures.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include "common/PngFile.h"
#include "data/DataError.h"

namespace learn2add::infer {
namespace {

const cv::Scalar kBlack(0, 0, 0);
const cv::Scalar kRight(60, 170, 60);  // BGR
const cv::Scalar kWrong(50, 50, 220);

void text(cv::Mat& image, const std::string& s, cv::Point at, double scale, cv::Scalar colour = kBlack) {
    cv::putText(image, s, at, cv::FONT_HERSHEY_SIMPLEX, scale, colour, 1, cv::LINE_AA);
}

int textWidth(const std::string& s, double scale) {
    int baseline = 0;
    return cv::getTextSize(s, cv::FONT_HERSHEY_SIMPLEX, scale, 1, &baseline).width;
}

void write(const std::filesystem::path& path, const cv::Mat& figure) {
    writePngAtomically(path, figure);
}

}  // namespace

std::vector<std::uint8_t> imageBytes(const torch::Tensor& image32) {
    const torch::Tensor bytes =
        (image32.detach().reshape({32, 32}) * 255.0).round().clamp(0, 255).to(torch::kUInt8).contiguous();
    return {bytes.data_ptr<std::uint8_t>(), bytes.data_ptr<std::uint8_t>() + 1024};
}

void writeGridFigure(const std::filesystem::path& path, const AdditionGrid& grid,
                     const std::string& title, bool marks) {
    const int cell = grid.cellSize;
    const int side = cell * kDigits;
    if (grid.canvas.size() != static_cast<std::size_t>(side) * side) {
        throw data::DataError("the grid has no image to draw (" + std::to_string(grid.canvas.size()) +
                              " bytes)");
    }
    constexpr int kLeft = 56, kTop = 50, kBottom = 50, kRightMargin = 12;
    cv::Mat figure(kTop + side + kBottom, kLeft + side + kRightMargin, CV_8UC3,
                   cv::Scalar(255, 255, 255));
    cv::Mat canvas(side, side, CV_8UC1, const_cast<std::uint8_t*>(grid.canvas.data()));
    cv::Mat colour;
    cv::cvtColor(canvas, colour, cv::COLOR_GRAY2BGR);
    colour.copyTo(figure(cv::Rect(kLeft, kTop, side, side)));
    text(figure, title, {8, 20}, 0.5);
    for (int k = 0; k < kDigits; ++k) {
        const int centre = k * cell + cell / 2;
        const std::string label = std::to_string(k);
        text(figure, label, {kLeft + centre - 4, kTop + side + 16}, 0.45);
        text(figure, label, {kLeft - 16, kTop + centre + 5}, 0.45);
    }
    const std::string xLabel = "predicted numbers";
    text(figure, xLabel, {kLeft + side / 2 - textWidth(xLabel, 0.5) / 2, kTop + side + 40}, 0.5);
    cv::Mat yLabel(24, side, CV_8UC3, cv::Scalar(255, 255, 255));
    const std::string yText = "added values";
    text(yLabel, yText, {side / 2 - textWidth(yText, 0.5) / 2, 17}, 0.5);
    cv::Mat rotated;
    cv::rotate(yLabel, rotated, cv::ROTATE_90_COUNTERCLOCKWISE);
    rotated.copyTo(figure(cv::Rect(4, kTop, rotated.cols, rotated.rows)));
    if (marks) {
        for (int d = 0; d < kDigits; ++d) {
            for (int a = 0; d + a < kDigits; ++a) {
                const int read = grid.read[d][a];
                if (read < 0) continue;
                const cv::Scalar c = read == d + a ? kRight : kWrong;
                const cv::Rect box(kLeft + d * cell, kTop + a * cell, cell, cell);
                cv::rectangle(figure, box, c, 1);
                text(figure, std::to_string(read), {box.x + cell - 9, box.y + 11}, 0.32, c);
            }
        }
        const std::string summary =
            "judge: " + std::to_string(grid.correctCells()) + "/55 cells right";
        text(figure, summary, {8, 40}, 0.45);
    }
    write(path, figure);
}

void writeStripFigure(const std::filesystem::path& path, const std::vector<StripPanel>& panels,
                      const std::string& title) {
    constexpr int kScale = 3, kGap = 12, kTop = 52, kBottom = 28;
    const int cell = 32 * kScale;
    const int width = std::max<int>(kGap + static_cast<int>(panels.size()) * (cell + kGap),
                                    textWidth(title, 0.55) + 16);
    cv::Mat figure(kTop + cell + kBottom, width, CV_8UC3, cv::Scalar(255, 255, 255));
    text(figure, title, {8, 20}, 0.55);
    for (std::size_t k = 0; k < panels.size(); ++k) {
        const StripPanel& panel = panels[k];
        if (panel.image.size() != 32u * 32u) {
            throw data::DataError("strip panel '" + panel.caption + "' is not a 32x32 image");
        }
        const int x = kGap + static_cast<int>(k) * (cell + kGap);
        cv::Mat digit(32, 32, CV_8UC1, const_cast<std::uint8_t*>(panel.image.data()));
        cv::Mat big, colour;
        cv::resize(digit, big, {cell, cell}, 0, 0, cv::INTER_NEAREST);
        cv::cvtColor(big, colour, cv::COLOR_GRAY2BGR);
        colour.copyTo(figure(cv::Rect(x, kTop, cell, cell)));
        text(figure, panel.caption, {x + cell / 2 - textWidth(panel.caption, 0.5) / 2, kTop - 8}, 0.5);
        if (panel.read >= 0) {
            const std::string read = "judge: " + std::to_string(panel.read);
            text(figure, read, {x + cell / 2 - textWidth(read, 0.45) / 2, kTop + cell + 18}, 0.45);
        }
    }
    write(path, figure);
}

void writePanelTableFigure(const std::filesystem::path& path, const std::vector<PanelRow>& rows,
                           const std::string& title) {
    constexpr int kScale = 2, kGap = 8, kTop = 34, kRowCaption = 16, kRowFooter = 16;
    const int cell = 32 * kScale;
    int labelWidth = 0;
    std::size_t columns = 0;
    for (const PanelRow& row : rows) {
        labelWidth = std::max(labelWidth, textWidth(row.label, 0.45));
        columns = std::max(columns, row.panels.size());
    }
    const int left = labelWidth + 2 * kGap;
    const int rowHeight = kRowCaption + cell + kRowFooter;
    const int width = std::max<int>(left + static_cast<int>(columns) * (cell + kGap),
                                    textWidth(title, 0.55) + 16);
    cv::Mat figure(kTop + static_cast<int>(rows.size()) * rowHeight + kGap, width, CV_8UC3,
                   cv::Scalar(255, 255, 255));
    text(figure, title, {8, 20}, 0.55);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const int y = kTop + static_cast<int>(r) * rowHeight;
        text(figure, rows[r].label, {kGap, y + kRowCaption + cell / 2 + 5}, 0.45);
        for (std::size_t k = 0; k < rows[r].panels.size(); ++k) {
            const StripPanel& panel = rows[r].panels[k];
            if (panel.image.size() != 32u * 32u) {
                throw data::DataError("panel '" + panel.caption + "' is not a 32x32 image");
            }
            const int x = left + static_cast<int>(k) * (cell + kGap);
            cv::Mat digit(32, 32, CV_8UC1, const_cast<std::uint8_t*>(panel.image.data()));
            cv::Mat big, colour;
            cv::resize(digit, big, {cell, cell}, 0, 0, cv::INTER_NEAREST);
            cv::cvtColor(big, colour, cv::COLOR_GRAY2BGR);
            colour.copyTo(figure(cv::Rect(x, y + kRowCaption, cell, cell)));
            text(figure, panel.caption, {x + cell / 2 - textWidth(panel.caption, 0.4) / 2, y + 12},
                 0.4);
            if (panel.read >= 0) {
                const std::string read = "judge: " + std::to_string(panel.read);
                text(figure, read, {x + cell / 2 - textWidth(read, 0.38) / 2, y + kRowCaption + cell + 12},
                     0.38);
            }
        }
    }
    write(path, figure);
}

}  // namespace learn2add::infer
