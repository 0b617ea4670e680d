// The html exporter's script for the matrix (filters) and documents (language versions).
// Plain JavaScript, no library, nothing fetched; the pages work without it.
(function () {
  "use strict";

  // The matrix: every <select data-filter="goals|targets|gcm|doc|states|pos|langs"> keeps the
  // rows whose data-<filter> holds " value "; the count is announced in #shown (role=status).
  var form = document.getElementById("filters");
  var table = document.getElementById("matrix");
  if (form && table) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var shown = document.getElementById("shown");
    var template = shown.getAttribute("data-template");
    var apply = function () {
      var wanted = [];
      selects.forEach(function (s) {
        if (s.value !== "") wanted.push(["data-" + s.getAttribute("data-filter"), " " + s.value + " "]);
      });
      var count = 0;
      rows.forEach(function (row) {
        var keep = wanted.every(function (w) {
          return (row.getAttribute(w[0]) || "").indexOf(w[1]) >= 0;
        });
        row.hidden = !keep;
        if (keep) count++;
      });
      shown.textContent = template.replace("{1}", String(count)).replace("{2}", String(rows.length));
      var params = new URLSearchParams();
      selects.forEach(function (s) {
        if (s.value !== "") params.set(s.id, s.value);
      });
      var query = params.toString();
      if (window.history && window.history.replaceState)
        window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
    };
    selects.forEach(function (s) {
      s.addEventListener("change", apply);
    });
    form.addEventListener("reset", function () {
      window.setTimeout(apply, 0);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      apply();
    });
    // Filters given in the address (index.html?f-goal=10) are applied on load.
    var given = new URLSearchParams(window.location.search);
    var any = false;
    selects.forEach(function (s) {
      var v = given.get(s.id);
      if (v !== null && s.querySelector('option[value="' + v.replace(/["\\]/g, "") + '"]')) {
        s.value = v;
        any = true;
      }
    });
    if (any) apply();
  }

  // A document's language versions side by side: the checked ones are shown.
  var versions = document.querySelector("fieldset.versions");
  if (versions) {
    var boxes = Array.prototype.slice.call(versions.querySelectorAll("input[type=checkbox]"));
    var texts = Array.prototype.slice.call(document.querySelectorAll(".texts > .text"));
    var initial = versions.getAttribute("data-shown") || "";
    boxes.forEach(function (b) {
      b.checked = initial.indexOf(" " + b.value + " ") >= 0;
    });
    var show = function () {
      var on = {};
      boxes.forEach(function (b) {
        on[b.value] = b.checked;
      });
      texts.forEach(function (t) {
        t.hidden = !on[t.getAttribute("data-lang")];
      });
    };
    boxes.forEach(function (b) {
      b.addEventListener("change", show);
    });
    show();
  }
})();
