// Version of the Dossier SDK and of the plugin ABI.
#pragma once

#define DOSSIER_VERSION_MAJOR 0
#define DOSSIER_VERSION_MINOR 1
#define DOSSIER_VERSION_PATCH 0
#define DOSSIER_VERSION_STRING "0.1.0"

/// Bumped whenever the plugin descriptor, the interfaces or the model change layout.
/// The host refuses plugins built for another value, and plugins whose layout fingerprint
/// (detail/layout.hpp) differs from its own; CI compares the SDK's ABI with the last release's
/// (sdk/abi/) and fails on a change this number does not announce.
#define DOSSIER_ABI_VERSION 6

/// Symbols exported from libdossier_sdk.
#if defined(_WIN32)
#define DOSSIER_SDK_API __declspec(dllexport)
#else
#define DOSSIER_SDK_API __attribute__((visibility("default")))
#endif

/// Every SDK type lives in an inline namespace named after the ABI version, so a plugin
/// compiled against another ABI fails to link against this SDK instead of misbehaving.
#define DOSSIER_ABI_PASTE_(a, b) a##b
#define DOSSIER_ABI_NAMESPACE_NAME_(v) DOSSIER_ABI_PASTE_(abi_v, v)
#define DOSSIER_ABI_NAMESPACE_BEGIN inline namespace DOSSIER_ABI_NAMESPACE_NAME_(DOSSIER_ABI_VERSION) {
#define DOSSIER_ABI_NAMESPACE_END }

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN
/// Version of the SDK library loaded at run time ("0.1.0").
DOSSIER_SDK_API const char* sdk_version() noexcept;
DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
