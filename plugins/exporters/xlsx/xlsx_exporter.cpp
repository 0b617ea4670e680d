// Writes matrix.xlsx, the recommendation-to-SDG matrix workbook (docs/exporters/xlsx.md):
// Overview, Matrix, Targets, GCM, Documents and Reference sheets, with libxlsxwriter.
//
// Scores are the analyzers' annotations, never recomputed. Every sheet is written strictly
// row by row, so that libxlsxwriter's constant-memory mode (on by itself for large corpora)
// can flush each row as soon as the next one starts: Matrix, Targets and GCM in one pass
// over the recommendations, the summaries after it.
#include <string>

#include <dossier/domain/citation.hpp>
#include <dossier/domain/reference_data.hpp>
#include <dossier/dossier.hpp>

#include "matrix_workbook.hpp"
#include "settings.hpp"

namespace {

using namespace dossier;
using namespace dossier::xlsx;

class XlsxExporter final : public Exporter {
 public:
  static constexpr const char* needs[] = {"sdg", "gcm"};  // the matrix and the GCM sheet
  static constexpr OptionSpec options[] = {
      {"language", OptionType::text, "", "language of goal and target titles: en, fr, es, ru, ar or zh (default: the job's)"},
      {"sheets", OptionType::list, "", "the sheets to write (default: all six, and State when the corpus has UPR reports)"},
      {"threshold", OptionType::number, "0", "lowest score shown, 0 to 1"},
      {"constant_memory", OptionType::text, "auto", "true, false, or auto (constant memory above constant_memory_above)"},
      {"constant_memory_above", OptionType::integer, "20000", "recommendations above which auto means constant memory"},
  };

  static constexpr const char* default_file = "matrix.xlsx";

  void write(const CorpusView& view, const std::string& file_name, OutputSink& out, Context& context) override {
    const Settings settings = read_settings(view, context);
    const OutputFile& file = out.create(file_name);
    MatrixWorkbook workbook(file, settings, view, context);
    workbook.write();
    if (workbook.unknown_codes() > 0)
      context.warn(std::to_string(workbook.unknown_codes()) +
                   " annotations left out: their codes are no SDG goal, SDG target or GCM objective");
    if (workbook.left_out() > 0)
      context.warn(std::to_string(workbook.left_out()) + " rows left out beyond Excel's limit of 1,048,576 rows");
    // The cell counts let bench/xlsx compare with raw libxlsxwriter writing the same cells.
    context.info("wrote " + file_name + ": " + std::to_string(workbook.rows()) + " rows, " +
                 std::to_string(workbook.text_cells()) + " text, " + std::to_string(workbook.number_cells()) +
                 " number and " + std::to_string(workbook.date_cells()) + " date cells" +
                 (settings.constant_memory ? " (constant memory)" : ""));
  }
};

}  // namespace

DOSSIER_PLUGIN(exporter, XlsxExporter, "xlsx", "0.1.0",
               "The recommendation-to-SDG matrix workbook (Overview, Matrix, Targets, GCM, State, Documents, "
               "Reference) as matrix.xlsx")
