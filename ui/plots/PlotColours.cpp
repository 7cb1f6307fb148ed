#include "plots/PlotColours.h"

#include <array>

namespace learn2add::ui {
namespace {

constexpr std::array<QRgb, 10> kTableau10 = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                             0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};

QColor cycled(int index) {
    const int n = static_cast<int>(kTableau10.size());
    return QColor::fromRgb(kTableau10[static_cast<std::size_t>(((index % n) + n) % n)]);
}

}  // namespace

QColor runColour(int index) {
    return cycled(index);
}

QColor digitColour(int digit) {
    return cycled(digit);
}

}  // namespace learn2add::ui
