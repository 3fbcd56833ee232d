// One file in a folder handed to the importer: the DICOM header scan (nesting guard, DCMTK
// parse, series assembly) and, when it forms a loadable series, decoding its pixels.
#include "FuzzInput.h"
#include "metis/core/Progress.h"
#include "metis/imaging/DicomSeriesReader.h"
#include "metis/imaging/ImageLoading.h"

#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = fuzz::writeInput(data, size, "instance.dcm");
    metis::NullProgressSink quiet;
    try {
        const metis::imaging::SeriesScan scan =
            metis::imaging::scanDicomFolder(file.parent_path(), quiet);
        for (const auto& series : scan.series) {
            if (series.loadable) {
                (void)metis::imaging::loadSeries(series, quiet);
            }
        }
    } catch (const std::exception&) {
    }
    return 0;
}
