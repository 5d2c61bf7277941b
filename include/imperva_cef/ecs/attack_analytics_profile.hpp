// The `ecs` profile for Imperva Attack Analytics incidents
// (`Imperva Inc|Attack Analytics`, SPEC section 4). Most of an incident is in
// custom strings labelled ImpervaAA*.
#pragma once

#include <array>
#include <string_view>

#include "conversions.hpp"
#include "custom_strings.hpp"
#include "field_path.hpp"
#include "key_map.hpp"
#include "line_parts.hpp"

namespace imperva_cef::ecs {

struct attack_analytics_profile {
  static constexpr std::string_view vendor = "Imperva Inc";
  static constexpr std::string_view product = "Attack Analytics";

  enum slot : int {
    // extension keys
    message, start, end, source_ip, destination_domain, request, user_agent,
    // custom strings, found by their labels
    event_count, percent_blocked, country, platform, dominant_ips, sample_events, attack_type,
    dominant_site_ids, cves,
    // line parts
    name, severity, original,
    slot_count
  };

  static constexpr key_map keys{with_custom_strings(std::array<key_entry, 7>{{
      {"msg", message},
      {"start", start},
      {"end", end},
      {"src", source_ip},
      {"dhost", destination_domain},
      {"request", request},
      {"requestClientApplication", user_agent},
  }})};

  static constexpr key_map custom_labels{std::array<key_entry, 9>{{
      {"ImpervaAANumberOfEvents", event_count},
      {"ImpervaAAPercentBlocked", percent_blocked},
      {"ImpervaAACountry", country},
      {"ImpervaAAPlatform", platform},
      {"ImpervaAADominantIps", dominant_ips},
      {"ImpervaAASampleEvents", sample_events},
      {"ImpervaAAAttackType", attack_type},
      {"ImpervaAADominantSiteIds", dominant_site_ids},
      {"ImpervaAACves", cves},
  }}};

  static constexpr std::array<int, custom_string_count + 1> usual_custom_slots{{
      no_slot, event_count, percent_blocked, country, platform, dominant_ips, sample_events,
      attack_type, dominant_site_ids, cves, no_slot, no_slot,
  }};

  static constexpr std::array<line_source, 3> line_sources{{
      {line_part::name, name},
      {line_part::severity, severity},
      {line_part::whole_line, original},
  }};

  static constexpr std::array<field_row, 33> fields{{
      {"@timestamp", conversion::timestamp_ms, start, end},
      {"event.kind", conversion::constant, no_slot, no_slot, "alert"},
      {"event.category", conversion::constant_json, no_slot, no_slot, R"(["intrusion_detection"])"},
      {"event.type", conversion::constant_json, no_slot, no_slot, R"(["info"])"},
      {"event.start", conversion::timestamp_ms, start},
      {"event.end", conversion::timestamp_ms, end},
      {"event.duration", conversion::duration_ns, start, end},
      {"event.module", conversion::constant, no_slot, no_slot, "imperva"},
      {"event.dataset", conversion::constant, no_slot, no_slot, "imperva.attack_analytics"},
      {"event.original", conversion::text, original},
      {"observer.vendor", conversion::constant, no_slot, no_slot, "Imperva"},
      {"observer.product", conversion::constant, no_slot, no_slot, "Attack Analytics"},
      {"message", conversion::text, message},
      {"rule.description", conversion::text, name},
      {"source.address", conversion::text, source_ip},
      {"source.ip", conversion::ip, source_ip},
      {"source.geo.country_name", conversion::text, country},
      {"destination.domain", conversion::text, destination_domain},
      {"url.original", conversion::text, request},
      {"user_agent.original", conversion::text, user_agent},
      {"vulnerability.id", conversion::text_list, cves},
      {"related.ip", conversion::related_ips, source_ip, dominant_ips},
      {"related.hosts", conversion::related_hosts, destination_domain},
      {"imperva.attack_analytics.severity", conversion::text, severity},
      {"imperva.attack_analytics.event_count", conversion::integer, event_count},
      {"imperva.attack_analytics.percent_blocked", conversion::number, percent_blocked},
      {"imperva.attack_analytics.platform", conversion::text, platform},
      {"imperva.attack_analytics.dominant_ips", conversion::text_list, dominant_ips},
      {"imperva.attack_analytics.sample_event_ids", conversion::text_list, sample_events},
      {"imperva.attack_analytics.attack_type", conversion::text, attack_type},
      {"imperva.attack_analytics.dominant_site_ids", conversion::text_list, dominant_site_ids},
      {"labels", conversion::unmapped_keys},
      {"error.message", conversion::failures},
  }};
};
static_assert(fields_are_grouped(attack_analytics_profile::fields),
              "Attack Analytics fields must be grouped by parent object");
static_assert(rows_are_complete(attack_analytics_profile::fields, attack_analytics_profile::slot_count),
              "every Attack Analytics slot is read, and failures are gathered last");

}  // namespace imperva_cef::ecs
