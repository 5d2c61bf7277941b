// Finds a key repeated within one object of an event. nlohmann::json::parse
// keeps the last of them silently, but Elasticsearch rejects the document.
// The JSON that Imperva sends in header fields (and cs10) is passed through
// as sent, so it is not checked. Used by the tests and the fuzzers.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace json_checks {

class repeated_key_finder : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::string first;  // "/path/key" of the first repeated key, or ""

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

// False when text is not JSON; else `repeated` holds the first repeated key
// ("" when there is none).
inline bool find_repeated_key(const std::string& text, std::string& repeated) {
  repeated_key_finder finder;
  const bool valid = nlohmann::json::sax_parse(text, &finder);
  repeated = finder.first;
  return valid;
}

}  // namespace json_checks
