// actorgraph viewer: evidence cards. Evidence is either a JSON block in the page (small
// graphs) or side files NAME.evidence.K.js next to it, loaded the first time a relation of
// that chunk is opened, so a big page opens without carrying every sentence.
(function () {
  "use strict";
  var AG = window.AG = window.AG || {};
  var PAGE = 5;

  AG.EvidenceStore = function (spec) {
    var inline = null, chunks = new Map(), waiting = new Map();
    window.actorgraphEvidence = function (k, chunk) {
      chunks.set(k, chunk);
      (waiting.get(k) || []).forEach(function (cb) { cb(); });
      waiting.delete(k);
    };
    function load(k, cb) {
      if (chunks.has(k)) { cb(); return; }
      if (waiting.has(k)) { waiting.get(k).push(cb); return; }
      waiting.set(k, [cb]);
      var s = document.createElement("script");
      // Relative to the page; the name is encoded so a space or "#" in it cannot break it.
      s.src = encodeURIComponent(spec.files + k + ".js");
      s.onerror = function () {
        chunks.set(k, null);
        (waiting.get(k) || []).forEach(function (f) { f(); });
        waiting.delete(k);
      };
      document.head.append(s);
    }
    // cb(groups or null): null when the side file cannot be read (moved without it).
    function get(index, cb) {
      if (spec.inline) {
        if (inline === null) { inline = JSON.parse(AG.$("ag-evidence").textContent) || []; }
        cb(inline[index] || []);
        return;
      }
      var k = Math.floor(index / spec.chunk);
      load(k, function () {
        var chunk = chunks.get(k);
        cb(chunk ? chunk[index - k * spec.chunk] || [] : null);
      });
    }
    function getMany(indices, cb) {
      var out = [], left = indices.length, failed = false;
      if (!left) { cb([]); return; }
      indices.forEach(function (i, pos) {
        get(i, function (groups) {
          if (groups === null) { failed = true; }
          out[pos] = groups || [];
          if (--left === 0) { cb(failed ? null : [].concat.apply([], out)); }
        });
      });
    }
    return { get: get, getMany: getMany };
  };

  // The sentence as text nodes, with subject, object and trigger in <mark> elements. The
  // spans are offsets into the plain sentence, so nothing is ever parsed as HTML.
  AG.markedSentence = function (sentence, marks) {
    var q = AG.el("q", "ag-sentence");
    var at = 0;
    (marks || []).forEach(function (m) {
      var s = m[0], e = m[1];
      if (s < at || e > sentence.length || e <= s) { return; }
      if (s > at) { q.append(document.createTextNode(sentence.slice(at, s))); }
      var mark = AG.el("mark", "ag-m-" + (m[2] === "s" || m[2] === "o" || m[2] === "t" ? m[2] : "x"),
        sentence.slice(s, e));
      mark.title = { s: "subject", o: "object", t: "trigger" }[m[2]] || "";
      q.append(mark);
      at = e;
    });
    if (at < sentence.length) { q.append(document.createTextNode(sentence.slice(at))); }
    return q;
  };

  function source(item) {
    // item: [title, date, outlet, url]
    var line = AG.el("div", "ag-src");
    line.append(AG.link(item[3], item[0] || "(untitled)"));
    var bits = [item[1] || "undated", item[2] || "unknown outlet"];
    line.append(document.createTextNode(" · " + bits.join(" · ")));
    return line;
  }

  function groupCard(g) {
    var div = AG.el("div", "ag-ev");
    div.append(AG.markedSentence(String(g[0]), g[1]), source(g[2][0]));
    if (g[2].length > 1) {
      var outlets = new Set(g[2].map(function (it) { return it[2] || "?"; }));
      var more = AG.el("details", "ag-also");
      more.append(AG.el("summary", "", "Same sentence in " + AG.plural(g[2].length, "report") +
        " from " + AG.plural(outlets.size, "outlet")));
      g[2].slice(1).forEach(function (it) { more.append(source(it)); });
      div.append(more);
      div.dataset.copies = String(g[2].length);
      div.dataset.outlets = String(outlets.size);
    }
    return div;
  }

  // Paged evidence: PAGE sentence groups at a time, newest first, every one reachable.
  AG.evidenceList = function (groups) {
    var box = AG.el("div", "ag-evidence");
    var page = 0, pages = Math.max(1, Math.ceil(groups.length / PAGE));
    var list = AG.el("div"), nav = AG.el("div", "ag-row ag-pager");
    var prev = AG.el("button", "", "‹ newer"), next = AG.el("button", "", "older ›");
    var where = AG.el("span", "ag-src");
    prev.type = next.type = "button";
    prev.className = "ag-prev"; next.className = "ag-next";
    function show() {
      list.replaceChildren.apply(list, groups.slice(page * PAGE, page * PAGE + PAGE).map(groupCard));
      where.textContent = "sentences " + (groups.length ? page * PAGE + 1 : 0) + "–" +
        Math.min(groups.length, page * PAGE + PAGE) + " of " + groups.length;
      prev.disabled = page === 0; next.disabled = page >= pages - 1;
    }
    prev.addEventListener("click", function () { page--; show(); });
    next.addEventListener("click", function () { page++; show(); });
    nav.append(prev, where, next);
    box.append(list);
    if (groups.length > PAGE) { box.append(nav); }
    show();
    return box;
  };

  // Mentions per month of one relation (days: [day, count, day, count, ...]).
  AG.sparkline = function (days, colour) {
    if (!days || !days.length) { return AG.el("div", "ag-src", "No dated mentions."); }
    var first = AG.dayMonth(days[0]), last = AG.dayMonth(days[days.length - 2]);
    var values = [], labels = [];
    for (var m = first; m <= last; m++) { values.push(0); labels.push(AG.monthISO(m)); }
    for (var i = 0; i < days.length; i += 2) { values[AG.dayMonth(days[i]) - first] += days[i + 1]; }
    var box = AG.el("div", "ag-spark");
    box.append(AG.el("div", "ag-src", "Mentions per month, " + labels[0] +
      (labels.length > 1 ? " – " + labels[labels.length - 1] : "")));
    box.append(AG.bars(values, Math.min(300, Math.max(40, values.length * 12)), 32, colour, labels));
    return box;
  };
})();
