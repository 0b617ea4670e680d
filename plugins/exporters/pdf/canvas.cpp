#include "canvas.hpp"

#include <algorithm>
#include <cstdlib>

namespace dossier::pdf {

namespace {
const Rgb kMuted{0.35, 0.38, 0.42};
const Rgb kRule{0.72, 0.75, 0.78};
}  // namespace

Rgb rgb(std::string_view hex) {
  if (hex.size() != 7 || hex[0] != '#') return {};
  const long v = std::strtol(std::string(hex.substr(1)).c_str(), nullptr, 16);
  return {((v >> 16) & 0xFF) / 255.0, ((v >> 8) & 0xFF) / 255.0, (v & 0xFF) / 255.0};
}

Rgb tint(Rgb c, double amount) {
  amount = std::clamp(amount, 0.0, 1.0);
  return {1 - (1 - c.r) * amount, 1 - (1 - c.g) * amount, 1 - (1 - c.b) * amount};
}

Canvas::Canvas(HPDF_Doc doc, Fonts& fonts, double page_width, double page_height, bool rtl)
    : doc_(doc), fonts_(fonts), page_width_(page_width), page_height_(page_height), rtl_(rtl) {
  // About 20 mm at the sides; room for the running head and the footer.
  left_ = 56;
  right_ = page_width - 56;
  top_ = page_height - 62;
  bottom_ = 58;
  new_page();
}

void Canvas::new_page() {
  pages_.emplace_back();
  current_ = page_index();
  y_ = top_;
}

Wrapped Canvas::wrap(std::string_view text, const Style& style, double width) {
  const double size = style.size;
  const Weight w = style.weight;
  return pdf::wrap(text, width, [&](char32_t c) { return fonts_.advance(c, w) * size; }, rtl_);
}

double Canvas::text_width(std::string_view text, const Style& style) {
  const double size = style.size;
  const Weight w = style.weight;
  return single_line(text, [&](char32_t c) { return fonts_.advance(c, w) * size; }, rtl_).width;
}

double Canvas::height_of(std::string_view text, const Style& style, double width) {
  return static_cast<double>(wrap(text, style, width).lines.size()) * line_height(style);
}

void Canvas::set_page(int page) {
  current_ = page;
  pages_[static_cast<std::size_t>(page)].push_back({Op::Kind::forget_pen, {}});
}

namespace {
bool same(Rgb a, Rgb b) { return a.r == b.r && a.g == b.g && a.b == b.b; }
}  // namespace

void Canvas::fill(HPDF_Page page, Rgb c) {
  if (pen_.fill_known && same(pen_.fill, c)) return;
  HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g), static_cast<HPDF_REAL>(c.b));
  pen_.fill = c;
  pen_.fill_known = true;
}

void Canvas::stroke(HPDF_Page page, Rgb c, double width) {
  if (pen_.stroke_known && same(pen_.stroke, c) && pen_.width == width) return;
  HPDF_Page_SetRGBStroke(page, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g), static_cast<HPDF_REAL>(c.b));
  HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(width));
  pen_.stroke = c;
  pen_.width = width;
  pen_.stroke_known = true;
}

void Canvas::text_mode(HPDF_Page page, bool fill_then_stroke) {
  if (pen_.mode_known && pen_.fill_then_stroke == fill_then_stroke) return;
  HPDF_Page_SetTextRenderingMode(page, fill_then_stroke ? HPDF_FILL_THEN_STROKE : HPDF_FILL);
  pen_.fill_then_stroke = fill_then_stroke;
  pen_.mode_known = true;
}

void Canvas::font(HPDF_Page page, HPDF_Font font, double size) {
  if (pen_.font == font && pen_.size == size) return;
  HPDF_Page_SetFontAndSize(page, font, static_cast<HPDF_REAL>(size));
  pen_.font = font;
  pen_.size = size;
}

void Canvas::draw(const Line& line, const Style& style, double x, double baseline) {
  Op op{Op::Kind::text, style.colour, baseline, style.size};
  op.weight = style.weight;
  op.runs = runs_.size();
  for (pdf::Run& run : fonts_.runs(line.visual, style.weight)) {
    runs_.push_back({run.face, x, std::move(run.utf8)});
    x += run.width * style.size;
  }
  op.runs_end = runs_.size();
  pages_[static_cast<std::size_t>(current_)].push_back(op);
}

void Canvas::replay(HPDF_Page p, const Op& op) {
  switch (op.kind) {
    case Op::Kind::forget_pen:
      pen_ = Pen{};
      return;
    case Op::Kind::rect:
      fill(p, op.colour);
      HPDF_Page_Rectangle(p, static_cast<HPDF_REAL>(op.a), static_cast<HPDF_REAL>(op.b), static_cast<HPDF_REAL>(op.c),
                          static_cast<HPDF_REAL>(op.d));
      HPDF_Page_Fill(p);
      return;
    case Op::Kind::rule:
      stroke(p, op.colour, op.d);
      HPDF_Page_MoveTo(p, static_cast<HPDF_REAL>(op.a), static_cast<HPDF_REAL>(op.c));
      HPDF_Page_LineTo(p, static_cast<HPDF_REAL>(op.b), static_cast<HPDF_REAL>(op.c));
      HPDF_Page_Stroke(p);
      return;
    case Op::Kind::text: {
      const double size = op.b;
      fill(p, op.colour);
      HPDF_Page_BeginText(p);
      for (std::size_t r = op.runs; r < op.runs_end; ++r) {
        const Run& run = runs_[r];
        // No bold face for this script (Arabic, Chinese): embolden by stroking the outlines.
        const bool fake_bold = op.weight == Weight::bold && fonts_.weight(run.face) != Weight::bold;
        if (fake_bold) stroke(p, op.colour, size * 0.035);
        text_mode(p, fake_bold);
        font(p, fonts_.font(run.face), size * fonts_.scale(run.face));
        HPDF_Page_TextOut(p, static_cast<HPDF_REAL>(run.x), static_cast<HPDF_REAL>(op.a), run.utf8.c_str());
      }
      HPDF_Page_EndText(p);
      return;
    }
  }
}

double Canvas::aligned_x(double x0, double width, double line_width, Align align, bool line_rtl) const {
  if (align == Align::centre) return x0 + (width - line_width) / 2;
  const bool right = align == Align::natural ? line_rtl : (align == Align::start) == rtl_;
  return right ? x0 + width - line_width : x0;
}

Box Canvas::paragraph(std::string_view text, const Style& style, double x0, double width, Align align) {
  const Wrapped wrapped = wrap(text, style, width);
  const double lh = line_height(style);
  Box box;
  for (const Line& line : wrapped.lines) {
    ensure(lh);
    const double baseline = y_ - style.size;  // ascent is close to the size for these fonts
    const double x = aligned_x(x0, width, line.width, align, wrapped.rtl);
    draw(line, style, x, baseline);
    if (box.page < 0) box = {page_index(), x, y_ - lh, x + line.width, y_};
    y_ -= lh;
  }
  if (box.page < 0) box = {page_index(), x0, y_, x0, y_};
  return box;
}

double Canvas::line(std::string_view text, const Style& style, double x0, double baseline, double width,
                    Align align) {
  const double size = style.size;
  const Weight w = style.weight;
  const Advance advance = [&](char32_t c) { return fonts_.advance(c, w) * size; };
  bool rtl = false;
  Line l = single_line(text, advance, rtl_, &rtl);
  if (l.width > width) {
    // Shorten the logical text until it fits with an ellipsis.
    std::u32string logical = decode_utf8(text);
    const bool plain = !rtl_ && std::all_of(logical.begin(), logical.end(), plain_ltr);
    if (plain && !logical.empty()) {
      // Left to right without shaping or reordering (plain_ltr() characters on a
      // left-to-right page), a line is as wide as its advances added in order: the same
      // shortening found with prefix sums, then shaped once (not once per character cut).
      std::vector<double> prefix(logical.size() + 1, 0);
      for (std::size_t k = 0; k < logical.size(); ++k) prefix[k + 1] = prefix[k] + advance(logical[k]);
      const double ellipsis = advance(U'\u2026');
      std::size_t k = logical.size();
      for (double w = l.width; k > 0 && w > width;) {
        --k;
        while (k > 0 && logical[k - 1] == U' ') --k;
        w = prefix[k] + ellipsis;
      }
      logical.resize(k);
      l = single_line(encode_utf8(logical) + "\u2026", advance, rtl_, &rtl);
    }
    while (!plain && !logical.empty() && l.width > width) {
      logical.pop_back();
      while (!logical.empty() && logical.back() == U' ') logical.pop_back();
      l = single_line(encode_utf8(logical) + "\u2026", advance, rtl_, &rtl);
    }
  }
  draw(l, style, aligned_x(x0, width, l.width, align, rtl), baseline);
  return l.width;
}

void Canvas::rect(double x, double y, double w, double h, Rgb fill) {
  pages_[static_cast<std::size_t>(current_)].push_back({Op::Kind::rect, fill, x, y, w, h});
}

void Canvas::rule(double x0, double x1, double y, Rgb colour, double line_width) {
  pages_[static_cast<std::size_t>(current_)].push_back({Op::Kind::rule, colour, x0, x1, y, line_width});
}

void Canvas::bookmark(std::string_view title, int level) {
  bookmarks_.push_back({std::string(title), level, current_, y_});
}

void Canvas::anchor(const std::string& key) { anchors_.emplace(key, std::make_pair(page_index(), y_)); }

void Canvas::link(const Box& box, const std::string& key) { links_.emplace_back(box, key); }

void Canvas::uri_link(const Box& box, const std::string& uri) { uri_links_.emplace_back(box, uri); }

void Canvas::finish(std::string_view head_start, std::string_view head_end, std::string_view foot_start,
                    const std::function<std::string(int, int)>& page_label) {
  const Style head{7.5, Weight::regular, kMuted, 1.2};
  const int total = page_count();
  const double w = width();
  for (int i = 0; i < total; ++i) {
    set_page(i);
    if (i > 0) {
      const double base = page_height_ - 38;
      const double half = w / 2 - 6;
      line(head_start, head, mirrored(left_, half), base, half, Align::start);
      line(head_end, head, mirrored(left_ + w / 2 + 6, half), base, half, Align::end);
      rule(left_, right_, base - 6, kRule);
    }
    rule(left_, right_, 44, kRule);
    line(foot_start, head, mirrored(left_, w * 0.6), 32, w * 0.6, Align::start);
    line(page_label(i + 1, total), head, mirrored(right_ - w * 0.35, w * 0.35), 32, w * 0.35, Align::end);
  }
  current_ = page_index();
  render();
}

void Canvas::render() {
  std::vector<HPDF_Page> pages;
  for (const auto& ops : pages_) {
    HPDF_Page p = HPDF_AddPage(doc_);
    if (!p) return;  // the error handler has recorded why
    HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(page_width_));
    HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(page_height_));
    pages.push_back(p);
    pen_ = Pen{};
    for (const Op& op : ops) replay(p, op);
  }
  std::vector<HPDF_Outline> levels;
  for (const Bookmark& b : bookmarks_) {
    levels.resize(static_cast<std::size_t>(b.level));
    HPDF_Outline parent = b.level > 0 ? levels.back() : nullptr;
    HPDF_Outline o = HPDF_CreateOutline(doc_, parent, b.title.c_str(), HPDF_GetEncoder(doc_, "UTF-8"));
    if (!o) return;
    HPDF_Destination d = HPDF_Page_CreateDestination(pages[static_cast<std::size_t>(b.page)]);
    HPDF_Destination_SetFitH(d, static_cast<HPDF_REAL>(std::min(page_height_, b.y + 24)));
    HPDF_Outline_SetDestination(o, d);
    HPDF_Outline_SetOpened(o, HPDF_TRUE);
    levels.push_back(o);
  }
  const auto rect = [](const Box& box) {
    return HPDF_Rect{static_cast<HPDF_REAL>(box.x0), static_cast<HPDF_REAL>(box.y0), static_cast<HPDF_REAL>(box.x1),
                     static_cast<HPDF_REAL>(box.y1)};
  };
  for (const auto& [box, key] : links_) {
    const auto target = anchors_.find(key);
    if (target == anchors_.end() || box.page < 0) continue;
    HPDF_Destination d = HPDF_Page_CreateDestination(pages[static_cast<std::size_t>(target->second.first)]);
    HPDF_Destination_SetFitH(d, static_cast<HPDF_REAL>(std::min(page_height_, target->second.second + 12)));
    HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(pages[static_cast<std::size_t>(box.page)], rect(box), d);
    if (a) HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
  }
  for (const auto& [box, uri] : uri_links_) {
    if (box.page < 0) continue;
    HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(pages[static_cast<std::size_t>(box.page)], rect(box), uri.c_str());
    if (a) HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
  }
}

}  // namespace dossier::pdf
