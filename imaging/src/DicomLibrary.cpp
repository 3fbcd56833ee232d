#include "DicomLibrary.h"

#include "metis/core/Text.h"

#include <cstdlib>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmdata/dcrleerg.h>
#include <dcmtk/dcmdata/dcspchrs.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpeg/djencode.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/dcmjpls/djencode.h>
#include <dcmtk/oflog/oflog.h>
#include <mutex>
#include <optional>

namespace metis::imaging::detail {

void initialiseDicomLibrary() {
    static std::once_flag once;
    std::call_once(once, [] {
        // Non-DICOM files in a scanned folder would otherwise flood stderr with parser warnings.
        OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
        DJDecoderRegistration::registerCodecs();
        DJLSDecoderRegistration::registerCodecs();
        DcmRLEDecoderRegistration::registerCodecs();
        // Lossless encoders keep the SOP Instance UID: the pixels do not change.
        DJEncoderRegistration::registerCodecs(ECC_lossyYCbCr, EUC_never);
        DJLSEncoderRegistration::registerCodecs(0, 0, 0, 0, OFTrue, 0, OFTrue, EJLSUC_never);
        DcmRLEEncoderRegistration::registerCodecs();
        // DCMTK leaves Nagle's algorithm on unless TCP_NODELAY=1 is in the environment (read at
        // every connection): each C-STORE then waits ~40 ms for a delayed ACK, 50 small
        // instances 1.6-2.6 s instead of 0.18 s on loopback. A site's own setting is kept.
        ::setenv("TCP_NODELAY", "1", 0);
    });
}

namespace {

std::string trimmedPadding(std::string text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\0')) {
        text.pop_back();
    }
    return text;
}

// Through DCMTK (iconv) for the character sets that need a table; nothing when it cannot.
std::optional<std::string> convertToUtf8(const std::string& raw, const std::string& characterSet) {
    DcmSpecificCharacterSet converter;
    OFString converted;
    if (converter.selectCharacterSet(characterSet.c_str(), "ISO_IR 192").bad() ||
        converter.convertString(OFString(raw.data(), raw.size()), converted).bad()) {
        return std::nullopt;
    }
    return std::string(converted.c_str(), converted.length());
}

} // namespace

std::string decodedText(DcmItem& item, const DcmTagKey& tag,
                        const std::string& specificCharacterSet) {
    OFString value;
    if (item.findAndGetOFStringArray(tag, value).bad()) {
        return {};
    }
    const std::string raw = trimmedPadding(std::string(value.c_str(), value.length()));
    const std::string characterSet = trimmedPadding(specificCharacterSet);
    std::string text = raw;
    if (characterSet == "ISO_IR 100") {
        text = latin1ToUtf8(raw);
    } else if (!characterSet.empty() && characterSet != "ISO_IR 6" &&
               characterSet != "ISO_IR 192") {
        text = convertToUtf8(raw, characterSet).value_or(raw);
    }
    // Undeclared or mis-declared text that is not UTF-8 is read as ISO 8859-1 here.
    return displayableText(text);
}

} // namespace metis::imaging::detail
