// Differential test of the `sekoia` profile: the library against an independent
// reference implementation (tests/support/reference_sekoia.hpp), on thousands of
// deterministic odd lines (tests/support/line_generator.hpp).
//
// Both library paths are checked, since they share the lexer but not the output
// code: parse_imperva_cef (nlohmann::json, throws on line errors) and
// write_imperva_cef with the compact string writer (error as a value). Documents are
// compared after strip_empty, because SPEC counts "" and [] as absent.
#include <catch2/catch.hpp>

#include <imperva_cef/imperva_cef.hpp>

#include "support/json_compare.hpp"
#include "support/line_generator.hpp"
#include "support/reference_sekoia.hpp"

#include <cstdint>
#include <cstdio>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace {

constexpr std::uint64_t seed = 20220412;
constexpr std::size_t line_count = 5000;
constexpr std::size_t max_reported = 10;  // enough to see a pattern, not a flood

// The line as C-style escaped ASCII, so NUL, CR, tabs and invalid UTF-8 are visible
// in the report; huge lines are cut.
std::string printable(std::string_view line) {
    constexpr std::size_t limit = 2000;
    std::string out = "\"";
    for (std::size_t i = 0; i < line.size() && i < limit; ++i) {
        const unsigned char c = static_cast<unsigned char>(line[i]);
        if (c == '\\' || c == '"') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c >= 0x20 && c < 0x7F) {
            out += static_cast<char>(c);
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", c);
            out += hex;
        }
    }
    out += "\"";
    if (line.size() > limit) out += " ... (" + std::to_string(line.size()) + " bytes)";
    return out;
}

std::string cut(const std::string& text) {
    constexpr std::size_t limit = 1000;
    return text.size() > limit ? text.substr(0, limit) + "..." : text;
}

// Everything that disagrees for one line, one problem per line of text; "" when
// the library matches the reference (`expected`, nullopt for a line error) on both
// paths.
std::string disagreements(std::string_view line, const std::optional<nlohmann::json>& expected) {
    std::ostringstream problems;

    std::optional<nlohmann::json> parsed;
    std::optional<imperva_cef::parse_error> thrown;
    try {
        parsed = imperva_cef::parse_imperva_cef(line);
    } catch (const imperva_cef::parse_error& e) {
        thrown = e;
    } catch (const std::exception& e) {
        problems << "parse_imperva_cef threw something other than parse_error: " << e.what() << "\n";
    }

    std::string written;
    imperva_cef::json::string_writer writer(written);
    const imperva_cef::parse_result result = imperva_cef::write_imperva_cef(line, writer);

    if (!expected) {
        if (parsed) problems << "reference: line error; parse_imperva_cef returned " << cut(parsed->dump()) << "\n";
        if (result.ok()) problems << "reference: line error; write_imperva_cef wrote " << cut(written) << "\n";
        // The two library paths must report the same error.
        if (thrown && !result.ok() && (thrown->code() != result.code || thrown->offset() != result.offset))
            problems << "parse_error (" << thrown->what() << ", offset " << thrown->offset()
                     << ") differs from parse_result (" << result.message() << ", offset "
                     << result.offset << ")\n";
        return problems.str();
    }

    const nlohmann::json want = json_compare::strip_empty(*expected);
    if (thrown) {
        problems << "parse_imperva_cef threw, reference has a document: " << thrown->what()
                 << " (offset " << thrown->offset() << ")\n";
    } else if (parsed) {
        const std::string difference =
            json_compare::first_difference(want, json_compare::strip_empty(*parsed));
        if (!difference.empty()) problems << "parse_imperva_cef: " << difference << "\n";
    }

    if (!result.ok()) {
        problems << "write_imperva_cef failed, reference has a document: " << result.message()
                 << " (offset " << result.offset << ")\n";
        return problems.str();
    }
    nlohmann::json reparsed;
    try {
        reparsed = nlohmann::json::parse(written);  // also rejects invalid UTF-8
    } catch (const nlohmann::json::exception& e) {
        problems << "string_writer output is not valid JSON (" << e.what() << "): " << cut(written) << "\n";
        return problems.str();
    }
    if (!reparsed.is_object()) problems << "string_writer output is not an object: " << cut(written) << "\n";
    const std::string difference =
        json_compare::first_difference(want, json_compare::strip_empty(reparsed));
    if (!difference.empty()) problems << "write_imperva_cef: " << difference << "\n";
    return problems.str();
}

}  // namespace

TEST_CASE("sekoia profile matches the reference implementation on odd lines",
          "[sekoia][differential]") {
    const std::vector<std::string> lines = generator::odd_lines(seed, line_count);

    std::size_t line_errors = 0;
    std::size_t mismatches = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::optional<nlohmann::json> expected = reference::sekoia(lines[i]);
        if (!expected) ++line_errors;
        const std::string problems = disagreements(lines[i], expected);
        if (problems.empty()) continue;
        ++mismatches;
        if (mismatches <= max_reported)
            FAIL_CHECK("line " << i << " (seed " << seed << "): " << printable(lines[i]) << "\n"
                               << problems);
    }

    INFO(mismatches << " of " << lines.size() << " lines disagree (first " << max_reported
                    << " shown above)");
    CHECK(mismatches == 0);
    // Guards the generator itself: both kinds of line must stay well represented.
    CHECK(line_errors > lines.size() / 20);
    CHECK(line_errors < lines.size() / 5);
}
