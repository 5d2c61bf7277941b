#include "inflate_source.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <climits>
#include <utility>

namespace imperva2ecs {

namespace {
constexpr std::size_t input_block = 64 * 1024;
// 15 bits of window, +32: let zlib tell a zlib header from a gzip one.
constexpr int window_bits_auto = 15 + 32;

bool is_space(unsigned char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
}  // namespace

bool looks_compressed(unsigned char first, unsigned char second) noexcept {
  if (first == 0x1f && second == 0x8b) return true;  // gzip
  const bool deflate = (first & 0x0f) == 8 && (first >> 4) <= 7;
  return deflate && ((static_cast<unsigned>(first) << 8) | second) % 31 == 0;
}

inflate_source::inflate_source(std::unique_ptr<byte_source> compressed, std::string name)
    : compressed_(std::move(compressed)),
      name_(std::move(name)),
      input_(new unsigned char[input_block]) {
  if (inflateInit2(&stream_, window_bits_auto) != Z_OK) {
    throw input_error(fmt::format("{}: cannot start zlib: out of memory", name_));
  }
}

inflate_source::~inflate_source() { inflateEnd(&stream_); }

void inflate_source::fail(const char* what) const {
  throw input_error(fmt::format("{}: {} (after {} compressed bytes){}", name_, what, consumed_,
                                stream_.msg ? fmt::format(": zlib: {}", stream_.msg) : ""));
}

bool inflate_source::refill() {
  if (input_ended_) return false;
  const std::size_t count =
      compressed_->read_some(reinterpret_cast<char*>(input_.get()), input_block);
  if (count == 0) {
    input_ended_ = true;
    return false;
  }
  stream_.next_in = input_.get();
  stream_.avail_in = static_cast<uInt>(count);
  return true;
}

std::size_t inflate_source::read_some(char* out, std::size_t size) {
  size = std::min<std::size_t>(size, UINT_MAX);
  for (;;) {
    if (stream_ended_) {
      // A second member may follow (concatenated gzip or zlib streams);
      // white space after the end is tolerated, anything else is an error.
      while (stream_.avail_in > 0 && is_space(*stream_.next_in)) {
        ++stream_.next_in;
        --stream_.avail_in;
        ++consumed_;
      }
      if (stream_.avail_in == 0) {
        if (!refill()) return 0;
        continue;
      }
      if (stream_.avail_in < 2 && !input_ended_) {
        // Too little to check a header: move it to the front and read more.
        const unsigned char kept = *stream_.next_in;
        input_[0] = kept;
        const std::size_t count =
            compressed_->read_some(reinterpret_cast<char*>(input_.get()) + 1, input_block - 1);
        if (count == 0) input_ended_ = true;
        stream_.next_in = input_.get();
        stream_.avail_in = static_cast<uInt>(count + 1);
        continue;
      }
      if (stream_.avail_in < 2 || !looks_compressed(stream_.next_in[0], stream_.next_in[1])) {
        fail("unexpected data after the end of the compressed stream");
      }
      inflateReset(&stream_);
      stream_ended_ = false;
    }
    if (stream_.avail_in == 0 && !refill()) {
      fail("compressed data is truncated");
    }
    stream_.next_out = reinterpret_cast<unsigned char*>(out);
    stream_.avail_out = static_cast<uInt>(size);
    const uInt before = stream_.avail_in;
    const int status = inflate(&stream_, Z_NO_FLUSH);
    consumed_ += before - stream_.avail_in;
    const std::size_t produced = size - stream_.avail_out;
    switch (status) {
      case Z_STREAM_END:
        stream_ended_ = true;
        break;
      case Z_OK:
      case Z_BUF_ERROR:  // no progress possible: needs more input
        break;
      case Z_NEED_DICT:
        fail("compressed data needs a preset dictionary");
      case Z_MEM_ERROR:
        fail("out of memory while decompressing");
      default:
        fail("compressed data is corrupt");
    }
    if (produced > 0) return produced;
  }
}

bool inflate_source::more_ready() { return stream_.avail_in > 0 || compressed_->more_ready(); }

}  // namespace imperva2ecs
