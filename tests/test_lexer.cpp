// The CEF lexer on lines written from SPEC section 2.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <imperva_cef/cef/lexer.hpp>
#include <imperva_cef/cef/unescape.hpp>

#include "support/recording_handler.hpp"

using imperva_cef::errc;
using imperva_cef::cef::lex;

TEST_CASE("header fields are split on unescaped pipes", "[lexer]") {
  recording_handler h;
  const std::string line = R"(<30> Nov 28 12:00:00 host cwaf CEF:0|Incap\|sula|SIEM\\integration|1|1|Normal|0| a=b)";
  REQUIRE(lex(line, h).ok());
  CHECK(h.header.record_offset == line.find("CEF:"));
  CHECK(h.header.version == "0");
  CHECK(h.header.device_vendor == R"(Incap\|sula)");
  CHECK(h.header.device_product == R"(SIEM\\integration)");
  CHECK(h.header.device_version == "1");
  CHECK(h.header.signature_id == "1");
  CHECK(h.header.name == "Normal");
  CHECK(h.header.severity == "0");
  CHECK(h.header.has_escapes);
  CHECK(h.pairs == pair_list{{"a", "b"}});
}

TEST_CASE("header unescaping keeps unknown escapes", "[lexer]") {
  std::string out;
  imperva_cef::cef::append_unescaped_header(out, R"(a\|b\\c\nd\)");
  CHECK(out == R"(a|b\c\nd\)");
}

TEST_CASE("unescaping appends to a reused buffer, its stale bytes overwritten", "[lexer]") {
  std::string out(4096, '#');
  out.assign("head:");  // the capacity, and the bytes past the text, stay
  imperva_cef::cef::append_unescaped_header(out, std::string(200, 'h') + R"(\|)");
  imperva_cef::cef::append_unescaped_value(out, std::string(200, 'v') + R"(\=\n)");
  CHECK(out == "head:" + std::string(200, 'h') + "|" + std::string(200, 'v') + "=\n");
}

TEST_CASE("line errors carry code and offset", "[lexer]") {
  recording_handler h;
  const auto check = [&](std::string_view line, errc code, std::size_t offset) {
    const auto result = lex(line, h);
    CHECK(result.code == code);
    CHECK(result.offset == offset);
  };
  check("hello world", errc::missing_cef_marker, 0);
  check("", errc::missing_cef_marker, 0);
  check("xxCEF:|a|b|c|d|e|f|", errc::missing_version, 6);
  check("CEF:1a|a|b|c|d|e|f|", errc::missing_version, 5);
  check("CEF:0", errc::missing_version, 5);
  check("CEF:0|a|b|c|d|e|f", errc::incomplete_header, 17);
  check(R"(CEF:0|a|b|c|d|e|f\|)", errc::incomplete_header, 19);
  check("CEF:0|||||", errc::incomplete_header, 10);
  CHECK(h.pairs.empty());  // the handler is never called for a bad line
}

TEST_CASE("an empty or pipe-only extension is not an error", "[lexer]") {
  CHECK(lex_pairs("CEF:0|||||||").empty());
  CHECK(lex_pairs("CEF:0|||||||   ").empty());
  CHECK(lex_pairs("CEF:0||||||||||") == pair_list{});
}

TEST_CASE("keys start a pair only at the start or after a blank", "[lexer]") {
  CHECK(lex_pairs("CEF:0|v|p|1|1|n|0|a=1 b=2\tc=3") ==
        pair_list{{"a", "1"}, {"b", "2"}, {"c", "3"}});
  // '=' not after a key belongs to the value: Imperva's own example.
  CHECK(lex_pairs("CEF:0|v|p|1|1|n|0|cs5Label=clappsigdproc=Browser cs6=x") ==
        pair_list{{"cs5Label", "clappsigdproc=Browser"}, {"cs6", "x"}});
  CHECK(lex_pairs(R"(CEF:0|v|p|1|1|n|0|qstr=p\=%2f x=a =b .c=d)") ==
        pair_list{{"qstr", R"(p\=%2f)"}, {"x", "a =b .c=d"}});
  CHECK(lex_pairs("CEF:0|v|p|1|1|n|0|k.a,b[0]=v _x=y") ==
        pair_list{{"k.a,b[0]", "v"}, {"_x", "y"}});
}

TEST_CASE("text before the first key is ignored", "[lexer]") {
  CHECK(lex_pairs("CEF:0|v|p|1|1|n|0|garbage here a=1") == pair_list{{"a", "1"}});
  CHECK(lex_pairs("CEF:0|v|p|1|1|n|0|no pairs at all").empty());
}

TEST_CASE("values are trimmed and a trailing line break removed", "[lexer]") {
  CHECK(lex_pairs("CEF:0|v|p|1|1|n|0|  a=  x y \t  b=\t\tz \r\n") ==
        pair_list{{"a", "x y"}, {"b", "z"}});
  CHECK(lex_pairs("CEF:0|v|p|1|1|n|0|a= b=") == pair_list{{"a", ""}, {"b", ""}});
  CHECK(lex_pairs("CEF:0|v|p|1|1|n|0|a=x\r") == pair_list{{"a", "x"}});
}

TEST_CASE("pipes and backslashes in values stay raw", "[lexer]") {
  CHECK(lex_pairs(R"(CEF:0|v|p|1|1|n|0|a=x|y\|z\\ b=\)") ==
        pair_list{{"a", R"(x|y\|z\\)"}, {"b", R"(\)"}});
}

TEST_CASE("value unescaping", "[lexer]") {
  std::string out;
  imperva_cef::cef::append_unescaped_value(out, R"(a\\b\=c\|d\ne\rf\tg\)");
  CHECK(out == "a\\b=c|d\ne\rf\\tg\\");
}

namespace {

// SPEC section 2's value escapes, one byte at a time: what the run-copying
// unescape_value must match.
std::string unescape_bytewise(const std::string& value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    const char next = i + 1 < value.size() ? value[i + 1] : '\0';
    if (c != '\\' || i + 1 == value.size() || std::strchr("\\=|nr", next) == nullptr || next == '\0') {
      out += c;
      continue;
    }
    out += next == 'n' ? '\n' : next == 'r' ? '\r' : next;
    ++i;
  }
  return out;
}

// The decoded value, written into memory of exactly value.size() bytes so
// that ASan sees any write past it.
std::string unescape_exact(const std::string& value) {
  const auto out = std::make_unique<char[]>(value.size());
  return std::string(out.get(), imperva_cef::cef::unescape_value(value, out.get()));
}

}  // namespace

TEST_CASE("value unescaping copies runs between backslashes like a byte loop", "[lexer]") {
  const std::string alphabet = std::string("\\\\=|nrx a") + '\0';
  std::uint64_t state = 12345;
  const auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  for (int round = 0; round < 20000; ++round) {
    std::string value(next() % 40, 'a');
    for (char& c : value) c = alphabet[next() % alphabet.size()];
    INFO(value);
    REQUIRE(unescape_exact(value) == unescape_bytewise(value));
  }
  // A backslash at every position of a longer text, alone and before each escape letter.
  const std::string text(70, 'q');
  for (std::size_t at = 0; at <= text.size(); ++at) {
    for (const char* escape : {"\\", "\\\\", "\\=", "\\|", "\\n", "\\r", "\\t", "\\\\\\"}) {
      std::string value = text;
      value.insert(at, escape);
      INFO(value);
      REQUIRE(unescape_exact(value) == unescape_bytewise(value));
    }
  }
  CHECK(unescape_exact("") == "");
}

TEST_CASE("the record starts at the first CEF: marker", "[lexer]") {
  recording_handler h;
  REQUIRE(lex("CEF:1|a|b|c|d|e|f|x=CEF:0|g", h).ok());
  CHECK(h.header.version == "1");
  CHECK(h.pairs == pair_list{{"x", "CEF:0|g"}});
}

namespace {

// The extension rules of SPEC section 2, one byte at a time and with no
// shortcuts, to check the block-wise lexer against.
bool ref_blank(char c) { return c == ' ' || c == '\t'; }
bool ref_key_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool ref_key_char(char c) { return ref_key_start(c) || c == '.' || c == ',' || c == '[' || c == ']'; }

std::string ref_trim(std::string_view s) {
  while (!s.empty() && ref_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && ref_blank(s.back())) s.remove_suffix(1);
  return std::string(s);
}

pair_list reference_pairs(std::string_view extension) {
  std::vector<std::pair<std::size_t, std::size_t>> keys;  // key begin, '='
  for (std::size_t i = 0; i < extension.size(); ++i) {
    if ((i != 0 && !ref_blank(extension[i - 1])) || !ref_key_start(extension[i])) continue;
    std::size_t j = i;
    while (j < extension.size() && ref_key_char(extension[j])) ++j;
    if (j < extension.size() && extension[j] == '=') keys.emplace_back(i, j);
  }
  pair_list pairs;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const std::size_t value_end = k + 1 < keys.size() ? keys[k + 1].first : extension.size();
    pairs.emplace_back(std::string(extension.substr(keys[k].first, keys[k].second - keys[k].first)),
                       ref_trim(extension.substr(keys[k].second + 1, value_end - keys[k].second - 1)));
  }
  return pairs;
}

// Records the pairs and checks the layout the lexer promises (key lookups read
// from the key up to the end of its value): both views in the extension, the
// value after the key's '='.
struct layout_checking_handler : recording_handler {
  std::string_view extension;

  void on_pair(std::string_view key, std::string_view value) {
    const char* const end = extension.data() + extension.size();
    const bool laid_out = key.data() >= extension.data() && key.data()[key.size()] == '=' &&
                          value.data() > key.data() + key.size() && value.data() + value.size() <= end;
    CHECK(laid_out);
    recording_handler::on_pair(key, value);
  }
};

pair_list extension_pairs(const std::string& extension) {
  // A heap copy of exactly the extension's bytes, so ASan catches any read past either end.
  const std::unique_ptr<char[]> bytes(new char[extension.size() + 1]);
  std::memcpy(bytes.get(), extension.data(), extension.size());
  layout_checking_handler handler;
  handler.extension = std::string_view(bytes.get(), extension.size());
  imperva_cef::cef::lex_extension(handler.extension, handler);
  return handler.pairs;
}

}  // namespace

TEST_CASE("every byte value is classified as the key grammar says", "[lexer]") {
  for (int c = 0; c < 256; ++c) {
    const char byte = static_cast<char>(c);
    for (const std::string& extension :
         {std::string("ab") + byte + "c=1 d=2", std::string(1, byte) + "k=1", std::string("x=") + byte + "=2",
          std::string(20, 'k') + byte + std::string(20, 'k') + "=3 z=4", std::string(" ") + byte + "=5",
          std::string("a=1") + byte + " b=2"}) {
      INFO("byte " << c << " in \"" << extension << '"');
      CHECK(extension_pairs(extension) == reference_pairs(extension));
    }
  }
}

TEST_CASE("keys and '=' at block boundaries", "[lexer]") {
  for (std::size_t pad = 0; pad < 140; ++pad) {
    for (const std::size_t key_size : {1, 2, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100}) {
      const std::string key(key_size, 'k');
      const std::string filler(pad, 'v');
      for (const std::string& extension :
           {key + "=" + filler, filler + " " + key + "=x", "a=" + filler + " " + key + "=", "a=" + filler + "\t" + key + "=",
            filler + key + "=x", "a=" + filler + "-" + key + "=x", std::string(pad, '='), std::string(pad, ' ') + key + "=",
            "a=" + filler + " " + key + "==" + filler + " b=1", "a=" + std::string(pad, ' ') + "\t " + key + "= \t"}) {
        INFO("pad " << pad << ", key size " << key_size << ": \"" << extension << '"');
        CHECK(extension_pairs(extension) == reference_pairs(extension));
      }
    }
  }
}

TEST_CASE("random extensions agree with the byte-at-a-time rules", "[lexer]") {
  const std::string alphabet = "ab_Z09.,[]=  \t\\-/^`|{}~@:\x80\xff";
  std::uint64_t state = 12345;
  const auto next = [&state] {  // splitmix64
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  };
  for (int round = 0; round < 20000; ++round) {
    std::string extension(next() % 200, ' ');
    for (char& c : extension) c = alphabet[next() % alphabet.size()];
    INFO('"' << extension << '"');
    REQUIRE(extension_pairs(extension) == reference_pairs(extension));
  }
}

TEST_CASE("header pipes and escapes at block boundaries", "[lexer]") {
  for (std::size_t pad = 40; pad < 140; ++pad) {
    const std::string filler(pad, 'x');
    for (const std::string& vendor : {filler + R"(\|y)", filler + R"(\\)", filler, filler + R"(\)" + "y"}) {
      INFO("vendor \"" << vendor << '"');
      recording_handler h;
      const std::string line = "CEF:0|" + vendor + "|" + filler + "|1|" + filler + "|n|0| a=b";
      REQUIRE(lex(line, h).ok());
      CHECK(h.header.device_vendor == vendor);
      CHECK(h.header.device_product == filler);
      CHECK(h.header.signature_id == filler);
      CHECK(h.header.severity == "0");
      CHECK(h.header.has_escapes == (vendor != filler));
      CHECK(h.pairs == pair_list{{"a", "b"}});
      const std::string cut = line.substr(0, line.find("|0|") + 2);  // no seventh '|'
      CHECK(lex(cut, h).code == errc::incomplete_header);
    }
  }
}
