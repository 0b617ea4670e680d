// Page layout on top of libharu: a cursor that flows down the page, wrapped and paginated
// text in any direction, simple shapes, bookmarks, internal links, running heads and
// "Page n of N" footers added once the page count is known.
#pragma once

#include <hpdf.h>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fonts.hpp"
#include "text.hpp"

namespace dossier::pdf {

struct Rgb {
  double r = 0, g = 0, b = 0;
};
/// "#RRGGBB" -> colour (black when malformed).
Rgb rgb(std::string_view hex);
/// `c` mixed with white: 0 = white, 1 = c.
Rgb tint(Rgb c, double amount);

struct Style {
  double size = 10;
  Weight weight = Weight::regular;
  Rgb colour{0.13, 0.13, 0.13};
  double leading = 1.35;  ///< line height as a multiple of the size
};

/// Where text sits in its box. `start` and `end` follow the page's direction (start is the
/// left of a left-to-right page, the right of a right-to-left one); `natural` follows the
/// text's own direction, for running text quoted in another script than the page's.
enum class Align { start, centre, end, natural };

/// A rectangle on one page (PDF units, origin bottom left).
struct Box {
  int page = -1;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

class Canvas {
 public:
  /// `rtl`: the document reads right to left, so mirrored() swaps sides.
  Canvas(HPDF_Doc doc, Fonts& fonts, double page_width, double page_height, bool rtl);

  // Geometry of the text area; y() is the top of what comes next.
  double left() const { return left_; }
  double right() const { return right_; }
  double width() const { return right_ - left_; }
  double y() const { return y_; }
  double bottom() const { return bottom_; }
  bool rtl() const { return rtl_; }
  int page_count() const { return static_cast<int>(pages_.size()); }
  int page_index() const { return page_count() - 1; }

  void new_page();
  void move_down(double d) { y_ -= d; }
  void set_y(double y) { y_ = y; }
  double page_width() const { return page_width_; }
  double page_height() const { return page_height_; }
  bool fits(double height) const { return y_ - height >= bottom_; }
  /// Starts a new page unless `height` still fits below the cursor.
  void ensure(double height) {
    if (!fits(height)) new_page();
  }
  /// x of a box of width `w` placed at `x` in a left-to-right page, mirrored in an RTL one.
  double mirrored(double x, double w) const { return rtl_ ? left_ + right_ - x - w : x; }

  double line_height(const Style& s) const { return s.size * s.leading; }
  Wrapped wrap(std::string_view text, const Style& style, double width);
  double text_width(std::string_view text, const Style& style);
  /// Height the text would take wrapped to `width`.
  double height_of(std::string_view text, const Style& style, double width);

  /// Wrapped text from the cursor between x0 and x0 + width, starting new pages as needed;
  /// moves the cursor below it. Returns the box of the text on its first page.
  Box paragraph(std::string_view text, const Style& style, double x0, double width, Align align = Align::natural);
  /// One line with its baseline at `baseline`, shortened with an ellipsis to fit `width`.
  /// Returns the width drawn.
  double line(std::string_view text, const Style& style, double x0, double baseline, double width,
              Align align = Align::start);

  void rect(double x, double y, double w, double h, Rgb fill);
  void rule(double x0, double x1, double y, Rgb colour, double line_width = 0.5);

  /// A bookmark to the cursor position; level 0 is the top.
  void bookmark(std::string_view title, int level);
  /// Names the cursor position as a link target.
  void anchor(const std::string& key);
  /// Makes `box` a link to the anchor `key` (resolved in finish()).
  void link(const Box& box, const std::string& key);
  /// Makes `box` a link to a web address (an ASCII URI: a document in the UN's system).
  void uri_link(const Box& box, const std::string& uri);

  /// Running head (from the second page), footer with `page_label(n, N)` and the links;
  /// then the recorded pages are written into the document (render()). Nothing may be drawn
  /// after it.
  void finish(std::string_view head_start, std::string_view head_end, std::string_view foot_start,
              const std::function<std::string(int, int)>& page_label);

 private:
  // What is drawn is recorded, page by page, and written into libharu only in finish(): by
  // then every character drawn is known, so each font is embedded as a subset of just those
  // glyphs (Fonts::font()), which is most of what a brief costs to write otherwise.
  struct Run {
    int face;
    double x;
    std::string utf8;
  };
  struct Op {
    enum class Kind : unsigned char { text, rect, rule, forget_pen } kind;
    Rgb colour;
    double a = 0, b = 0, c = 0, d = 0;  ///< text: baseline, size; rect: x, y, w, h; rule: x0, x1, y, width
    Weight weight = Weight::regular;    ///< text
    std::size_t runs = 0, runs_end = 0;  ///< text: runs_[runs..runs_end)
  };
  struct Bookmark {
    std::string title;
    int level, page;
    double y;
  };
  void draw(const Line& line, const Style& style, double x, double baseline);
  /// Writes the recorded pages, bookmarks and links into the document.
  void render();
  void replay(HPDF_Page page, const Op& op);
  // The page's drawing state as last set, so that an operator is written only when it
  // changes (a brief sets colours, width and font for every line otherwise: most of its
  // content stream, compressed and written again and again). Unknown whenever a page is
  // revisited (for its running heads).
  void set_page(int page);
  void fill(HPDF_Page page, Rgb c);
  void stroke(HPDF_Page page, Rgb c, double width);
  void text_mode(HPDF_Page page, bool fill_then_stroke);
  void font(HPDF_Page page, HPDF_Font font, double size);
  struct Pen {
    bool fill_known = false, stroke_known = false, mode_known = false;
    Rgb fill, stroke;
    double width = 0;
    bool fill_then_stroke = false;
    HPDF_Font font = nullptr;
    double size = 0;
  } pen_;
  double aligned_x(double x0, double width, double line_width, Align align, bool line_rtl) const;

  HPDF_Doc doc_;
  Fonts& fonts_;
  double page_width_, page_height_;
  bool rtl_;
  double left_, right_, top_, bottom_, y_;
  std::vector<std::vector<Op>> pages_;  ///< what each page draws, in order
  std::vector<Run> runs_;
  std::vector<Bookmark> bookmarks_;
  int current_ = -1;  ///< the page being drawn on: the last one, except while finish() adds heads
  std::map<std::string, std::pair<int, double>> anchors_;
  std::vector<std::pair<Box, std::string>> links_;
  std::vector<std::pair<Box, std::string>> uri_links_;
};

}  // namespace dossier::pdf
