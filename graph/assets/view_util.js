// actorgraph viewer: shared helpers. All data is untrusted article text: it only ever reaches
// the DOM through textContent (or attribute setters after checks), never innerHTML.
(function () {
  "use strict";
  var AG = window.AG = window.AG || {};

  AG.$ = function (id) { return document.getElementById(id); };
  AG.el = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  };
  AG.svg = function (tag, attrs) {
    var e = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  };
  AG.fmt = function (n) { return Number(n).toLocaleString("en"); };
  AG.plural = function (n, word) { return AG.fmt(n) + " " + word + (n === 1 ? "" : "s"); };
  AG.pretty = function (s) { return String(s).replace(/_/g, " ").toLowerCase(); };
  AG.swatch = function (cls, colour) { var s = AG.el("span", cls); s.style.background = colour; return s; };

  // Only absolute http(s) URLs become links: a javascript: or data: URL stays plain text.
  AG.safeUrl = function (url) {
    if (typeof url !== "string" || !/^\s*https?:\/\//i.test(url)) { return null; }
    try {
      var u = new URL(url.trim());
      return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null;
    } catch (e) { return null; }
  };
  AG.link = function (url, text) {
    var safe = AG.safeUrl(url);
    if (!safe) { return AG.el("span", "", text); }
    var a = AG.el("a", "", text);
    a.href = safe; a.target = "_blank"; a.rel = "noopener noreferrer";
    return a;
  };

  // Dates travel as day numbers (days since 1970-01-01); months as year*12 + month - 1.
  AG.dayISO = function (day) { return new Date(day * 86400000).toISOString().slice(0, 10); };
  AG.dayMonth = function (day) {
    var d = new Date(day * 86400000);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  AG.monthISO = function (m) {
    var y = Math.floor(m / 12), mm = m % 12 + 1;
    return y + "-" + (mm < 10 ? "0" : "") + mm;
  };
  AG.monthStartDay = function (m) { return Date.UTC(Math.floor(m / 12), m % 12, 1) / 86400000; };
  AG.monthEndDay = function (m) { return AG.monthStartDay(m + 1) - 1; };

  // Bars: one rect per value, scaled to the tallest; used by the histogram and sparklines.
  AG.bars = function (values, width, height, colour, labels) {
    var box = AG.svg("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height,
      "class": "ag-bars", role: "img" });
    var max = Math.max.apply(null, values.concat([1]));
    var w = width / Math.max(values.length, 1);
    values.forEach(function (v, i) {
      var h = v ? Math.max(1.5, (height - 1) * v / max) : 0;
      var r = AG.svg("rect", { x: (i * w + 0.5).toFixed(1), y: (height - h).toFixed(1),
        width: Math.max(w - 1, 0.8).toFixed(1), height: h.toFixed(1), fill: colour });
      if (labels) { var t = AG.svg("title"); t.textContent = labels[i] + ": " + v; r.append(t); }
      box.append(r);
    });
    return box;
  };

  // View state <-> URL hash ("#q=..&r=..."): every value is encoded, nothing is evaluated.
  AG.readHash = function () {
    var out = {};
    var h = window.location.hash.replace(/^#/, "");
    if (!h) { return out; }
    new URLSearchParams(h).forEach(function (v, k) { out[k] = v; });
    return out;
  };
  AG.writeHash = function (obj) {
    var p = new URLSearchParams();
    Object.keys(obj).forEach(function (k) {
      if (obj[k] !== null && obj[k] !== undefined && obj[k] !== "") { p.set(k, obj[k]); }
    });
    var text = p.toString();
    var url = window.location.href.replace(/#.*$/, "") + (text ? "#" + text : "");
    try { history.replaceState(null, "", url); } catch (e) { /* file:// in some browsers */ }
  };

  // Columns -> records: the page data travels as one array per field.
  AG.records = function (cols) {
    var keys = Object.keys(cols);
    var n = keys.length ? cols[keys[0]].length : 0;
    var out = new Array(n);
    for (var i = 0; i < n; i++) {
      var r = {};
      for (var k = 0; k < keys.length; k++) { r[keys[k]] = cols[keys[k]][i]; }
      out[i] = r;
    }
    return out;
  };
})();
