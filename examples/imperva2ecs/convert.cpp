#include "convert.hpp"

#include <cstring>
#include <imperva_cef/imperva_cef.hpp>
#include <string_view>

namespace imperva2ecs {

void convert_batch(batch& b, const conversion& how) {
  imperva_cef::options options;
  options.profile =
      how.profile == output_profile::ecs ? imperva_cef::profile::ecs : imperva_cef::profile::sekoia;
  options.keep_original = how.keep_original;

  b.output.clear();
  b.counts = {};
  if (!b.input_error.empty()) return;
  // Output is about as long as input; avoid regrowing mid-batch.
  b.output.reserve(b.input.size() + b.input.size() / 2);

  std::string& out = b.output;
  // Each event is appended at the end of out, after the previous newline.
  imperva_cef::json::string_writer writer(out);
  line_counts counts;
  const char* p = b.input.data();
  const char* const end = p + b.input.size();
  while (p < end) {
    const char* newline =
        static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (newline == nullptr) newline = end;  // cannot happen: blocks end with '\n'
    std::string_view line(p, static_cast<std::size_t>(newline - p));
    p = newline + 1;
    ++counts.lines;
    counts.bytes_in += line.size() + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // CRLF files
    if (line.empty()) {
      ++counts.empty;
      continue;
    }

    const imperva_cef::parse_result result = imperva_cef::write_imperva_cef(line, writer, options);
    if (result.ok()) {
      ++counts.events;
      out.push_back('\n');
      continue;
    }
    ++counts.errors;
    if (how.on_error == on_error::emit) {
      imperva_cef::write_error_document(line, result, writer);
      out.push_back('\n');
    } else if (how.on_error == on_error::fail) {
      b.failed_line = counts.lines;
      b.failure = result.message();
      break;
    }
  }
  if (b.added_newline && p >= end) counts.bytes_in -= 1;
  counts.bytes_out = out.size();
  b.counts = counts;
}

}  // namespace imperva2ecs
