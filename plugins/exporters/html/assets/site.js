// The html exporter's script for the matrix (filters) and documents (language versions).
// Plain JavaScript, no library, nothing fetched; the pages work without it.
(function () {
  "use strict";

  // The matrix: index.html holds its first page; every row is in window.dossierMatrix
  // (assets/matrix-rows.js). Every <select data-filter="goals|targets|gcm|doc|states|pos|langs">
  // keeps the rows that hold its value; the rows kept are shown a page at a time, and the count
  // and the rows shown are announced in #shown (role=status). Filters and page are in the address.
  var form = document.getElementById("filters");
  var table = document.getElementById("matrix");
  var data = window.dossierMatrix;
  if (form && table && data) {
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var shown = document.getElementById("shown");
    var nav = document.getElementById("pages");
    var buttons = Array.prototype.slice.call(nav.querySelectorAll("button[data-page]"));
    var heads = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) {
      return th.textContent;
    });
    var body = table.tBodies[0];
    var rows = data.rows;
    var size = data.page;
    var lang = document.documentElement.lang;
    var format = function (n) {
      try {
        return n.toLocaleString(lang + "-u-nu-latn");
      } catch (e) {
        return String(n);
      }
    };
    // What a row holds for each filter (the fields of assets/matrix-rows.js).
    var values = {
      goals: function (r) { return r[8]; },
      targets: function (r) { return r[9]; },
      gcm: function (r) { return r[10]; },
      states: function (r) { return r[11]; },
      pos: function (r) { return [r[7]]; },
      doc: function (r) { return [String(r[0])]; },
      langs: function (r) { return data.documents[r[0]][2]; },
    };
    var kept = [];
    var page = 0;
    var element = function (tag, text, className) {
      var e = document.createElement(tag);
      if (text) e.textContent = text;
      if (className) e.className = className;
      return e;
    };
    var code = function (list, text, className, title) {
      var li = element("li", text, className);
      if (title) li.title = title;
      list.appendChild(li);
    };
    var rowElement = function (r) {
      var tr = document.createElement("tr");
      var cells = heads.map(function (h) {
        var td = document.createElement("td");
        td.setAttribute("data-label", h);
        tr.appendChild(td);
        return td;
      });
      var text = element("p", r[1]);
      if (r[2]) {
        text.lang = r[2];
        text.dir = data.rtl[r[2]] ? "rtl" : "ltr";
      }
      cells[0].appendChild(text);
      cells[0].appendChild(element("p", r[3], "kind"));
      var a = element("a", r[5]);
      a.href = r[4];
      cells[1].appendChild(a);
      var doc = data.documents[r[0]];
      cells[2].textContent = doc[0];
      r[6].forEach(function (line, i) {
        if (i) cells[3].appendChild(document.createElement("br"));
        cells[3].appendChild(document.createTextNode(line));
      });
      cells[4].textContent = data.positions[r[7]] || "";
      cells[5].textContent = doc[1];
      if (r[8].length || r[9].length) {
        var sdgs = element("ul", "", "codes");
        r[8].forEach(function (g) {
          code(sdgs, data.labels.goal.replace("{1}", g), "goal g" + g, data.goals[g]);
        });
        r[9].forEach(function (t) {
          code(sdgs, t, "target g" + t.split(".")[0], data.targets[t]);
        });
        cells[6].appendChild(sdgs);
      }
      if (r[10].length) {
        var gcm = element("ul", "", "codes");
        r[10].forEach(function (o) {
          code(gcm, data.labels.objective.replace("{1}", o), "objective", data.objectives[o]);
        });
        cells[7].appendChild(gcm);
      }
      return tr;
    };
    var address = function () {
      var params = new URLSearchParams();
      selects.forEach(function (s) {
        if (s.value !== "") params.set(s.id, s.value);
      });
      if (page > 0) params.set("page", String(page + 1));
      var query = params.toString();
      if (window.history && window.history.replaceState)
        window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
    };
    var render = function () {
      var last = Math.max(0, Math.ceil(kept.length / size) - 1);
      page = Math.min(Math.max(page, 0), last);
      var from = page * size;
      var to = Math.min(kept.length, from + size);
      var fragment = document.createDocumentFragment();
      for (var i = from; i < to; i++) fragment.appendChild(rowElement(rows[kept[i]]));
      while (body.firstChild) body.removeChild(body.firstChild);
      body.appendChild(fragment);
      shown.textContent =
        shown.getAttribute("data-template").replace("{1}", format(kept.length)).replace("{2}", format(rows.length)) + " " +
        shown.getAttribute("data-rows").replace("{1}", format(kept.length ? from + 1 : 0)).replace("{2}", format(to))
          .replace("{3}", format(kept.length));
      buttons.forEach(function (b) {
        var to = b.getAttribute("data-page");
        var off = (to === "first_page" || to === "previous_page") ? page === 0 : page === last;
        b.setAttribute("aria-disabled", off ? "true" : "false");
      });
      nav.hidden = last === 0;
      address();
    };
    var apply = function () {
      var wanted = [];
      selects.forEach(function (s) {
        if (s.value !== "") wanted.push([values[s.getAttribute("data-filter")], s.value]);
      });
      kept = [];
      for (var i = 0; i < rows.length; i++) {
        var r = rows[i];
        var keep = true;
        for (var w = 0; w < wanted.length && keep; w++) keep = wanted[w][0](r).indexOf(wanted[w][1]) >= 0;
        if (keep) kept.push(i);
      }
      page = 0;
      render();
    };
    buttons.forEach(function (b) {
      b.addEventListener("click", function () {
        if (b.getAttribute("aria-disabled") === "true") return;
        var to = b.getAttribute("data-page");
        page = to === "first_page" ? 0 : to === "previous_page" ? page - 1 : to === "next_page" ? page + 1 : Infinity;
        render();
        // The new rows from their start: the table takes the focus (Tab leads through the rows
        // to these buttons again).
        table.focus({ preventScroll: true });
        table.scrollIntoView({ block: "start" });
      });
    });
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
    // Filters and the page given in the address (index.html?f-goal=10&page=2) apply on load.
    var given = new URLSearchParams(window.location.search);
    selects.forEach(function (s) {
      var v = given.get(s.id);
      if (v !== null && s.querySelector('option[value="' + v.replace(/["\\]/g, "") + '"]')) s.value = v;
    });
    apply();
    var asked = parseInt(given.get("page") || "1", 10);
    if (asked > 1) {
      page = asked - 1;
      render();
    }
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
