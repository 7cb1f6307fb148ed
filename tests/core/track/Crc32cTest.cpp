#include "track/Crc32c.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace learn2add::track {
namespace {

TEST(Crc32c, MatchesTheCheckValue) {
    EXPECT_EQ(crc32c("123456789"), 0xE3069283u);
}

TEST(Crc32c, MatchesIscsiVectors) {  // RFC 3720, appendix B.4
    EXPECT_EQ(crc32c(std::vector<std::uint8_t>(32, 0x00)), 0x8A9136AAu);
    EXPECT_EQ(crc32c(std::vector<std::uint8_t>(32, 0xFF)), 0x62A8AB43u);
    std::vector<std::uint8_t> ascending(32);
    for (std::size_t i = 0; i < ascending.size(); ++i) ascending[i] = static_cast<std::uint8_t>(i);
    EXPECT_EQ(crc32c(ascending), 0x46DD794Eu);
}

TEST(Crc32c, OfNothingIsZero) {
    EXPECT_EQ(crc32c(std::string_view()), 0u);
}

TEST(Crc32c, ExtendEqualsOnePass) {
    const std::string_view text = "123456789";
    const std::uint32_t first = crc32c(text.substr(0, 4));
    const std::string_view rest = text.substr(4);
    EXPECT_EQ(crc32cExtend(first, std::span(reinterpret_cast<const std::uint8_t*>(rest.data()),
                                            rest.size())),
              0xE3069283u);
}

TEST(Crc32c, MaskRotatesAndAdds) {
    EXPECT_EQ(maskCrc32c(0u), 0xA282EAD8u);
    EXPECT_EQ(maskCrc32c(0xFFFFFFFFu), 0xA282EAD7u);  // the addition wraps around
    EXPECT_EQ(maskCrc32c(0xE3069283u), 0xC78AB0E5u);
    static_assert(maskCrc32c(0u) == 0xA282EAD8u, "usable at compile time");
}

TEST(Crc32c, UnmaskUndoesMask) {
    for (std::uint32_t crc : {0u, 1u, 0x8000u, 0xE3069283u, 0x8A9136AAu, 0xFFFFFFFFu}) {
        EXPECT_EQ(unmaskCrc32c(maskCrc32c(crc)), crc);
    }
}

}  // namespace
}  // namespace learn2add::track
