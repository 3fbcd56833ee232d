#pragma once
// Writing a label map into managed storage, shared by AI results and edited structure sets.
#include "metis/core/Volume.h"
#include "metis/database/ManagedStorage.h"

namespace metis::db {

/// Writes `labels` as NIfTI into storage (content-addressed, through a temporary file that is
/// removed however the call ends) and makes it durable before returning, so a database row
/// that points at it can be committed next. Throws naming the problem (e.g. a full disk).
ManagedStorage::StoredFile storeLabelMap(ManagedStorage& storage, const LabelMap& labels);

} // namespace metis::db
