// Conversions at their edges. IP recognition is checked against the C
// library's inet_pton as an independent oracle.
#include <catch2/catch.hpp>

#include <arpa/inet.h>

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <imperva_cef/convert/ip.hpp>
#include <imperva_cef/convert/number.hpp>
#include <imperva_cef/convert/timestamp.hpp>

using namespace imperva_cef::convert;

TEST_CASE("integers: optional minus and digits, within 64 bits", "[convert]") {
  CHECK(to_integer("0") == 0);
  CHECK(to_integer("-42") == -42);
  CHECK(to_integer("007") == 7);
  CHECK(to_integer("9223372036854775807") == std::numeric_limits<std::int64_t>::max());
  CHECK(to_integer("-9223372036854775808") == std::numeric_limits<std::int64_t>::min());
  for (const char* bad : {"", "-", "+1", "9223372036854775808", "-9223372036854775809", "1.0", "1e3",
                          " 1", "1 ", "0x10", "١"}) {
    INFO(bad);
    CHECK_FALSE(to_integer(bad).has_value());
  }
}

// std::from_chars as the oracle, on digit strings of every length up to 21
// with one byte swapped for a near-digit at every position (the eight-digit
// steps must reject each one).
TEST_CASE("integers agree with std::from_chars", "[convert]") {
  const auto oracle = [](const std::string& text) -> std::optional<std::int64_t> {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
  };
  std::mt19937_64 random(7);
  std::size_t checked = 0;
  for (int round = 0; round < 2000; ++round) {
    const std::size_t length = 1 + random() % 21;
    std::string text = random() % 3 == 0 ? "-" : "";
    for (std::size_t i = 0; i < length; ++i) text += static_cast<char>('0' + random() % 10);
    std::vector<std::string> variants = {text};
    for (std::size_t at = 0; at < text.size(); ++at) {
      for (const char odd : {'/', ':', ' ', '\0', '\x80', 'a', '-'}) {
        std::string changed = text;
        changed[at] = odd;
        variants.push_back(changed);
      }
    }
    for (const std::string& variant : variants) {
      INFO(variant);
      CHECK(to_integer(variant) == oracle(variant));
      ++checked;
    }
  }
  CHECK(checked > 100000);
}

TEST_CASE("shortest integers are the texts to_chars writes back", "[convert]") {
  for (const char* text : {"0", "7", "-7", "443", "1700000000000", "-9223372036854775808", "00", "007",
                           "-0", "-07", "0443"}) {
    INFO(text);
    const auto value = to_integer(text);
    REQUIRE(value);
    CHECK(is_shortest_integer(text) == (std::to_string(*value) == text));
  }
}

TEST_CASE("decimal numbers: digits with an optional fraction", "[convert]") {
  CHECK(to_decimal("31.8969") == Approx(31.8969));
  CHECK(to_decimal("-180") == -180.0);
  CHECK(to_decimal("0.5") == 0.5);
  for (const char* bad : {"", "-", ".5", "5.", "1e3", "+1", "1.2.3", "nan", "inf", "1,5"}) {
    INFO(bad);
    CHECK_FALSE(to_decimal(bad).has_value());
  }
}

// Checks is_shortest_decimal against the definition: to_chars of the value
// the text reads as gives back the text.
TEST_CASE("shortest decimals are recognised only when to_chars writes them back", "[convert]") {
  const auto round_trips = [](const std::string& text) {
    const auto value = to_decimal(text);
    if (!value) return false;
    char out[64];
    const auto end = std::to_chars(out, out + sizeof out, *value).ptr;
    return std::string(out, end) == text;
  };
  std::mt19937_64 random(20261128);
  std::vector<std::string> texts = {"0", "-0", "7", "90", "180", "-180", "999", "0.5", "0.05", "0.005",
                                    "0.0005", "-0.0005", "1.50", "01.5", "1000", "1.", ".5", "1e5", "",
                                    "-", "48.8566", "123.456789012345", "123.4567890123456",
                                    "0.30000000000000004", "0.1", "0.2", "0.3", "0.0012345"};
  for (int i = 0; i < 200000; ++i) {
    std::string text = random() % 4 == 0 ? "-" : "";
    text += std::to_string(random() % (random() % 2 ? 10 : 1000));
    const int fraction_digits = static_cast<int>(random() % 16);
    if (fraction_digits > 0) text += '.';
    for (int d = 0; d < fraction_digits; ++d) {
      text += static_cast<char>('0' + (random() % 3 == 0 ? 0 : random() % 10));
    }
    texts.push_back(text);
  }
  std::size_t recognised = 0;
  for (const std::string& text : texts) {
    if (is_shortest_decimal(text)) {
      ++recognised;
      INFO(text);
      CHECK(round_trips(text));
    }
  }
  // Most plain lat/lon-like texts are recognised, so the fast path is used.
  CHECK(recognised > texts.size() / 3);
  CHECK_FALSE(is_shortest_decimal("0.0005"));
  CHECK_FALSE(is_shortest_decimal("1.50"));
  CHECK_FALSE(is_shortest_decimal("1000"));
  CHECK(is_shortest_decimal("48.8566"));
  CHECK(is_shortest_decimal("-0.005"));
}

TEST_CASE("booleans in any case", "[convert]") {
  CHECK(to_boolean("true") == true);
  CHECK(to_boolean("FALSE") == false);
  CHECK(to_boolean("True") == true);
  CHECK_FALSE(to_boolean("yes").has_value());
  CHECK_FALSE(to_boolean("1").has_value());
  CHECK_FALSE(to_boolean("truee").has_value());
}

namespace {
bool pton(int family, const std::string& text) {
  unsigned char buffer[16];
  return inet_pton(family, text.c_str(), buffer) == 1;
}
}  // namespace

TEST_CASE("IP addresses agree with inet_pton", "[convert][ip]") {
  const char* samples[] = {
      "1.2.3.4", "255.255.255.255", "0.0.0.0", "256.1.1.1", "01.2.3.4", "1.2.3", "1.2.3.4.5",
      "1..3.4", "1.2.3.4 ", "", ".", "1.2.3.-4", "::", "::1", "1::", "1:2:3:4:5:6:7:8",
      "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6::8", "1::2::3",
      ":1:2", "1:2:", "12345::", "::ffff:1.2.3.4", "::ffff:1.2.3.256", "1:2:3:4:5:6:1.2.3.4",
      "1:2:3:4:5:6:7:1.2.3.4", "fe80::1%eth0", "FE80::ABCD", "g::1", "::1.2.3.4", "1.2.3.4::",
      ":::", "1:::2", "2001:db8::5", "2001:0db8:0000:0000:0000:0000:0000:0005", "::ffff:01.2.3.4",
      "1:2:3:4:5:6:7", "0:0:0:0:0:0:0:0", "abcd:ef01:2345:6789:abcd:ef01:2345:6789"};
  for (const std::string text : samples) {
    INFO(text);
    CHECK(is_ipv4(text) == pton(AF_INET, text));
    CHECK(is_ipv6(text) == pton(AF_INET6, text));
  }
}

TEST_CASE("IP addresses: exhaustive short IPv4-like strings agree with inet_pton", "[convert][ip]") {
  const char alphabet[] = {'0', '1', '2', '5', '9', '.', ':', 'a'};
  std::string text;
  int checked = 0;
  for (int length = 1; length <= 5; ++length) {
    int combinations = 1;
    for (int i = 0; i < length; ++i) combinations *= 8;
    for (int n = 0; n < combinations; ++n) {
      text.clear();
      for (int i = 0, k = n; i < length; ++i, k /= 8) text.push_back(alphabet[k % 8]);
      INFO(text);
      REQUIRE(is_ipv6(text) == pton(AF_INET6, text));
      REQUIRE(is_ipv4(text) == pton(AF_INET, text));
      ++checked;
    }
  }
  CHECK(checked == 8 + 64 + 512 + 4096 + 32768);
}

TEST_CASE("IP addresses: every one-byte change of valid addresses agrees with inet_pton", "[convert][ip]") {
  const std::string alphabet = std::string("0123456789abcdefABCDEFgG.:% []/\xff");  // no NUL: inet_pton stops at one
  const char* seeds[] = {"1.2.3.4",         "255.255.255.255", "10.0.0.1",      "192.168.100.200", "::ffff:10.0.0.1",
                         "2001:db8::5",     "fe80::1",         "1:2:3:4:5:6:7:8", "::",             "1:2:3:4:5:6:1.2.3.4",
                         "0.0.0.0",         "99.250.249.9",    "abcd:ef01:2345:6789:abcd:ef01:2345:6789"};
  int checked = 0;
  const auto check = [&checked](const std::string& text) {
    INFO(text);
    REQUIRE(is_ipv4(text) == pton(AF_INET, text));
    REQUIRE(is_ipv6(text) == pton(AF_INET6, text));
    ++checked;
  };
  for (const std::string seed : seeds) {
    check(seed);
    for (std::size_t at = 0; at <= seed.size(); ++at) {
      if (at < seed.size()) check(seed.substr(0, at) + seed.substr(at + 1));  // deleted
      for (const char c : alphabet) {
        check(seed.substr(0, at) + c + seed.substr(at));  // inserted
        if (at < seed.size()) check(seed.substr(0, at) + c + seed.substr(at + 1));  // replaced
      }
    }
  }
  CHECK(checked > 10000);
}

// is_ipv4 checks 7 to 15 bytes with bit masks where SSE2 is there, octet by
// octet elsewhere. Random near-addresses (mostly four runs of one to three
// digits that sit on the 255 limit, joined by dots; some with three or five
// runs, empty or four-digit ones, or one byte changed) hit every octet shape.
TEST_CASE("IP addresses: random near-addresses agree with inet_pton, by masks and octet by octet",
          "[convert][ip]") {
  std::mt19937 random(20261205);
  const auto below = [&random](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
  const auto any_of = [&below](std::string_view bytes) { return bytes[below(bytes.size())]; };
  const std::string_view digits = "0125569", changes = "0159.:a";
  int valid = 0, invalid = 0;
  for (int n = 0; n < 200000; ++n) {
    std::string text;
    const std::size_t octets = below(8) > 0 ? 4 : 3 + 2 * below(2);
    for (std::size_t octet = 0; octet < octets; ++octet) {
      if (octet > 0) text.push_back('.');
      for (std::size_t length = below(8) > 0 ? 1 + below(3) : 4 * below(2); length > 0; --length) {
        text.push_back(any_of(digits));
      }
    }
    if (!text.empty() && below(4) == 0) text[below(text.size())] = any_of(changes);
    INFO(text);
    const bool expected = pton(AF_INET, text);
    REQUIRE(is_ipv4(text) == expected);
    REQUIRE(detail::is_ipv4_by_octets(text) == expected);
    (expected ? valid : invalid) += 1;
  }
  CHECK(valid > 20000);  // both outcomes well represented
  CHECK(invalid > 20000);
}

namespace {
std::string iso(std::int64_t ms, fraction digits = fraction::microseconds) {
  const auto text = format_epoch_ms(ms, digits);
  return text ? std::string(text->bytes, text->size) : std::string("none");
}
}  // namespace

TEST_CASE("epoch milliseconds to ISO 8601 UTC", "[convert][time]") {
  CHECK(iso(0) == "1970-01-01T00:00:00.000000Z");
  CHECK(iso(123456789) == "1970-01-02T10:17:36.789000Z");
  CHECK(iso(1649772598763) == "2022-04-12T14:09:58.763000Z");
  CHECK(iso(1649772598763, fraction::milliseconds) == "2022-04-12T14:09:58.763Z");
  CHECK(iso(-1) == "1969-12-31T23:59:59.999000Z");
  CHECK(iso(951782400000) == "2000-02-29T00:00:00.000000Z");   // leap day of a 400-year
  CHECK(iso(4107542400000) == "2100-03-01T00:00:00.000000Z");  // 2100 is no leap year
  CHECK(iso(earliest_epoch_ms) == "0001-01-01T00:00:00.000000Z");
  CHECK(iso(latest_epoch_ms) == "9999-12-31T23:59:59.999000Z");
  CHECK(iso(earliest_epoch_ms - 1) == "none");
  CHECK(iso(latest_epoch_ms + 1) == "none");
  CHECK(iso(std::numeric_limits<std::int64_t>::min()) == "none");
  CHECK(iso(std::numeric_limits<std::int64_t>::max()) == "none");
}

TEST_CASE("epoch milliseconds agree with gmtime over four centuries", "[convert][time]") {
  // Every 7919th hour from 1601 to 2400 (a prime stride hits every month and
  // hour of day), checked against the C library.
  for (std::int64_t hours = -3250000; hours < 3760000; hours += 7919) {
    const std::int64_t ms = hours * 3600000 + 123;
    const std::time_t seconds = static_cast<std::time_t>(hours * 3600);
    std::tm parts{};
    REQUIRE(gmtime_r(&seconds, &parts) != nullptr);
    char expected[96];
    std::snprintf(expected, sizeof expected, "%04d-%02d-%02dT%02d:%02d:%02d.123Z", parts.tm_year + 1900,
                  parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec);
    REQUIRE(iso(ms, fraction::milliseconds) == expected);
  }
}

TEST_CASE("a date memo carried from call to call keeps every date right", "[convert][time]") {
  // One memo for all: steps within a day, across midnight, and jumps back
  // and forth, as a stream of events would bring them; checked against gmtime.
  date_memo memo;
  std::mt19937_64 random(20261128);
  std::int64_t ms = 1728172800000 - 5000;  // just before midnight, 2024-10-06
  int checked = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::uint64_t dice = random() % 100;
    if (dice < 90) {
      ms += static_cast<std::int64_t>(random() % 20000);  // the next event, same day mostly
    } else if (dice < 97) {
      ms -= static_cast<std::int64_t>(random() % (3 * 86400000));  // late or out-of-order events
    } else {
      ms = static_cast<std::int64_t>(random() % 4102444800000);  // anywhere in 1970..2099
    }
    const auto text = format_epoch_ms(ms, fraction::milliseconds, memo);
    REQUIRE(text);
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm parts{};
    REQUIRE(gmtime_r(&seconds, &parts) != nullptr);
    char expected[96];
    std::snprintf(expected, sizeof expected, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900,
                  parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec,
                  static_cast<int>(ms % 1000));
    REQUIRE(std::string(text->bytes, text->size) == expected);
    ++checked;
  }
  CHECK(checked == 20000);
}
