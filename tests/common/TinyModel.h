#pragma once
// The smallest MTSA-Net configuration the tests run: 64 px input, base width 4, 16-wide tokens.
// A random-weight package of it runs a whole synthetic series on a CPU in about a second.
#include "metis/models/ModelPackage.h"

namespace test_tools {

inline metis::models::ModelPackageMetadata tinyModelMetadata() {
    metis::models::ModelPackageMetadata m;
    m.architecture.inputSize = 64;
    m.architecture.baseWidth = 4;
    m.architecture.embedDim = 16;
    m.architecture.attentionHeads = 2;
    m.architecture.mlpRatio = 2;
    m.architecture.dropout = 0.0;
    m.preprocessing.inputSize = 64;
    m.preprocessing.fieldOfViewMm = 240.0;
    return m;
}

} // namespace test_tools
