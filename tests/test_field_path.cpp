// Field tables: dotted paths split at compile time, and the check that keeps a
// table streamable (each object's fields together, no field twice).
#include <catch2/catch.hpp>

#include <imperva_cef/ecs/field_path.hpp>

using imperva_cef::ecs::field_path;
using imperva_cef::ecs::fields_are_grouped;

namespace {
struct row {
  field_path path;
};
}  // namespace

static_assert(fields_are_grouped(std::array<row, 3>{{{"a.x"}, {"a.y"}, {"b.z"}}}));
static_assert(fields_are_grouped(std::array<row, 4>{{{"a.b.x"}, {"a.b.y"}, {"a.c"}, {"d"}}}));
static_assert(!fields_are_grouped(std::array<row, 3>{{{"a.x"}, {"b.z"}, {"a.y"}}}));
static_assert(!fields_are_grouped(std::array<row, 4>{{{"a.b.x"}, {"a.c"}, {"a.b.y"}, {"d"}}}));
static_assert(!fields_are_grouped(std::array<row, 2>{{{"a.b"}, {"a.b"}}}));
static_assert(!fields_are_grouped(std::array<row, 2>{{{"a.b"}, {"a.b.c"}}}));
static_assert(!fields_are_grouped(std::array<row, 2>{{{"a.b.c"}, {"a.b"}}}));

TEST_CASE("paths are split into segments", "[tables]") {
  constexpr field_path path("imperva.request.headers");
  STATIC_REQUIRE(path.depth == 3);
  CHECK(path.segments[0] == "imperva");
  CHECK(path.segments[1] == "request");
  CHECK(path.leaf() == "headers");
  CHECK(field_path("@timestamp").depth == 1);
}
