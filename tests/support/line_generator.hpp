// Deterministic generator of odd Imperva CEF lines for differential and robustness
// tests.
//
// Lines start from the shape Imperva sends (syslog prefix, CEF header, the usual
// extension keys) and are then bent in every way SPEC.md sections 2, 3 and 6 talk
// about: key case, duplicates, escapes, stray '=', blanks and tabs, CR/LF endings,
// bad numbers, IPs, timestamps, geo, `ver`, `act`, `cs9`, JSON header arrays, invalid
// UTF-8, control characters, odd keys, and broken headers (about one line in ten is
// a line error).
//
// The same seed gives the same lines on every platform and compiler: the PRNG is
// splitmix64, every choice is plain integer arithmetic on its output (never <random>
// distributions, whose results are implementation-defined), and draws are made in
// separate statements, never as two operands of one `+` or two arguments of one
// call, whose evaluation order C++ leaves unspecified.
//
// Cases where SPEC.md leaves room for two readings (a lone surrogate \uD800 in a
// header array, a number beyond double range, "\n\r" or several CRs at the end of a
// line, a line over 1 MiB only because of its CR/LF) are deliberately not produced:
// a mismatch there would be a spec question, not a bug.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace generator {
namespace detail {

using namespace std::string_literals;  // "...\0..."s keeps embedded NUL bytes

class splitmix64 {
public:
    explicit splitmix64(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    // Uniform enough for test data; the modulo bias is irrelevant here.
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    bool percent(unsigned p) { return below(100) < p; }

    // Inclusive range; callers keep hi - lo far below 2^63.
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }

    const std::string& pick(const std::vector<std::string>& options) {
        return options[below(options.size())];
    }

private:
    std::uint64_t state_;
};

// ---------------------------------------------------------------------------------
// Value pools. Each mixes values that convert with values that must be left out.

inline const std::vector<std::string>& integers() {
    static const std::vector<std::string> v = {
        "0", "1", "200", "404", "54", "-1", "+1", "007", "-0", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "99999999999999999999999", "393000630126853202", "3412341160002518171", "1.0", "1e3",
        "0x10", "abc", "-", "", " 42 ", "12 34", "\xd9\xa3", "--1", "1-"};
    return v;
}

inline const std::vector<std::string>& ports() {
    static const std::vector<std::string> v = {
        "0", "443", "80", "45208", "65535", "65536", "-1", "-0", "+443", "99999999999999999999",
        "80a", "", "0443", "4.43"};
    return v;
}

inline const std::vector<std::string>& booleans() {
    static const std::vector<std::string> v = {
        "true", "false", "TRUE", "False", "tRuE", "FaLsE", "yes", "1", "0", "", "truee", "t",
        "true false"};
    return v;
}

inline const std::vector<std::string>& ip_addresses() {
    static const std::vector<std::string> v = {
        // valid
        "1.2.3.4", "12.12.12.12", "0.0.0.0", "255.255.255.255", "::", "::1", "::ffff:1.2.3.4",
        "::FFFF:10.0.0.1", "2001:db8::1", "2001:DB8:0:0:8:800:200C:417A", "1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:1.2.3.4", "1::", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "fe80::1",
        "::1.2.3.4", "1:2:3:4::5:6:7", "0000:0000::", " 1.2.3.4 ",
        // invalid
        "01.2.3.4", "1.2.3.04", "256.1.1.1", "1.2.3", "1.2.3.4.5", "1.2.3.", "", "1..2.3",
        "::ffff:1.2.3.04", "::ffff:256.2.3.4", "fe80::1%eth0", "1:2:3:4:5:6:7:8:9", ":::",
        "1::2::3", "12345::", "g::1", ":1::", "1:2:3:4:5:6:7:1.2.3.4", "1.2.3.4::", "::1.2.3",
        "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7", "[::1]", "-1.2.3.4",
        "+1.2.3.4", "1.2.3.4 x", "1.2.3.4,5.6.7.8", "localhost", "0x1.2.3.4", "1.2.3.4/24"};
    return v;
}

inline const std::vector<std::string>& latitudes() {
    static const std::vector<std::string> v = {
        "31.8969", "48.34", "0", "-0", "90", "-90", "90.0", "-90.000", "90.0001", "-90.5", "91",
        "abc", "1.", ".5", "+5", "1e2", "45.123456789012345678", "-", "", "31,8969", "0.0",
        "12.5.6", "--1"};
    return v;
}

inline const std::vector<std::string>& longitudes() {
    static const std::vector<std::string> v = {
        "34.8186", "7.4508", "121.3997", "0", "-0", "180", "-180", "180.0", "-180.0", "180.5",
        "-181", "abc", "1.", ".5", "+5", "1e2", "-", "", "7,45", "179.99999999999999999"};
    return v;
}

inline const std::vector<std::string>& timestamps() {
    static const std::vector<std::string> v = {
        "123456789", "223456789", "1649772598763", "1649772598765", "1524770802082", "0", "-1",
        "-62135596800000",      // 0001-01-01T00:00:00.000
        "-62135596800001",      // one ms before year 1
        "253402300799999",      // 9999-12-31T23:59:59.999
        "253402300800000",      // year 10000
        "951782400000",         // 2000-02-29
        "-2208988800001",       // 1899-12-31
        "-9223372036854775808", "9223372036854775807", "9223372036854775808", "+1", "1.5",
        "abc", "", "1649772598", "1649772598763 ", "16497725987630000000"};
    return v;
}

inline const std::vector<std::string>& versions() {
    static const std::vector<std::string> v = {
        "TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256", "TLSv1.3 TLS_AES_128_GCM_SHA256", "TLSv1.2",
        "TLSv1.2ECDHE-RSA-AES128-GCM-SHA256", " TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256",
        "TLS1.2 ECDHE", "SSLv3 RC4-SHA", "v1.2 X", "TLSv X", "TLSv1.2  X", "TLSv1.2 X Y",
        "tlsv1.2 x", "TLSV1.2 X", "v", "TLSv", "TLSv1.2 ", "TLSv1.2\tX", "TLSvv1 c", "",
        "\xc3\xa9v1 \xff"};
    return v;
}

inline const std::vector<std::string>& actions() {
    static const std::vector<std::string> v = {
        // named in SPEC 3
        "REQ_SSL_NOT_SUPPORTED", "REQ_NO_IP_FOUND", "REQ_ILLEGAL_PORT",
        "REQ_LOCKED_IP_VIOLATION", "REQ_DOMAIN_BLACKLISTED", "REQ_ILLEGAL_IP_VIOLATION",
        "REQ_SSL_CERT_HOST_MISMATCH", "REQ_NON_SNI_FORBIDDEN", "REQ_CLIENT_CERT_REQUIRED",
        "REQ_TOO_MANY_CONNECTIONS_TO_ORIGIN", "REQ_POST_TIMEOUT", "REQ_IPV6_NOT_SUPPORTED",
        "REQ_ALL_IPS_DOWN", "REQ_PASSED", "REQ_BAD_PARSE_ERROR", "REQ_BAD_TIMEOUT",
        "REQ_BAD_RESP_PARSE_ERROR", "REQ_BAD_CONNECTION_TO_SERVER",
        "REQ_BAD_CLIENT_CLOSED_CONNECTION", "REQ_BLOCKED_SESSION", "REQ_BLOCKED_VISITOR",
        "REQ_BLOCKED_SECURITY", "REQ_BLOCKED_ACL", "REQ_BLOCKED_DDOS",
        "REQ_BAD_TIMEOUT_CONNECTION_TO_SERVER", "REQ_BAD_CONNECTION_TO_SERVER_SSL_FAILURE",
        "REQ_UNRESOLVED_SITE_UNKNOWN", "REQ_UNRESOLVED_SITE_DUPLICATE",
        "REQ_UNRESOLVED_SITE_INVALID_CNAME", "REQ_BAD_SERVER_CERTIFICATE",
        // prefix families, near misses, case variants, unknown values
        "REQ_CACHED", "REQ_CACHED_WEBSITE", "REQ_CACHED_FRESH", "REQ_BLOCKED",
        "REQ_BLOCKED_SOMETHING_NEW", "REQ_CHALLENGED", "REQ_CHALLENGED_CAPTCHA",
        "REQ_CHALLENGED_JS", "REQ_CHALLENGE_CAPTCHA", "REQ_BAD", "REQ_BAD_NEW_THING",
        "REQ_UNRESOLVED", "REQ_UNRESOLVED_X", "REQ_PASSED_X", "REQ_PASSEDX", "req_passed",
        "req_blocked_session", "Req_Cached_Website", "req_challenged_captcha",
        "req_bad_parse_error", "REQ_SSL_NOT_SUPPORTED_X", "ALLOW", "REQ_", "", "REQ_PASSED x"};
    return v;
}

inline const std::vector<std::string>& rule_lists() {
    static const std::vector<std::string> v = {
        "Block Malicious User,High Risk Resources,", ",,A,,B,", ",", ",,,", "", "Single",
        "A, B", " A,B ", "a\\,b,c", "R\xff,\xe2\x82,ok"};
    return v;
}

inline const std::vector<std::string>& header_arrays() {
    static const std::vector<std::string> v = {
        R"([{"Accept":"*/*"},{"x-v":"1"},{"x-fapi-interaction-id":"10.10.10.10"}])",
        R"([{"Content-Type":"text/html; charset\=UTF-8"}])",
        R"([{"Content-Type":"text/html; charset\\=UTF-8"}])",
        R"([{"a":"back\slash","b":"\q\=\|\ ","c":"end\\"}])",
        R"([{"x":"\u00e9\ud83d\ude00\/\b\f\n\r\t\"\\"}])",
        R"([{"x":"\u12"},{"y":"\uZZZZ"},{"z":"\u"}])",
        R"([{"k":"v","k":"w"}])",
        R"([1e5,-0,0.1,1.5e-3,12345678901234567890,-9223372036854775808,9223372036854775807,-9223372036854775809,1E+2,0])",
        R"([true,false,null,{},[],"",[[]],{"":""}])",
        R"([[["nested"]],{"a":{"b":[1,{"c":"d"}]}}])",
        R"([ {"Accept" : "*/*"} , 1 ])",
        R"([{"a":"\u0000"}])",
        R"([])", R"({})", R"({"a":1})", R"("str")", R"(42)", R"(null)", R"([1,2,3])",
        R"([1,])", R"([)", R"(])", R"([{"a"}])", R"([1 2])", R"([01])", R"([-])", R"([1.])",
        R"([.5])", R"(["a\"])", R"([TRUE])", R"([1]x)", R"([1],[2])", R"([{'a':1}])",
        R"([{"a":1,}])", R"([{"a" 1}])", R"(["unterminated)", "[\"tab\there\"]",
        "[\"raw\x01control\"]", "[\"del\x7f ok\"]", "[\"bad \xff utf8\"]",
        "[\"cut \xe2\x82\"]", "[{\"\xc0\xaf\":1}]", "", "[{\"x\": \"a b=c\"}]"};
    return v;
}

// Plain string values, by key. Values may hold spaces, '=' and backslashes as Imperva
// sends them.
inline const std::vector<std::string>& text_values() {
    static const std::vector<std::string> v = {
        "mia", "cdg", "Browser", "Site Helper", "NA", "NOT_SUPPORTED", "Firefox",
        "Webkit Browser", "IL", "FR", "Rehovot", "Al 'Ayyat", "S\xc3\xa3o Paulo", "GET", "POST",
        "www.test.com/", "site123.abcd.info/main.css", "https://example.com/login",
        "example.com/a=b", "p\\=%2fetc%2fpasswd", "a=1&b=2", "44.44.44.44",
        "12.206.204.56, 186.240.270.97, 103.28.41.7", "33411452762204224",
        "a99e6166-5092-4cce-8fb6-afae61ef7493", "30037,1001,", "2,1,",
        ",,[{\"api_specification_violation_type\":\"INVALID_PARAM_NAME\"}]",
        "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:40.0) Gecko/20100101 Firefox/40.0",
        "curl/7.1 (x=y)", "", "value with  two  spaces", "trailing\\", "\\\\server\\share"};
    return v;
}

// Inserted into values: CEF escapes, stray '=', invalid UTF-8, control characters.
inline const std::vector<std::string>& oddities() {
    static const std::vector<std::string> v = {
        "\\=", "\\\\", "\\n", "\\r", "\\|", "\\", "\\t", "=", "a=b", "==", "|", "\xff", "\xfe\xff",
        "\xc0\xaf", "\xe2\x82", "\xed\xa0\x80", "\xf0\x80\x80\x80", "\xf4\x90\x80\x80",
        "\xf0\x9f\x98\x80", "\xc3\xa9", "\xe6\x97\xa5", "\x80", "\x01", "\x1f", "\x7f", "\x1b[0m",
        "\0"s, "a\0b"s, "\x0b", "\x0c", "\t", " ", " \t "};
    return v;
}

// Keys that are not mapped, or are keys only by the letter of SPEC 2.
inline const std::vector<std::string>& stray_pairs() {
    static const std::vector<std::string> v = {
        "sourceServiceName=site123.abcd.info", "siteid=1509732", "suid=50005477",
        "Customer=CEFcustomer123", "siteTag=my-site-tag", "tag=www.elvis.com", "caIP=13.13.13.13",
        "sip=141.34.25.158", "spt=443", "postbody=a=b&c=d", "cs10=[{\"x\":1}]",
        "cs5=438c978a6198632a", "cs5Label=clappsigdproc=Browser", "cs1Label=Cap Support",
        "cs2Label=Javascript Support", "cs3Label=CO Support", "cs4Label=VID", "cs6Label=clapp",
        "cs7Label=latitude", "cs8Label=longitude", "cs9Label=Rule name",
        "cs11Label=Rule Additional Info", "a.b=1", "x[0]=2", "a,b=3", "_=4", "9=5", "cs7x=1",
        "srcip=1.2.3.4", "start_=1", ".a=6", "-x=7", "a-b=8", "[k]=9", "k\xc3\xa9=10", "=11",
        "src.ip=1.2.3.4", "REQUEST[]=x", "act,=REQ_PASSED"};
    return v;
}

inline const std::vector<std::string>& prefixes() {
    static const std::vector<std::string> v = {
        "<30> Nov 28 12:00:00 host cwaf ", "<14>1 2022-04-12T14:09:58.763Z host imperva - - - ",
        "2022-04-12T14:09:58Z host ", "garbage CEF CEF; ", "\xff\xfe junk ",
        "cef:0|lower|case|prefix|x|y|z| ", "CEF ", " ", "\t", "CEF|0|", "C E F:", "\0"s};
    return v;
}

// ---------------------------------------------------------------------------------

// One field of the extension: a key as Imperva spells it and a way to draw a value.
struct field {
    const char* key;
    std::string (*value)(splitmix64&);
};

inline std::string timestamp_value(splitmix64& rng) {
    if (rng.percent(50)) return rng.pick(timestamps());
    // Anywhere from a little before year 1 to a little after year 9999.
    return std::to_string(rng.between(-62135596800000 - 86400000, 253402300799999 + 86400000));
}

inline std::string latitude_value(splitmix64& rng) {
    if (rng.percent(60)) return rng.pick(latitudes());
    std::string value = std::to_string(rng.between(-95, 95));
    return value + "." + std::to_string(rng.below(100000));
}

inline std::string longitude_value(splitmix64& rng) {
    if (rng.percent(60)) return rng.pick(longitudes());
    std::string value = std::to_string(rng.between(-185, 185));
    return value + "." + std::to_string(rng.below(100000));
}

inline std::string ip_value(splitmix64& rng) {
    if (rng.percent(70)) return rng.pick(ip_addresses());
    // Random dotted quads, some octets out of range or with a leading zero.
    std::string ip;
    for (int i = 0; i < 4; ++i) {
        if (i > 0) ip += '.';
        if (rng.percent(5)) ip += '0';
        ip += std::to_string(rng.below(300));
    }
    return ip;
}

inline std::string integer_value(splitmix64& rng) {
    if (rng.percent(60)) return rng.pick(integers());
    return std::to_string(rng.between(-1000000, 1000000));
}

inline std::string port_value(splitmix64& rng) {
    if (rng.percent(60)) return rng.pick(ports());
    return std::to_string(rng.between(0, 70000));
}

inline std::string app_value(splitmix64& rng) {
    static const std::vector<std::string> v = {"HTTP", "HTTPS", "http", "HtTpS", "", "SPDY/3",
                                               "H\xc3\x89TTP", "HTTP\xff"};
    return rng.pick(v);
}

inline std::string text_value(splitmix64& rng) { return rng.pick(text_values()); }
inline std::string bool_value(splitmix64& rng) { return rng.pick(booleans()); }
inline std::string version_value(splitmix64& rng) { return rng.pick(versions()); }
inline std::string action_value(splitmix64& rng) { return rng.pick(actions()); }
inline std::string rules_value(splitmix64& rng) { return rng.pick(rule_lists()); }

inline std::string header_array_value(splitmix64& rng) {
    if (rng.percent(85)) return rng.pick(header_arrays());
    // Nesting around the 64-level limit, and far beyond it.
    static const std::size_t depths[] = {1, 2, 63, 64, 65, 66, 200, 5000};
    const std::size_t depth = depths[rng.below(sizeof depths / sizeof depths[0])];
    if (rng.percent(50)) return std::string(depth, '[') + std::string(depth, ']');
    std::string open;
    std::string close;
    for (std::size_t i = 0; i < depth; ++i) {
        if (i % 2 == 0) {
            open += '[';
            close.insert(0, "]");
        } else {
            open += "{\"k\":";
            close.insert(0, "}");
        }
    }
    return open + "1" + close;
}

// The keys of SPEC 3, in the order Imperva writes them.
inline const std::vector<field>& imperva_fields() {
    static const std::vector<field> v = {
        {"fileId", integer_value},
        {"requestClientApplication", text_value},
        {"deviceFacility", text_value},
        {"cs2", bool_value},
        {"cs3", bool_value},
        {"cs1", text_value},
        {"cs4", text_value},
        {"dproc", text_value},
        {"cs6", text_value},
        {"ccode", text_value},
        {"cicode", text_value},
        {"cs7", latitude_value},
        {"cs8", longitude_value},
        {"start", timestamp_value},
        {"request", text_value},
        {"qstr", text_value},
        {"ref", text_value},
        {"requestMethod", text_value},
        {"cn1", integer_value},
        {"app", app_value},
        {"act", action_value},
        {"deviceExternalId", text_value},
        {"in", integer_value},
        {"xff", text_value},
        {"cpt", port_value},
        {"src", ip_value},
        {"ver", version_value},
        {"end", timestamp_value},
        {"additionalReqHeaders", header_array_value},
        {"additionalResHeaders", header_array_value},
        {"filetype", text_value},
        {"filepermission", text_value},
        {"cs9", rules_value},
        {"cs11", text_value},
    };
    return v;
}

// Imperva itself sends both requestMethod and requestmethod; go further.
inline std::string recase(splitmix64& rng, std::string key) {
    const std::size_t style = rng.below(10);
    for (char& c : key) {
        const bool upper = style == 7 || (style >= 8 && rng.percent(50));
        const bool lower = style == 6 || (style >= 8 && !upper);
        if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (lower && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return key;  // styles 0..5 keep Imperva's spelling
}

inline std::string separator(splitmix64& rng) {
    static const std::vector<std::string> v = {"  ", "\t", " \t", "\t ", "   "};
    if (rng.percent(2)) return "";  // glued: the next "key=" is then part of this value
    return rng.percent(85) ? std::string(" ") : rng.pick(v);
}

inline std::string blanks(splitmix64& rng) {
    static const std::vector<std::string> v = {" ", "  ", "\t", " \t", "\t\t "};
    return rng.pick(v);
}

inline std::string with_oddity(splitmix64& rng, std::string value) {
    const std::size_t at = rng.below(value.size() + 1);
    return value.insert(at, rng.pick(oddities()));
}

inline std::string header(splitmix64& rng) {
    static const std::vector<std::string> version = {"0", "0", "0", "1", "10"};
    static const std::vector<std::string> vendor = {"Incapsula", "Incapsula", "Incap\\|sula",
                                                    "Inc\\\\", "Imp\\erva", ""};
    static const std::vector<std::string> name = {
        "Normal", "Blocked country", "Illegal Resource Access", "IncapRules(bad client)",
        "Blocked \\| country", "name=with=equals", "a\\\\", "key=value k2=v2", ""};
    static const std::vector<std::string> severity = {"0", "-1", "3", "11", "x"};
    static const std::vector<std::string> after = {" ", " ", " ", "", "  ", "\t"};
    std::string text = "CEF:" + rng.pick(version);
    text += "|" + rng.pick(vendor);
    text += "|SIEMintegration|1|1|" + rng.pick(name);
    text += "|" + rng.pick(severity);
    text += "|" + rng.pick(after);
    return text;
}

inline std::string extension(splitmix64& rng) {
    std::vector<std::string> pairs;
    std::vector<std::pair<std::string, std::string>> used;  // for duplicates
    for (const field& f : imperva_fields()) {
        if (!rng.percent(80)) continue;
        std::string value = f.value(rng);
        if (rng.percent(6)) value = with_oddity(rng, value);
        if (rng.percent(5)) value = blanks(rng) + value;
        if (rng.percent(5)) value += blanks(rng);
        used.emplace_back(f.key, value);
        pairs.push_back(recase(rng, f.key) + "=" + value);
    }
    // Later occurrences of a key win, whatever their case, even when empty.
    const std::size_t duplicates = rng.percent(20) ? 1 + rng.below(3) : 0;
    for (std::size_t i = 0; i < duplicates && !used.empty(); ++i) {
        const auto& [key, old_value] = used[rng.below(used.size())];
        const field* f = nullptr;
        for (const field& candidate : imperva_fields())
            if (key == candidate.key) f = &candidate;
        std::string value = rng.percent(15) ? std::string() : f->value(rng);
        if (value == old_value) value += "0";
        const std::size_t at = rng.below(pairs.size() + 1);
        pairs.insert(pairs.begin() + static_cast<std::ptrdiff_t>(at), recase(rng, key) + "=" + value);
    }
    const std::size_t strays = rng.below(4);
    for (std::size_t i = 0; i < strays; ++i) {
        const std::size_t at = rng.below(pairs.size() + 1);
        pairs.insert(pairs.begin() + static_cast<std::ptrdiff_t>(at), rng.pick(stray_pairs()));
    }
    if (rng.percent(20)) {  // Imperva's order is not guaranteed either
        for (std::size_t i = pairs.size(); i > 1; --i) std::swap(pairs[i - 1], pairs[rng.below(i)]);
    }

    std::string text;
    if (rng.percent(5)) text += "text before any key ";
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        if (i > 0) text += separator(rng);
        text += pairs[i];
    }
    if (rng.percent(5)) text += blanks(rng);
    return text;
}

inline std::string line_ending(splitmix64& rng) {
    const std::size_t roll = rng.below(100);
    if (roll < 60) return "";
    if (roll < 85) return "\r\n";
    if (roll < 95) return "\n";
    return "\r";
}

inline std::string prefix(splitmix64& rng) {
    return rng.percent(50) ? std::string() : rng.pick(prefixes());
}

// A line that SPEC 2/6 call a line error (plus the odd one that only looks broken).
inline std::string broken_line(splitmix64& rng) {
    static const std::vector<std::string> heads = {
        "", "no cef here at all", "cef:0|Incapsula|SIEMintegration|1|1|Normal|0|",
        "CEF:|Incapsula|SIEMintegration|1|1|Normal|0|", "CEF:x|Incapsula|SIEMintegration|1|1|Normal|0|",
        "CEF: 0|Incapsula|SIEMintegration|1|1|Normal|0|", "CEF:0Incapsula|SIEMintegration|1|1|Normal|0|",
        "CEF:-1|Incapsula|SIEMintegration|1|1|Normal|0|", "CEF:0|Incapsula|SIEMintegration|1|1|Normal",
        "CEF:0|Incapsula|SIEMintegration|1|1|Normal|0", "CEF:0|a|b|c|d|e\\|f|", "CEF:0|a|b|c|d|e|f\\|",
        "CEF:0|a|b\\\\\\|c|d|e|f|", "CEF:", "CEF:0", "CEF:0|", "CEF:0||||||",
        "CEF:x|a|b|c|d|e|f| CEF:0|a|b|c|d|e|f|", "\xff\xfe\x00\x01", "C\0EF:0|a|b|c|d|e|f|"s};
    std::string line = prefix(rng);
    line += rng.pick(heads);
    if (rng.percent(50)) line += " src=1.2.3.4 act=REQ_PASSED cn1=200";
    return line + line_ending(rng);
}

// Lines around the 1 MiB limit filled with a pathological value (a million '=' or
// '\', many tiny keys, very deep JSON). They have no line ending, so which side of
// the limit they fall on does not depend on how CR/LF is counted.
inline std::string huge_line(splitmix64& rng) {
    constexpr std::size_t limit = 1024 * 1024;
    static const std::vector<std::string> fills = {"=", "\\", "a", " a=", "[", "\xff", "\\=", " "};
    const bool too_long = rng.percent(50);
    const std::size_t target = too_long ? limit + 1 + rng.below(4096) : limit - 64 - rng.below(4096);
    std::string head = header(rng);
    head += rng.percent(50) ? "cs11=" : "additionalReqHeaders=";
    const std::string tail = " src=1.2.3.4 act=REQ_PASSED";
    const std::string& fill = rng.pick(fills);
    std::string line = head;
    while (line.size() + tail.size() < target) line += fill;
    line.resize(target - tail.size());
    return line + tail;
}

inline std::string odd_line(splitmix64& rng) {
    if (rng.below(1000) == 0) return huge_line(rng);
    if (rng.percent(10)) return broken_line(rng);
    std::string line = prefix(rng);
    line += header(rng);
    line += extension(rng);
    return line + line_ending(rng);
}

}  // namespace detail

// `count` lines from `seed`; the same arguments always give the same lines.
inline std::vector<std::string> odd_lines(std::uint64_t seed, std::size_t count) {
    detail::splitmix64 rng(seed);
    std::vector<std::string> lines;
    lines.reserve(count);
    for (std::size_t i = 0; i < count; ++i) lines.push_back(detail::odd_line(rng));
    return lines;
}

}  // namespace generator
