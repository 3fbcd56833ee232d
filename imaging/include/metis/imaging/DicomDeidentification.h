#pragma once
// De-identification of DICOM files for research cohorts: DICOM PS3.15 Annex E, the Basic
// Application Level Confidentiality Profile with the Retain Longitudinal Temporal Information
// with Full Dates and Retain Patient Characteristics options.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace metis::imaging {

struct DeidentificationProfile {
    /// Replaces Patient's Name and Patient ID (PS3.15 action Z: a dummy value).
    std::string pseudonym = "ANONYMOUS";
    /// Retain Longitudinal Temporal Information with Full Dates: study, series and acquisition
    /// dates and times are kept; otherwise they are emptied.
    bool retainLongitudinalTemporalInformation = true;
    /// Retain Patient Characteristics: sex, age, size, weight and the like are kept.
    bool retainPatientCharacteristics = true;
};

/// The same original UID is always replaced by the same new one, within one export, so that an
/// RTSTRUCT still references its images and frame of reference. UIDs defined by the standard
/// (SOP classes, transfer syntaxes, coding schemes: root 1.2.840.10008) are kept.
class UidRemapping {
public:
    std::string remap(const std::string& uid);
    const std::map<std::string, std::string>& map() const { return map_; }

private:
    std::map<std::string, std::string> map_;
};

/// The attributes the Basic Profile removes or empties (outside those kept by the options and
/// the UIDs it replaces), as (group, element); the tests list them from here and from the
/// standard's table independently.
std::vector<std::pair<unsigned, unsigned>>
basicProfileIdentifyingTags(const DeidentificationProfile& profile);

/// Writes a de-identified copy of a DICOM file: identifying attributes removed or emptied (also
/// inside sequences), private attributes removed, every instance UID replaced through `uids`,
/// Patient Identity Removed = YES and the method and its codes recorded. Pixel data are not
/// changed (burnt-in text is the modality's concern: MR has none). Throws std::runtime_error
/// naming the file when it cannot be read or written.
void deidentifyFile(const std::filesystem::path& input, const std::filesystem::path& output,
                    const DeidentificationProfile& profile, UidRemapping& uids);

} // namespace metis::imaging
