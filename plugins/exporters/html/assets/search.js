// The html exporter's search (search.html): every word of the query must occur in a paragraph
// of the index in assets/search-index.js (window.dossierSearch, a script, since pages opened
// from file:// cannot fetch JSON). Case and accents do not matter; Chinese and other text
// without spaces is matched as written. Results are built with textContent only.
(function () {
  "use strict";
  var index = window.dossierSearch;
  var form = document.getElementById("search");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("results");
  if (!index || !form) return;
  var limit = 200;
  var fold = function (text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  };
  var folded = null;  // the entries' texts folded once, on the first search

  var snippet = function (text, at, length) {
    var start = Math.max(0, at - 120);
    var end = Math.min(text.length, at + length + 200);
    var p = document.createElement("p");
    p.className = "result-text";
    p.appendChild(document.createTextNode((start > 0 ? "\u2026" : "") + text.slice(start, at)));
    var mark = document.createElement("mark");
    mark.textContent = text.slice(at, at + length);
    p.appendChild(mark);
    p.appendChild(document.createTextNode(text.slice(at + length, end) + (end < text.length ? "\u2026" : "")));
    return p;
  };

  var run = function (query) {
    while (list.firstChild) list.removeChild(list.firstChild);
    var words = fold(query).split(/[\s\u3000]+/).filter(function (w) { return w.length > 0; });
    if (words.length === 0) {
      status.textContent = "";
      return;
    }
    if (!folded) folded = index.entries.map(function (e) { return fold(e[4]); });
    var found = [];
    for (var i = 0; i < folded.length; i++) {
      var text = folded[i];
      var all = true;
      for (var w = 0; w < words.length && all; w++) all = text.indexOf(words[w]) >= 0;
      if (all) found.push(i);
    }
    if (found.length === 0) {
      status.textContent = form.getAttribute("data-none").replace("{1}", query);
      return;
    }
    var first = found.length > limit ? form.getAttribute("data-first").replace("{1}", String(limit)) : "";
    status.textContent = form.getAttribute("data-count").replace("{1}", String(found.length))
      .replace("{2}", query).replace("{3}", first);
    found.slice(0, limit).forEach(function (i) {
      var e = index.entries[i];
      var doc = index.documents[e[0]];
      var li = document.createElement("li");
      li.lang = e[2];
      var link = document.createElement("a");
      link.href = "documents/" + encodeURIComponent(doc[0]) + ".html#" + encodeURIComponent(e[1]);
      link.textContent = e[3];
      var where = document.createElement("p");
      where.className = "result-where";
      where.appendChild(link);
      li.appendChild(where);
      // The match in the text as printed: folding keeps the length of most texts.
      var at = folded[i].indexOf(words[0]);
      var original = e[4];
      li.appendChild(fold(original).length === original.length ? snippet(original, at, words[0].length)
                                                                : snippet(original, 0, 0));
      li.dir = "auto";
      list.appendChild(li);
    });
  };

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  var siteInput = document.getElementById("site-q");
  if (siteInput) siteInput.value = query;
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    run(input.value);
    if (window.history && window.history.replaceState)
      window.history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
  });
  run(query);
})();
