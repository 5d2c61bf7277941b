#include "fixtures.hpp"

#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string_view>

namespace cli_test {

std::string cef_line(std::size_t n) {
  static const char* const actions[] = {"REQ_PASSED", "REQ_CACHED_FRESH", "REQ_BLOCKED_SECURITY",
                                        "REQ_CHALLENGED_CAPTCHA", "REQ_BAD_TIMEOUT"};
  static const char* const methods[] = {"GET", "POST", "HEAD", "PUT"};
  const unsigned long long start = 1649772598763ULL + n * 1117ULL;
  std::ostringstream line;
  line << "CEF:0|Incapsula|SIEMintegration|1|1|"
       << (n % 7 == 3 ? "Illegal Resource Access" : "Normal") << "|" << (n % 7 == 3 ? 3 : 0)
       << "| fileId=" << 300000000000000000ULL + n << " sourceServiceName=site" << n % 97
       << ".example.com siteid=" << 1500000 + n % 97
       << " suid=50005477 requestClientApplication=Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
          "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/100.0.4896.75 Safari/537.36"
       << " deviceFacility=" << (n % 2 ? "fra" : "mia") << " cs2=true cs2Label=Javascript Support"
       << " cs3=" << (n % 3 ? "true" : "false") << " cs3Label=CO Support"
       << " src=" << 10 + n % 200 << "." << n % 251 << "." << n % 13 << "." << 1 + n % 250
       << " ccode=FR tag=example-tag cicode=Paris cs4=" << 0x1000000 + n * 7919
       << " cs4Label=VID cs5=" << std::hex << n * 2654435761ULL << std::dec
       << " cs5Label=clappsig dproc=Browser cs6=Chrome cs6Label=clapp cs7=48.8566 cs7Label=latitude"
       << " cs8=2.3522 cs8Label=longitude Customer=Example start=" << start << " request=site"
       << n % 97 << ".example.com/path/" << n % 1000 << "/index.html"
       << " qstr=id=" << n << "&x\\=y requestMethod=" << methods[n % 4]
       << " cn1=" << (n % 11 ? 200 : 404) << " app=HTTPS act=" << actions[n % 5]
       << " deviceExternalId=" << 33411452762204224ULL + n << " in=" << 300 + n % 4000
       << " xff=" << n % 223 << ".1.2.3, 10.0.0." << n % 255 << " cpt=" << 1024 + n % 60000
       << " ver=TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256"
       << " end=" << start + n % 5000 << " filetype=30037,1001 filepermission=2,1"
       << " cs9=Block Malicious User,High Risk Resources, cs9Label=Rule name"
       << " additionalReqHeaders=[{\"Accept\":\"*/*\"},{\"x-n\":\"" << n << "\"}]"
       << " additionalResHeaders=[{\"Content-Type\":\"text/html; charset\\=UTF-8\"}]";
  return line.str();
}

std::string cef_lines(std::size_t count, std::size_t bad_every, std::size_t empty_every,
                      std::size_t first) {
  std::string text;
  text.reserve(count * 1000);
  for (std::size_t i = first; i < first + count; ++i) {
    if (empty_every != 0 && i % empty_every == empty_every - 1) {
      text += (i / empty_every) % 2 ? "\r\n" : "\n";
    } else if (bad_every != 0 && i % bad_every == bad_every - 1) {
      text += "<14>Apr 12 14:09:58 host not a CEF line number " + std::to_string(i) + "\n";
    } else {
      text += cef_line(i);
      text += '\n';
    }
  }
  return text;
}

std::string imperva_header(bool encrypted, const std::string& format) {
  std::string header = "accountId:123456\nconfigId:12345\n";
  header += encrypted ? "key:U2FsdGVkX19h3m9vT0ZBQUFBQUFBQUFBQUFBQUFBQUFB+/==\n"
                      : "checksum:123ab7746e2c163e9e56d0ec123456\n";
  header += "format:" + format + "\nstartTime:1705705619206\nendTime:1705705805378\n|==|\n";
  return header;
}

namespace {
std::string deflate_with(const std::string& bytes, int window_bits) {
  z_stream stream{};
  if (deflateInit2(&stream, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) throw std::runtime_error("deflate failed");
  return out;
}
}  // namespace

std::string zlib_compress(const std::string& bytes) { return deflate_with(bytes, 15); }
std::string gzip_compress(const std::string& bytes) { return deflate_with(bytes, 15 + 16); }

std::string expected_ndjson(const std::string& text, const imperva_cef::options& options,
                            error_mode mode) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const std::size_t mark = out.size();
    imperva_cef::parse_result result;
    {  // a string_writer owns the end of the string while it lives
      imperva_cef::json::string_writer writer(out);
      result = imperva_cef::write_imperva_cef(line, writer, options);
    }
    if (!result.ok()) {
      out.resize(mark);
      if (mode == error_mode::skip) continue;
      imperva_cef::json::string_writer error_writer(out);
      imperva_cef::write_error_document(line, result, error_writer);
    }
    out.push_back('\n');
  }
  return out;
}

temp_dir::temp_dir() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "imperva2ecs-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
}

temp_dir::~temp_dir() {
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string temp_dir::path(const std::string& name) const { return dir_ + "/" + name; }

std::string temp_dir::write(const std::string& name, const std::string& bytes) const {
  const std::string file = path(name);
  std::ofstream stream(file, std::ios::binary);
  stream.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!stream) throw std::runtime_error("cannot write " + file);
  return file;
}

std::string read_file(const std::string& path) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

std::size_t count_lines(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.emplace_back(text, start, end - start);
    start = end + 1;
  }
  return lines;
}

}  // namespace cli_test
