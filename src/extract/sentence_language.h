// A sentence without letters (a headline "٥٢٥", a table cell "1.1") has no
// language of its own: it takes the document's.
#pragma once

#include <vector>

#include "factlint/document.h"
#include "factlint/segment.h"

namespace factlint {

// Gives every "und" sentence the document's declared language (front
// matter, JSON `lang`, --meta; "ar+en" counts as "ar"), else the language
// most of its other sentences are in.
void LanguageForUndetermined(const Document& doc, std::vector<Sentence>* sentences);

}  // namespace factlint
