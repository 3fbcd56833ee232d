#pragma once
// Internal to metis_imaging: one-time, thread-safe DCMTK set-up shared by every DICOM reader and
// writer in the library.

namespace metis::imaging::detail {

/// Registers the JPEG, JPEG-LS and RLE decoders and encoders once per process and routes DCMTK's
/// own console logging to errors only (Metis reports problems itself, per file and series).
void initialiseDicomLibrary();

} // namespace metis::imaging::detail
