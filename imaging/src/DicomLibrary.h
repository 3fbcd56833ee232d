#pragma once
// Internal to metis_imaging: one-time, thread-safe DCMTK set-up shared by every DICOM reader and
// writer in the library.

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <string>

namespace metis::imaging::detail {

/// Registers the JPEG, JPEG-LS and RLE decoders and encoders once per process and routes DCMTK's
/// own console logging to errors only (Metis reports problems itself, per file and series).
void initialiseDicomLibrary();

/// The attribute's value as written (all values, backslash-separated), empty when absent.
inline std::string tagText(DcmItem& item, const DcmTagKey& tag) {
    OFString value;
    item.findAndGetOFStringArray(tag, value);
    return value.c_str();
}

} // namespace metis::imaging::detail
