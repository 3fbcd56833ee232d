// A series' grid as the database stores it (series.geometry_json), written by the series and
// research-volume imports and read back to match a mask to its image.
#include "ImportSteps.h"
#include "metis/core/Json.h"

namespace metis::db::importer {

std::string geometryJson(const ImageGeometry& g) {
    JsonWriter json;
    json.beginObject().key("size").beginArray();
    for (auto s : g.size) {
        json.value(static_cast<std::int64_t>(s));
    }
    json.endArray().key("spacing").beginArray();
    for (double s : g.spacing) {
        json.value(s);
    }
    json.endArray().key("origin").beginArray();
    for (double o : g.origin) {
        json.value(o);
    }
    json.endArray().key("direction").beginArray();
    for (const auto& row : g.direction) {
        for (double d : row) {
            json.value(d);
        }
    }
    json.endArray().endObject();
    return json.str();
}

std::optional<ImageGeometry> parseGeometryJson(const std::string& json) {
    std::vector<double> numbers;
    for (std::size_t at = 0; at < json.size();) {
        const char c = json[at];
        if (c == '-' || (c >= '0' && c <= '9')) {
            std::size_t used = 0;
            numbers.push_back(std::stod(json.substr(at), &used));
            at += used;
        } else {
            ++at;
        }
    }
    if (numbers.size() != 18) {
        return std::nullopt;
    }
    ImageGeometry g;
    for (int i = 0; i < 3; ++i) {
        g.size[i] = static_cast<std::int64_t>(numbers[i]);
        g.spacing[i] = numbers[3 + i];
        g.origin[i] = numbers[6 + i];
        for (int j = 0; j < 3; ++j) {
            g.direction[i][j] = numbers[9 + 3 * i + j];
        }
    }
    return g;
}

} // namespace metis::db::importer
