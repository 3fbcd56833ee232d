// A series' grid as the database stores it (series.geometry_json), written by the series and
// research-volume imports and read back to match a mask to its image.
#include "ImportSteps.h"
#include "metis/core/Json.h"

#include <stdexcept>
#include <vector>

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
    try {
        const JsonValue document = parseJson(json, "series.geometry_json");
        auto numbers = [&](const char* key, std::size_t count) {
            const auto& items = document.at(key, "geometry").asArray(key);
            if (items.size() != count) {
                throw std::runtime_error(std::string("geometry: ") + key + " needs " +
                                         std::to_string(count) + " numbers");
            }
            std::vector<double> values;
            for (const auto& item : items) {
                values.push_back(item.asNumber(key));
            }
            return values;
        };
        const auto size = numbers("size", 3);
        const auto spacing = numbers("spacing", 3);
        const auto origin = numbers("origin", 3);
        const auto direction = numbers("direction", 9);
        ImageGeometry g;
        for (int i = 0; i < 3; ++i) {
            g.size[i] = static_cast<std::int64_t>(size[i]);
            g.spacing[i] = spacing[i];
            g.origin[i] = origin[i];
            for (int j = 0; j < 3; ++j) {
                g.direction[i][j] = direction[3 * i + j];
            }
        }
        return g;
    } catch (const std::runtime_error&) {
        return std::nullopt; // a grid that cannot be read matches no mask
    }
}

} // namespace metis::db::importer
