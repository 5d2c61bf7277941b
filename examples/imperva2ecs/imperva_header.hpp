// The header of an Imperva log file as downloaded:
//
//   accountId:123456
//   configId:12345
//   checksum:...
//   format:CEF
//   startTime:1705705619206
//   endTime:1705705805378
//   |==|
//   <events: zlib-compressed by default, or plain text>
//
// An encrypted file has a "key:" line (the symmetric key, itself encrypted
// with the customer's public key); its events cannot be read without the
// private key.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "byte_source.hpp"

namespace imperva2ecs {

struct imperva_header {
  bool found = false;
  std::size_t lines = 0;          // header lines including the |==| line
  std::size_t events_offset = 0;  // where the events start in the bytes read
  std::vector<std::pair<std::string, std::string>> fields;

  // The value of a header field (name compared ignoring case), or nullptr.
  const std::string* field(const char* name) const;
};

// Reads the start of `source` into `head` (appending; `ended` tells whether the
// input ran out) until it can tell whether it opens with an Imperva header.
// Reads at most 64 KiB.
imperva_header read_imperva_header(byte_source& source, std::string& head, bool& ended);

// Throws input_error when the file cannot be converted: encrypted, or in a
// log format other than CEF.
void check_imperva_header(const imperva_header& header, const std::string& name);

}  // namespace imperva2ecs
