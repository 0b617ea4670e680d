// The logistic function, shared by scoring (classifier.cpp) and training
// (classifier_training.cpp).
#pragma once

#include <cmath>

namespace dossier::classifier::detail {

inline double sigmoid(double z) { return z >= 0 ? 1 / (1 + std::exp(-z)) : std::exp(z) / (1 + std::exp(z)); }

}  // namespace dossier::classifier::detail
