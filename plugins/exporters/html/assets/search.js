// The html exporter's search (search.html): every word of the query must occur in a block.
// assets/search-index.js lists the documents and languages; each language's blocks are in
// assets/search-index-<language>.js, a script (pages opened from file:// cannot fetch JSON)
// loaded when that language is first searched. Case and accents do not matter; Chinese and
// other text without spaces is matched as written. Results are built with textContent only.
(function () {
  "use strict";
  var index = window.dossierSearch;
  var form = document.getElementById("search");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("results");
  if (!index || !form) return;
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=lang]"));
  var directions = {};  // each language's direction, as the page gives it
  boxes.forEach(function (b) {
    var name = b.parentNode.querySelector("span[dir]");
    if (name) directions[b.value] = name.dir;
  });
  var limit = 200;
  var folded = {};  // per language: the entries' texts folded once, on the first search
  // Case, accents and other combining marks (Arabic vowel signs too) do not matter.
  var fold = function (text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  };
  // Where `word` (folded) is in `text` as printed: [start, end], or null.
  var locate = function (text, word) {
    var folded = "", from = [];
    for (var i = 0; i < text.length; i++) {
      var f = fold(text[i]);
      for (var k = 0; k < f.length; k++) from.push(i);
      folded += f;
    }
    var at = folded.indexOf(word);
    return at < 0 ? null : [from[at], from[at + word.length - 1] + 1];
  };

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

  // Loads the index of each checked language not loaded yet, then calls `done`.
  var load = function (done) {
    var waiting = 0;
    boxes.forEach(function (b) {
      if (!b.checked || index.entries[b.value]) return;
      waiting++;
      var script = document.createElement("script");
      script.src = "assets/" + b.getAttribute("data-file");
      script.onload = script.onerror = function () {
        if (--waiting === 0) done();
      };
      document.body.appendChild(script);
    });
    if (waiting === 0) done();
  };

  var run = function (query) {
    while (list.firstChild) list.removeChild(list.firstChild);
    var words = fold(query).split(/[\s\u3000]+/).filter(function (w) { return w.length > 0; });
    if (words.length === 0) {
      status.textContent = "";
      return;
    }
    var found = [];
    boxes.forEach(function (b) {
      var entries = b.checked && index.entries[b.value];
      if (!entries) return;
      var texts = folded[b.value] || (folded[b.value] = entries.map(function (e) { return fold(e[3]); }));
      for (var i = 0; i < texts.length; i++) {
        var all = true;
        for (var w = 0; w < words.length && all; w++) all = texts[i].indexOf(words[w]) >= 0;
        if (all) found.push([b.value, i]);
      }
    });
    if (found.length === 0) {
      status.textContent = form.getAttribute("data-none").replace("{1}", query);
      return;
    }
    var first = found.length > limit ? form.getAttribute("data-first").replace("{1}", String(limit)) : "";
    status.textContent = form.getAttribute("data-count").replace("{1}", String(found.length))
      .replace("{2}", query).replace("{3}", first);
    found.slice(0, limit).forEach(function (f) {
      var e = index.entries[f[0]][f[1]];
      var doc = index.documents[e[0]];
      var li = document.createElement("li");
      li.lang = f[0];
      li.dir = directions[f[0]] || "auto";
      var link = document.createElement("a");
      link.href = "documents/" + encodeURIComponent(doc[0]) + ".html#" + encodeURIComponent(e[1]);
      link.textContent = e[2];
      var where = document.createElement("p");
      where.className = "result-where";
      where.appendChild(link);
      li.appendChild(where);
      var match = locate(e[3], words[0]) || [0, 0];
      li.appendChild(snippet(e[3], match[0], match[1] - match[0]));
      list.appendChild(li);
    });
  };

  var search = function () {
    load(function () {
      run(input.value);
    });
  };

  var params = new URLSearchParams(window.location.search);
  var asked = params.getAll("lang");
  if (asked.length > 0)
    boxes.forEach(function (b) {
      b.checked = asked.indexOf(b.value) >= 0;
    });
  input.value = params.get("q") || "";
  var siteInput = document.getElementById("site-q");
  if (siteInput) siteInput.value = input.value;
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var query = new URLSearchParams();
    query.set("q", input.value);
    boxes.forEach(function (b) {
      if (b.checked) query.append("lang", b.value);
    });
    if (window.history && window.history.replaceState) window.history.replaceState(null, "", "?" + query.toString());
    search();
  });
  boxes.forEach(function (b) {
    b.addEventListener("change", function () {
      if (input.value) search();
    });
  });
  if (input.value) search();
})();
