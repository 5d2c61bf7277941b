// A deterministic generator of realistic Imperva Cloud WAF CEF lines for the
// benchmarks (SPEC section 8) and for benchmarks/compare_cli.sh.
//
// Every line is built from facts the generator chose itself, and those facts
// come back with the line: the raw key/value pairs as the lexer must see them,
// and the typed values (status code, source IP and whether it is valid, the
// action's expected event.type and event.reason, the timestamps as calendar
// text, ...). The benchmarks check the library's output against them before
// timing anything.
//
// The same seed gives the same lines on every platform and standard library:
// the generator uses its own PRNG (splitmix64) and formats numbers itself.
//
// What the lines look like (modelled on the public samples in
// ../shared/corpus; 0.9 to 1.9 KB, about 1.2 KB on average, like the real samples):
//   - header `CEF:0|Incapsula|SIEMintegration|1|1|<name>|<severity>|`, name and
//     severity following the action (Normal|0, Blocked country|-1, SQL Injection|3, ...)
//   - fileId, sourceServiceName, siteid, suid, requestClientApplication (some
//     long in-app browser user agents, 200-400 bytes), deviceFacility,
//     cs1..cs8 with their labels, dproc, ccode, cicode (some UTF-8 and an
//     apostrophe), Customer, siteTag, start, request, qstr (with `\=`, some
//     `\\`), requestMethod, cn1, app, act, deviceExternalId, sip, spt, in, xff
//     (one to three IPs), cpt, src (IPv4, full and compressed IPv6, a few
//     invalid), ver (HTTPS only, some with a leading space), end,
//     additionalReqHeaders / additionalResHeaders (JSON arrays with `\=`),
//     filetype, filepermission, cs9..cs11 with labels on security events
//     (cs9 empty on some others), postbody on a few POSTs;
//   - keys written in Imperva's varying case on some lines (requestmethod,
//     deviceExternalID, fileid, fileType, filePermission).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace imperva_cef_bench {

// The expected sekoia event.type / event.reason for an action, written by
// hand from SPEC section 3 (not computed by the library's tables).
struct action_info {
  std::string_view act;
  std::string_view outcome;  // second item of event.type
  std::string_view reason;   // sekoia (reference) spelling; empty: none
  std::string_view name;     // header name
  std::string_view severity; // header severity
  bool security;             // carries filetype/filepermission/cs9..cs11
  unsigned weight;           // relative frequency
};

inline constexpr action_info action_table[] = {
    {"REQ_PASSED", "allowed", "", "Normal", "0", false, 520},
    {"REQ_CACHED_FRESH", "allowed", "", "Normal", "0", false, 120},
    {"REQ_CACHED_VALIDATED", "allowed", "", "Normal", "0", false, 30},
    {"REQ_PASSED", "allowed", "", "Accepted country", "-1", false, 20},
    {"REQ_BLOCKED_SECURITY", "denied", "The request was blocked based on Security settings", "SQL Injection", "3", true, 40},
    {"REQ_BLOCKED_SECURITY", "denied", "The request was blocked based on Security settings", "Cross Site Scripting", "3", true, 25},
    {"REQ_BLOCKED_SECURITY", "denied", "The request was blocked based on Security settings", "Illegal Resource Access", "3", true, 25},
    {"REQ_BLOCKED_ACL", "denied", "The request was blocked based on Security settings", "Blocked country", "-1", false, 20},
    {"REQ_BLOCKED_VISITOR", "denied", "The request was blocked based on WAF settings", "Bot Access Control", "3", true, 15},
    {"REQ_BLOCKED_SESSION", "denied", "The request was blocked based on WAF settings", "Bot Access Control", "3", true, 5},
    {"REQ_BLOCKED_DDOS", "denied", "The request was blocked due to a DDoS attack", "DDoS", "3", true, 10},
    {"REQ_CHALLENGED_CAPTCHA", "denied", "A challenge was submitted to the client", "Bot Access Control", "3", true, 15},
    {"REQ_CHALLENGED_COOKIE", "denied", "A challenge was submitted to the client", "Bot Access Control", "3", false, 15},
    {"REQ_CHALLENGED_JAVASCRIPT", "denied", "A challenge was submitted to the client", "IncapRules(bad client)", "11", true, 10},
    {"REQ_BAD_TIMEOUT", "error", "The HTTP request reached the idle timeout", "Normal", "0", false, 15},
    {"REQ_BAD_CONNECTION_TO_SERVER", "error", "The destination server reset the connection", "Normal", "0", false, 10},
    {"REQ_BAD_CLIENT_CLOSED_CONNECTION", "error", "The client closed the connection before receiving the full response", "Normal", "0", false, 15},
    {"REQ_BAD_PARSE_ERROR", "error", "The HTTP request was malformated", "Normal", "0", false, 5},
    {"REQ_BAD_SERVER_CERTIFICATE", "error", "The certifcate of the destination is invalid", "Normal", "0", false, 3},
    {"REQ_UNRESOLVED_SITE_UNKNOWN", "error", "The proxy failed to resolve the destination", "Normal", "0", false, 5},
    {"REQ_ALL_IPS_DOWN", "access", "The destination is unavailable", "Normal", "0", false, 5},
    {"REQ_DOMAIN_BLACKLISTED", "denied", "The destination was blacklisted", "Normal", "0", false, 3},
    {"REQ_LOCKED_IP_VIOLATION", "denied", "The request was blocked based on Security settings", "Normal", "0", false, 2},
    {"REQ_POST_TIMEOUT", "error", "The HTTP request reached the timeout", "Normal", "0", false, 3},
    {"REQ_IPV6_NOT_SUPPORTED", "error", "The destination doesn't support IPv6 addresses", "Normal", "0", false, 2},
    {"REQ_ABANDONED", "access", "", "Normal", "0", false, 5},
};

// One generated line and what went into it.
struct generated_line {
  std::string text;  // the line, without a line break

  // Header fields as written (none holds an escape).
  std::string name, severity;
  // Every extension pair, in order, as the lexer must report it: key as
  // written, value as written minus leading/trailing blanks (not decoded).
  std::vector<std::pair<std::string, std::string>> pairs;

  // Typed facts, for checking converted output.
  std::string pop, site, customer, request, request_decoded, method, action, user_agent, ua_name;
  std::string qstr_raw, qstr_decoded;  // empty: no qstr
  std::string referrer;                // empty: no ref
  std::string src;                     // as written
  bool src_is_ip = true;
  std::string sip;
  int spt = 0;
  std::string xff;                     // as written (", " separated)
  std::string country, city;
  std::string lat_text, lon_text;      // as written
  std::int64_t session_id = 0;         // fileId
  std::int64_t status_code = 0;        // cn1
  std::int64_t bytes_in = 0;           // in
  std::string request_id;              // deviceExternalId
  int source_port = 0;                 // cpt
  std::string app;                     // "HTTP" / "HTTPS"
  bool has_tls = false;
  std::string tls_protocol, tls_version, tls_cipher;  // expected sekoia split
  bool js_support = false, cookie_support = false;
  std::string captcha_support, visitor_id, dproc;
  std::int64_t start_ms = 0, end_ms = 0;
  std::string start_iso_us, end_iso_us;  // "YYYY-MM-DDTHH:MM:SS.mmm000Z"
  std::string start_iso_ms, end_iso_ms;  // "YYYY-MM-DDTHH:MM:SS.mmmZ"
  std::string outcome, reason;           // expected sekoia event.type[1] / event.reason
  bool security = false;
  std::string attack_type, attack_id;    // filetype / filepermission raw
  std::string rule_names_raw;            // cs9 raw (may be empty)
  std::vector<std::string> rule_names;   // cs9 split, empty items dropped
  std::string rule_additional_info;      // cs11
  // additionalReqHeaders / additionalResHeaders as [{name: value}], values as
  // the lenient JSON reader yields them (`\=` stays `\=`). has_*: field present.
  bool has_req_headers = false, has_res_headers = false;
  std::vector<std::pair<std::string, std::string>> req_headers, res_headers;
};

namespace detail {

class splitmix64 {
 public:
  explicit splitmix64(std::uint64_t seed) noexcept : state_(seed) {}
  std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform enough in [0, n) for n far below 2^32.
  std::uint64_t below(std::uint64_t n) noexcept { return (next() >> 32) % n; }
  std::int64_t between(std::int64_t lo, std::int64_t hi) noexcept {  // inclusive
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
  }
  bool chance(unsigned percent) noexcept { return below(100) < percent; }
  template <class T, std::size_t N>
  const T& pick(const T (&items)[N]) noexcept {
    return items[below(N)];
  }

 private:
  std::uint64_t state_;
};

inline void append_uint(std::string& out, std::uint64_t value, int min_width = 1) {
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (n < min_width) digits[n++] = '0';
  while (n > 0) out.push_back(digits[--n]);
}

inline std::string to_text(std::int64_t value) {
  std::string out;
  if (value < 0) {
    out.push_back('-');
    append_uint(out, static_cast<std::uint64_t>(-value));
  } else {
    append_uint(out, static_cast<std::uint64_t>(value));
  }
  return out;
}

inline void append_hex(std::string& out, splitmix64& rng, std::size_t digits) {
  static constexpr char hex[] = "0123456789abcdef";
  for (std::size_t i = 0; i < digits; ++i) out.push_back(hex[rng.below(16)]);
}

// Days since 1970-01-01 of a proleptic Gregorian date (counting forward from
// the calendar, the other direction from the library's conversion).
inline std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct calendar_time {
  int year, month, day, hour, minute, second, millisecond;
};

inline std::int64_t epoch_ms(const calendar_time& t) noexcept {
  const std::int64_t days = days_from_civil(t.year, static_cast<unsigned>(t.month), static_cast<unsigned>(t.day));
  return ((days * 24 + t.hour) * 60 + t.minute) * 60000 + t.second * 1000 + t.millisecond;
}

inline std::string iso_text(const calendar_time& t, bool microseconds) {
  std::string out;
  append_uint(out, static_cast<std::uint64_t>(t.year), 4);
  out += '-';
  append_uint(out, static_cast<std::uint64_t>(t.month), 2);
  out += '-';
  append_uint(out, static_cast<std::uint64_t>(t.day), 2);
  out += 'T';
  append_uint(out, static_cast<std::uint64_t>(t.hour), 2);
  out += ':';
  append_uint(out, static_cast<std::uint64_t>(t.minute), 2);
  out += ':';
  append_uint(out, static_cast<std::uint64_t>(t.second), 2);
  out += '.';
  append_uint(out, static_cast<std::uint64_t>(t.millisecond), 3);
  if (microseconds) out += "000";
  out += 'Z';
  return out;
}

inline int days_in_month(int year, int month) noexcept {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

inline calendar_time add_ms(calendar_time t, int ms) noexcept {
  t.millisecond += ms;
  t.second += t.millisecond / 1000;
  t.millisecond %= 1000;
  t.minute += t.second / 60;
  t.second %= 60;
  t.hour += t.minute / 60;
  t.minute %= 60;
  t.day += t.hour / 24;
  t.hour %= 24;
  if (t.day > days_in_month(t.year, t.month)) {
    t.day = 1;
    if (++t.month > 12) {
      t.month = 1;
      ++t.year;
    }
  }
  return t;
}

// CEF extension-value decoding (SPEC section 2), for the facts only.
inline std::string cef_decode(std::string_view raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\\' && i + 1 < raw.size()) {
      const char next = raw[i + 1];
      if (next == '\\' || next == '=' || next == '|') {
        out += next;
        ++i;
        continue;
      }
      if (next == 'n' || next == 'r') {
        out += next == 'n' ? '\n' : '\r';
        ++i;
        continue;
      }
    }
    out += raw[i];
  }
  return out;
}

// Degrees with four decimals, trailing zeros dropped ("48.34", "7.4508", "-0.1276").
inline std::string degrees_text(std::int64_t ten_thousandths) {
  std::string out;
  if (ten_thousandths < 0) {
    out += '-';
    ten_thousandths = -ten_thousandths;
  }
  append_uint(out, static_cast<std::uint64_t>(ten_thousandths / 10000));
  std::string fraction;
  append_uint(fraction, static_cast<std::uint64_t>(ten_thousandths % 10000), 4);
  while (fraction.size() > 1 && fraction.back() == '0') fraction.pop_back();
  out += '.';
  out += fraction;
  return out;
}

struct site_info {
  std::string_view host, customer, tag;
  std::int64_t site_id, account_id;
};
inline constexpr site_info sites[] = {
    {"www.shop-example.com", "Acme Retail", "prod-shop", 38097258, 1928034},
    {"api.shop-example.com", "Acme Retail", "prod-api", 38097311, 1928034},
    {"portal.example-bank.fr", "Example Bank SA", "portal", 10286633, 2047415},
    {"login.example-bank.fr", "Example Bank SA", "auth", 10286634, 2047415},
    {"cdn.media-example.io", "Media Example Ltd", "static", 59162523, 93951},
    {"greetings.example.com", "Hercule", "greetings", 4766000, 1872230},
    {"blog.example.de", "mycustomer@example.org", "blog", 1509732, 50005477},
    {"store.example.co.jp", "Example KK", "jp-store", 62810044, 3301272},
};

struct geo_info {
  std::string_view country, city;
  std::int64_t lat, lon;  // ten-thousandths of a degree
};
inline constexpr geo_info geos[] = {
    {"FR", "Paris", 488566, 23522},          {"FR", "Strasbourg", 483400, 74508},
    {"DE", "Frankfurt am Main", 501109, 86821}, {"US", "Ashburn", 390438, -774874},
    {"US", "San Jose", 373382, -1218863},    {"BR", "S\xC3\xA3o Paulo", -235505, -466333},
    {"CH", "Z\xC3\xBCrich", 473769, 85417},  {"PL", "Krak\xC3\xB3w", 500647, 199450},
    {"IL", "Rehovot", 318969, 348186},       {"JP", "Tokyo", 356762, 1396503},
    {"EG", "Al 'Ayyat", 296167, 312500},     {"GB", "London", 515072, -1276},
    {"IN", "Bengaluru", 129716, 775946},     {"AU", "Sydney", -338688, 1512093},
    {"CN", "Shanghai", 310456, 1213997},     {"NL", "Amsterdam", 523676, 49041},
};

inline constexpr std::string_view pops[] = {"fra", "cdg", "ams", "lhr", "iad", "mia",
                                            "sjc", "hkg", "nrt", "syd", "gru", "war"};

struct agent_info {
  std::string_view ua, clapp, dproc;
};
inline constexpr agent_info agents[] = {
    {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36", "Chrome", "Browser"},
    {"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15", "Safari", "Browser"},
    {"Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0", "Firefox", "Browser"},
    {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80", "Edge", "Browser"},
    {"Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36", "Webkit Browser", "Browser"},
    {"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "Googlebot", "Search Bot"},
    {"Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", "Bingbot", "Search Bot"},
    {"curl/8.5.0", "curl", "Bad Bot"},
    {"python-requests/2.31.0", "python-requests", "Bad Bot"},
    {"Android 11(70) | prodLalaland 1.47.9(162) | Redmi M2000K6G", "Android Dalvik VM", "Feed Fetcher"},
    {"Mozilla/5.0 (compatible; Catchpoint) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/59.0.3071.115 Safari/537.36", "Catchpoint", "Site Helper"},
};

// Long in-app browser user agents (200-400 bytes), assembled from parts.
inline std::string long_user_agent(splitmix64& rng) {
  static constexpr std::string_view devices[] = {"iPhone14,5", "iPhone15,2", "iPad13,18", "iPhone16,1"};
  static constexpr std::string_view locales[] = {"en_US", "fr_FR", "de_DE", "pt_BR", "ja_JP"};
  std::string ua = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_";
  detail::append_uint(ua, rng.below(6));
  ua += " like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/";
  detail::append_uint(ua, 400 + rng.below(60));
  ua += ".0.0.";
  detail::append_uint(ua, rng.below(90));
  ua += ".";
  detail::append_uint(ua, rng.below(120));
  ua += ";FBBV/";
  detail::append_uint(ua, 500000000 + rng.below(99999999));
  ua += ";FBDV/";
  ua += rng.pick(devices);
  ua += ";FBMD/iPhone;FBSN/iOS;FBSV/17.4.1;FBSS/3;FBID/phone;FBLC/";
  ua += rng.pick(locales);
  ua += ";FBOP/5;FBRV/";
  detail::append_uint(ua, 580000000 + rng.below(9999999));
  ua += ";IABMV/1]";
  if (rng.chance(50)) {
    ua += " Instagram 330.0.3.25.98 (iPhone14,5; iOS 17_4_1; en_US; en; scale=3.00; 1170x2532; 598011296) NW/3";
    // "scale=3.00" must not look like a key: Imperva escapes '=' in values.
    const std::size_t eq = ua.find("scale=");
    ua.replace(eq, 6, "scale\\=");
  }
  return ua;
}

struct path_info {
  std::string_view path;
  std::string_view qstr;  // raw, escaped as Imperva writes it; empty: none
};
inline constexpr path_info paths[] = {
    {"/", ""},
    {"/index.html", ""},
    {"/main.css", ""},
    {"/static/js/app.4f3c2a9e.js", ""},
    {"/images/products/large/8812.jpg", ""},
    {"/build/img/email/header_fr.jpg", ""},
    {"/api/v1/users/12345/orders", "page\\=2&per_page\\=50"},
    {"/search", "q\\=running+shoes&sort\\=price_asc&page\\=3"},
    {"/product/view", "id\\=88123&utm_source\\=newsletter&utm_medium\\=email&utm_campaign\\=spring_sale_2024"},
    {"/wp-login.php", "redirect_to\\=https%3A%2F%2Fblog.example.de%2Fwp-admin%2F&reauth\\=1"},
    {"/cgi-bin/download", "p\\=%2fetc%2fpasswd"},
    {"/files/get", "file\\=..\\\\..\\\\windows\\\\win.ini"},
    {"/report", "path\\=C:\\\\inetpub\\\\logs&format\\=csv"},
    {"/graphql", ""},
    {"/checkout/cart", "coupon\\=SPRING24"},
    {"/.env", ""},
    {"/login", "next\\=%2Faccount%2Fsettings&lang\\=fr"},
};

inline constexpr std::string_view rule_names[] = {
    "Block Malicious User", "High Risk Resources", "SQL Injection", "Cross Site Scripting",
    "Bad Bot", "Geo Blocking - Restricted Countries", "Rate limit /login",
};

// Picks an index into action_table by weight.
inline const action_info& pick_action(splitmix64& rng) {
  unsigned total = 0;
  for (const action_info& a : action_table) total += a.weight;
  auto roll = static_cast<unsigned>(rng.below(total));
  for (const action_info& a : action_table) {
    if (roll < a.weight) return a;
    roll -= a.weight;
  }
  return action_table[0];
}

inline std::string random_ipv4(splitmix64& rng) {
  std::string ip;
  append_uint(ip, 1 + rng.below(223));
  for (int i = 0; i < 3; ++i) {
    ip += '.';
    append_uint(ip, rng.below(256));
  }
  return ip;
}

inline std::string random_ipv6(splitmix64& rng) {
  static constexpr char hex[] = "0123456789abcdef";
  const auto group = [&](std::string& out) {
    const std::uint64_t v = rng.below(0x10000);
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      const unsigned nibble = static_cast<unsigned>(v >> shift) & 15u;
      if (nibble != 0 || started || shift == 0) {
        out += hex[nibble];
        started = true;
      }
    }
  };
  std::string ip = rng.chance(50) ? "2a01:cb04" : "2001:db8";
  if (rng.chance(50)) {  // full form
    for (int i = 0; i < 6; ++i) {
      ip += ':';
      group(ip);
    }
  } else {  // compressed
    ip += ':';
    group(ip);
    ip += "::";
    group(ip);
  }
  return ip;
}

}  // namespace detail

class corpus_generator {
 public:
  explicit corpus_generator(std::uint64_t seed = 20240415) : rng_(seed) {}

  generated_line next() {
    detail::splitmix64& rng = rng_;
    generated_line g;
    const detail::site_info& site = rng.pick(detail::sites);
    const detail::geo_info& geo = rng.pick(detail::geos);
    const action_info& act = detail::pick_action(rng);
    const bool lower_keys = rng.chance(20);  // Imperva's other key spellings

    g.name = std::string(act.name);
    g.severity = std::string(act.severity);
    g.action = std::string(act.act);
    g.outcome = std::string(act.outcome);
    g.reason = std::string(act.reason);
    g.security = act.security;

    std::string& line = g.text;
    line.reserve(1400);
    line = "CEF:0|Incapsula|SIEMintegration|1|1|";
    line += g.name;
    line += '|';
    line += g.severity;
    line += '|';

    // Appends " key=value" (value written as given, `lead` blanks before it)
    // and records the pair.
    const auto put = [&](std::string_view key, std::string_view value, std::string_view lead = {}) {
      line += ' ';
      line += key;
      line += '=';
      line += lead;
      line += value;
      g.pairs.emplace_back(std::string(key), std::string(value));
    };

    g.session_id = static_cast<std::int64_t>(100000000000000000ULL + rng.below(900000000) * 1000000000ULL +
                                             rng.below(1000000000));
    put(lower_keys ? "fileid" : "fileId", detail::to_text(g.session_id));
    g.site = std::string(site.host);
    put("sourceServiceName", site.host);
    put("siteid", detail::to_text(site.site_id));
    put("suid", detail::to_text(site.account_id));

    const detail::agent_info* agent = &rng.pick(detail::agents);
    if (rng.chance(10)) {
      g.user_agent = detail::long_user_agent(rng);
      g.ua_name = "Mobile Safari";
      g.dproc = "Browser";
    } else {
      g.user_agent = std::string(agent->ua);
      g.ua_name = std::string(agent->clapp);
      g.dproc = std::string(agent->dproc);
    }
    put("requestClientApplication", g.user_agent);
    g.pop = std::string(rng.pick(detail::pops));
    put("deviceFacility", g.pop);

    g.js_support = g.dproc == "Browser" ? rng.chance(95) : rng.chance(5);
    g.cookie_support = g.dproc == "Browser" ? rng.chance(97) : rng.chance(20);
    put("cs2", g.js_support ? "true" : "false");
    put("cs2Label", "Javascript Support");
    put("cs3", g.cookie_support ? "true" : "false");
    put("cs3Label", "CO Support");
    static constexpr std::string_view captcha[] = {"NA", "NA", "NOT_SUPPORTED", "SUPPORTED"};
    g.captcha_support = std::string(rng.pick(captcha));
    put("cs1", g.captcha_support);
    put("cs1Label", "Cap Support");
    std::string vid;
    detail::append_hex(vid, rng, 8);
    vid += '-';
    detail::append_hex(vid, rng, 4);
    vid += "-4";
    detail::append_hex(vid, rng, 3);
    vid += '-';
    vid += "89ab"[rng.below(4)];
    detail::append_hex(vid, rng, 3);
    vid += '-';
    detail::append_hex(vid, rng, 12);
    g.visitor_id = vid;
    put("cs4", vid);
    put("cs4Label", "VID");
    std::string clappsig;
    detail::append_hex(clappsig, rng, rng.chance(70) ? 96 : 192);
    put("cs5", clappsig);
    put("cs5Label", "clappsig");
    put("dproc", g.dproc);
    put("cs6", g.ua_name);
    put("cs6Label", "clapp");

    g.country = std::string(geo.country);
    g.city = std::string(geo.city);
    g.lat_text = detail::degrees_text(geo.lat + static_cast<std::int64_t>(rng.below(200)) - 100);
    g.lon_text = detail::degrees_text(geo.lon + static_cast<std::int64_t>(rng.below(200)) - 100);
    put("ccode", g.country);
    put("cicode", g.city);
    put("cs7", g.lat_text);
    put("cs7Label", "latitude");
    put("cs8", g.lon_text);
    put("cs8Label", "longitude");
    g.customer = std::string(site.customer);
    put("Customer", site.customer);
    if (rng.chance(60)) put("siteTag", site.tag);

    detail::calendar_time start{};
    start.year = 2024 + static_cast<int>(rng.below(2));
    start.month = 1 + static_cast<int>(rng.below(12));
    start.day = 1 + static_cast<int>(rng.below(static_cast<std::uint64_t>(detail::days_in_month(start.year, start.month))));
    start.hour = static_cast<int>(rng.below(24));
    start.minute = static_cast<int>(rng.below(60));
    start.second = static_cast<int>(rng.below(60));
    start.millisecond = static_cast<int>(rng.below(1000));
    const detail::calendar_time end = detail::add_ms(start, static_cast<int>(rng.below(rng.chance(90) ? 400 : 30000)));
    g.start_ms = detail::epoch_ms(start);
    g.end_ms = detail::epoch_ms(end);
    g.start_iso_us = detail::iso_text(start, true);
    g.end_iso_us = detail::iso_text(end, true);
    g.start_iso_ms = detail::iso_text(start, false);
    g.end_iso_ms = detail::iso_text(end, false);
    put("start", detail::to_text(g.start_ms));

    const detail::path_info& path = rng.pick(detail::paths);
    g.request = std::string(site.host) + std::string(path.path);
    g.request_decoded = g.request;
    put("request", g.request);
    if (!path.qstr.empty()) {
      g.qstr_raw = std::string(path.qstr);
      g.qstr_decoded = detail::cef_decode(g.qstr_raw);
      put("qstr", g.qstr_raw);
    }
    if (rng.chance(30)) {
      g.referrer = "https://www.google.com/";
      if (rng.chance(50)) g.referrer = "https://" + std::string(site.host) + "/";
      put("ref", g.referrer);
    }
    static constexpr std::string_view methods[] = {"GET", "GET", "GET", "GET", "GET", "GET", "GET",
                                                   "POST", "POST", "HEAD", "PUT", "OPTIONS", "DELETE"};
    g.method = std::string(rng.pick(methods));
    put(lower_keys ? "requestmethod" : "requestMethod", g.method);
    static constexpr std::int64_t codes[] = {200, 200, 200, 200, 200, 200, 204, 301, 302, 304,
                                             304, 400, 401, 403, 404, 404, 500, 502, 503};
    g.status_code = act.outcome == std::string_view("allowed") ? rng.pick(codes) : (rng.chance(50) ? 403 : 0);
    if (g.status_code != 0) put("cn1", detail::to_text(g.status_code));
    g.app = rng.chance(80) ? "HTTPS" : "HTTP";
    put("app", g.app);
    put("act", g.action);
    g.request_id = detail::to_text(static_cast<std::int64_t>(10000000000000000ULL + rng.below(1000000000) * 100000000ULL +
                                                             rng.below(100000000)));
    put(lower_keys ? "deviceExternalID" : "deviceExternalId", g.request_id);
    if (rng.chance(70)) {
      g.sip = rng.chance(50) ? "10.1." + detail::to_text(static_cast<std::int64_t>(rng.below(256))) + "." +
                                   detail::to_text(static_cast<std::int64_t>(1 + rng.below(254)))
                             : detail::random_ipv4(rng);
      g.spt = g.app == "HTTPS" ? 443 : 80;
      put("sip", g.sip);
      put("spt", detail::to_text(g.spt));
    }
    g.bytes_in = static_cast<std::int64_t>(120 + rng.below(g.method == "POST" ? 20000 : 2000));
    put("in", detail::to_text(g.bytes_in));

    // Client address: IPv4, IPv6 (full or compressed), a few invalid ones.
    const auto roll = rng.below(100);
    if (roll < 78) {
      g.src = detail::random_ipv4(rng);
    } else if (roll < 97) {
      g.src = detail::random_ipv6(rng);
    } else {
      g.src = "92.140." + detail::to_text(static_cast<std::int64_t>(256 + rng.below(700))) + ".97";
      g.src_is_ip = false;
    }
    if (rng.chance(45)) {
      g.xff = g.src;
      const auto hops = rng.below(3);
      for (std::uint64_t i = 0; i < hops; ++i) g.xff += ", " + detail::random_ipv4(rng);
      put("xff", g.xff);
    }
    g.source_port = static_cast<int>(1024 + rng.below(64512));
    put("cpt", detail::to_text(g.source_port));
    put("src", g.src);

    if (g.app == "HTTPS") {
      static constexpr std::string_view versions[] = {"1.3", "1.3", "1.2"};
      static constexpr std::string_view ciphers13[] = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
                                                       "TLS_CHACHA20_POLY1305_SHA256"};
      static constexpr std::string_view ciphers12[] = {"ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
                                                       "ECDHE-ECDSA-CHACHA20-POLY1305"};
      g.has_tls = true;
      g.tls_protocol = "tls";
      g.tls_version = std::string(rng.pick(versions));
      g.tls_cipher = std::string(g.tls_version == "1.3" ? rng.pick(ciphers13) : rng.pick(ciphers12));
      // A leading blank, as some real lines have, is trimmed by the lexer.
      put("ver", "TLSv" + g.tls_version + " " + g.tls_cipher, rng.chance(5) ? " " : "");
    }
    put("end", detail::to_text(g.end_ms));

    if (rng.chance(60)) {
      g.has_req_headers = true;
      g.req_headers.emplace_back("Accept", "*/*");
      static constexpr std::string_view languages[] = {"en-US,en;q\\=0.9", "fr-FR,fr;q\\=0.9,en;q\\=0.8", "de-DE"};
      if (rng.chance(60)) g.req_headers.emplace_back("Accept-Language", rng.pick(languages));
      if (rng.chance(40)) {
        std::string cookie = "visid_incap_" + detail::to_text(site.site_id) + "\\=";
        detail::append_hex(cookie, rng, 24);
        cookie += "; lang\\=en";
        g.req_headers.emplace_back("Cookie", cookie);
      }
      if (rng.chance(30)) g.req_headers.emplace_back("x-fapi-interaction-id", detail::random_ipv4(rng));
      std::string value = "[";
      for (std::size_t i = 0; i < g.req_headers.size(); ++i) {
        if (i) value += ',';
        value += "{\"" + g.req_headers[i].first + "\":\"" + g.req_headers[i].second + "\"}";
      }
      value += ']';
      put("additionalReqHeaders", value);
    }
    if (rng.chance(50)) {
      g.has_res_headers = true;
      static constexpr std::string_view types[] = {"text/html; charset\\=UTF-8", "application/json",
                                                   "image/jpeg", "text/css; charset\\=utf-8"};
      g.res_headers.emplace_back("Content-Type", rng.pick(types));
      if (rng.chance(40)) g.res_headers.emplace_back("Cache-Control", "max-age\\=3600, public");
      std::string value = "[";
      for (std::size_t i = 0; i < g.res_headers.size(); ++i) {
        if (i) value += ',';
        value += "{\"" + g.res_headers[i].first + "\":\"" + g.res_headers[i].second + "\"}";
      }
      value += ']';
      put("additionalResHeaders", value);
    }

    if (act.security) {
      g.attack_type = detail::to_text(static_cast<std::int64_t>(30000 + rng.below(9000))) + "," +
                      detail::to_text(static_cast<std::int64_t>(1000 + rng.below(9))) + ",";
      g.attack_id = detail::to_text(static_cast<std::int64_t>(1 + rng.below(9))) + "," +
                    detail::to_text(static_cast<std::int64_t>(1 + rng.below(9))) + ",";
      put(lower_keys ? "fileType" : "filetype", g.attack_type);
      put(lower_keys ? "filePermission" : "filepermission", g.attack_id);
      const std::string_view first = rng.pick(detail::rule_names);
      const std::string_view second = rng.pick(detail::rule_names);
      g.rule_names_raw = std::string(first) + "," + std::string(second) + ",";
      g.rule_names = {std::string(first), std::string(second)};
      put("cs9", g.rule_names_raw);
      put("cs9Label", "Rule name");
      put("cs10", "[{\"rule_id\":" + detail::to_text(static_cast<std::int64_t>(100000 + rng.below(900000))) +
                      ",\"action\":\"block\"}]");
      put("cs10Label", "Rule Info");
      g.rule_additional_info =
          ",,[{\"api_specification_violation_type\":\"INVALID_PARAM_NAME\",\"parameter_name\":\"param" +
          detail::to_text(static_cast<std::int64_t>(rng.below(100))) + "\"}]";
      put("cs11", g.rule_additional_info);
      put("cs11Label", "Rule Additional Info");
    } else if (rng.chance(30)) {
      put("cs9", "");  // as real lines have it: "cs9= cs9Label=Rule name"
      put("cs9Label", "Rule name");
    }
    if (g.method == "POST" && rng.chance(25)) {
      put("postbody", "username\\=alice&password\\=********&remember\\=on");
    }
    return g;
  }

 private:
  detail::splitmix64 rng_;
};

// `count` lines from `seed`.
inline std::vector<generated_line> generate_lines(std::size_t count, std::uint64_t seed = 20240415) {
  corpus_generator generator(seed);
  std::vector<generated_line> lines;
  lines.reserve(count);
  for (std::size_t i = 0; i < count; ++i) lines.push_back(generator.next());
  return lines;
}

}  // namespace imperva_cef_bench
