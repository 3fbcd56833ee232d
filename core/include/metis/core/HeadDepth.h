#pragma once
// How deep inside the head a voxel lies, slice by slice: the basis of the intracranial
// restriction that GTV post-processing applies (ModelPackage's GtvPostProcessing).

#include "metis/core/Volume.h"

namespace metis {

/// For each slice k of `head` (non-zero = head tissue), the in-plane distance in mm from every
/// pixel to the nearest pixel of the air around the head: background pixels 4-connected to the
/// slice border. Air pixels get 0. Dark regions enclosed by the head (skull, ventricles, cavities)
/// are not air, so they get their depth like tissue. A slice without any air (the head fills
/// it) gets +infinity everywhere. The result is on head's grid.
ImageVolume depthInsideHeadMm(const LabelMap& head);

} // namespace metis
