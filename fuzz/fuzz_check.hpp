// Shared helpers for the libFuzzer targets: a failed property prints what went
// wrong and aborts, so libFuzzer records the input as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#define FUZZ_CHECK(condition, what)                                                        \
  do {                                                                                     \
    if (!(condition)) ::fuzz_support::fail(__FILE__, __LINE__, #condition, (what));       \
  } while (false)

namespace fuzz_support {

[[noreturn]] inline void fail(const char* file, int line, const char* condition, std::string_view what) {
  std::fprintf(stderr, "%s:%d: property violated: %s\n  %.*s\n", file, line, condition,
               static_cast<int>(what.size() > 4000 ? 4000 : what.size()), what.data());
  std::abort();
}

// Parses text as one JSON document (nlohmann rejects invalid UTF-8 and
// trailing bytes); aborts with the parser's message when it is not JSON.
// nlohmann stops at a NUL byte as if the input ended there, so NUL is checked
// apart: JSON text never holds one raw.
inline nlohmann::json parse_json(const std::string& text) {
  if (text.find('\0') != std::string::npos) fail(__FILE__, __LINE__, "no raw NUL in JSON text", text);
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    fail(__FILE__, __LINE__, "nlohmann::json::parse(output)", std::string(e.what()) + "\n  output: " + text);
  }
}

// The first repeated key in any object of an event ("/path/key"), or "": a
// repeated key is valid to nlohmann (the last wins) but Elasticsearch rejects
// the document. The JSON that Imperva sends in header fields (and cs10) is
// passed through as sent and not checked.
class duplicate_keys : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::string first;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return open(true); }
  bool start_array(std::size_t) override { return open(false); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& name) override {
    if (!passthrough_ && !frames_.back().keys.insert(name).second && first.empty()) {
      first = path_ + "/" + name;
    }
    key_ = name;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  struct frame {
    bool object;
    std::set<std::string> keys;
    std::size_t path_size;
    bool passthrough;
  };
  bool open(bool object) {
    const std::size_t before = path_.size();
    const bool outer_passthrough = passthrough_;
    if (!frames_.empty()) {
      path_ += "/" + (frames_.back().object ? key_ : std::string("*"));
      passthrough_ = passthrough_ || path_ == "/imperva/request/headers" || path_ == "/imperva/response/headers" ||
                     path_ == "/imperva/rule/info";
    }
    frames_.push_back({object, {}, before, outer_passthrough});
    return true;
  }
  bool close() {
    path_.resize(frames_.back().path_size);
    passthrough_ = frames_.back().passthrough;
    frames_.pop_back();
    return true;
  }
  std::vector<frame> frames_;
  std::string path_;
  std::string key_;
  bool passthrough_ = false;
};

inline void check_no_duplicate_keys(const std::string& text) {
  duplicate_keys check;
  if (!nlohmann::json::sax_parse(text, &check)) fail(__FILE__, __LINE__, "sax_parse(output)", text);
  if (!check.first.empty()) fail(__FILE__, __LINE__, "no repeated key", check.first + " in " + text);
}

}  // namespace fuzz_support
