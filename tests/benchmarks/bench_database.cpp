// Database figures: import (indexing) rate on 20,000 generated DICOM instances, and the patient
// browser's filtered page query on a 10,000-patient database.
#include "../database/ImportFixtures.h"
#include "BenchStats.h"
#include "metis/database/Importer.h"

#include <filesystem>
#include <unistd.h>

using namespace metis;
namespace fs = std::filesystem;

int main() {
    const fs::path root =
        fs::temp_directory_path() / ("metis-bench-db-" + std::to_string(::getpid()));
    fs::remove_all(root);
    constexpr int kSeries = 100;
    constexpr int kSlices = 200;
    double start = bench::nowMs();
    for (int s = 0; s < kSeries; ++s) {
        fixtures::writePatient(root / "data", "B" + std::to_string(s), 16, kSlices);
    }
    std::printf("generated %d instances in %.1f s\n", kSeries * kSlices,
                (bench::nowMs() - start) / 1000);

    {
        db::PatientDatabase database((root / "db" / "metis.db").string());
        NullProgressSink quiet;
        start = bench::nowMs();
        const auto report = db::importPaths(database, {(root / "data").string()}, {}, quiet);
        const double seconds = (bench::nowMs() - start) / 1000;
        std::printf("import: %zu instances in %.2f s = %.0f instances/s (target >= 5000/s)\n",
                    report.instancesImported, seconds,
                    static_cast<double>(report.instancesImported) / seconds);
        start = bench::nowMs();
        const auto again = db::importPaths(database, {(root / "data").string()}, {}, quiet);
        std::printf("re-import of the same files (nothing to add, %zu series present): %.2f s\n",
                    again.seriesAlreadyPresent, (bench::nowMs() - start) / 1000);
    }

    // Through the public API, one change at a time (WAL with synchronous=NORMAL: well under a
    // second for the 10,000 patients; not part of the figure).
    db::PatientDatabase big((root / "big" / "metis.db").string());
    for (int p = 0; p < 10000; ++p) {
        char id[16];
        std::snprintf(id, sizeof id, "P%05d", p);
        const auto ref = big.upsertPatient({id, std::string("NAME^") + id, "", ""});
        char date[16];
        std::snprintf(date, sizeof date, "20%02d-%02d-%02d", 18 + p % 5, 1 + p % 12, 1 + p % 28);
        big.setClinicalLabel(ref, p % 3 ? db::EgfrStatus::Mutant : db::EgfrStatus::WildType, date,
                             "csv");
    }
    std::vector<double> ms;
    for (int i = 0; i < 20; ++i) {
        db::PatientQuery query;
        query.text = "P0";
        query.egfr = db::EgfrStatus::Mutant;
        query.dateFrom = "2019-01-01";
        query.sort = db::PatientQuery::Sort::DiagnosisDate;
        query.offset = 100 * i;
        query.limit = 100;
        start = bench::nowMs();
        const auto page = big.listPatients(query);
        ms.push_back(bench::nowMs() - start);
        if (i == 0) {
            std::printf("filtered page: %zu rows of %lld matching\n", page.rows.size(),
                        static_cast<long long>(page.totalMatching));
        }
    }
    bench::printSummary("10,000-patient list page with filters (target <= 50 ms)", ms);
    fs::remove_all(root);
    return 0;
}
