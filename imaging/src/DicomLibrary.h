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

/// A person's or a thing's name or description (PN, LO, SH, ST, LT and the like) as Metis keeps
/// it: decoded from the Specific Character Set the dataset declares (ISO 8859 parts, UTF-8, the
/// ISO 2022 sets through DCMTK), trailing padding removed, and made displayable (core
/// `displayableText`: no control characters or direction overrides; undecodable bytes read as
/// ISO 8859-1). `specificCharacterSet` is the dataset's (0008,0005), all values.
std::string decodedText(DcmItem& item, const DcmTagKey& tag,
                        const std::string& specificCharacterSet);

} // namespace metis::imaging::detail
