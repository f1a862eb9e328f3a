// actorgraph viewer: the mention-date control. A histogram of mentions per month with a
// two-handle range over it; a relation is shown when it has a mention dated in the range
// (and, if asked, when it has no dated mention at all).
(function () {
  "use strict";
  var AG = window.AG = window.AG || {};

  // edges: records with .days ([day, count, ...]); onChange(): called after each move.
  AG.TimeControl = function (edges, onChange) {
    var first = Infinity, last = -Infinity;
    edges.forEach(function (e) {
      for (var i = 0; i < e.days.length; i += 2) {
        var m = AG.dayMonth(e.days[i]);
        if (m < first) { first = m; }
        if (m > last) { last = m; }
      }
    });
    var ctl = { range: null, keepUndated: true, first: first, last: last };
    if (first === Infinity) {
      AG.$("ag-time-box").hidden = true;
      ctl.passes = function () { return true; };
      ctl.set = function () {};
      return ctl;
    }
    var months = last - first + 1;
    var counts = new Array(months).fill(0);
    edges.forEach(function (e) {
      if (e.roll === 2) { return; }  // roll-up copies would count twice
      for (var i = 0; i < e.days.length; i += 2) { counts[AG.dayMonth(e.days[i]) - first] += e.days[i + 1]; }
    });
    var labels = counts.map(function (_, i) { return AG.monthISO(first + i); });
    var hist = AG.bars(counts, 260, 46, "#8c959f", labels);
    AG.$("ag-hist").append(hist);
    var from = AG.$("ag-date-from"), to = AG.$("ag-date-to"), reset = AG.$("ag-date-reset");
    from.max = to.max = String(months - 1);  // before the value: a range clamps to its max
    from.value = "0"; to.value = from.max;

    function paint() {
      var a = Number(from.value), b = Number(to.value);
      Array.prototype.forEach.call(hist.querySelectorAll("rect"), function (r, i) {
        r.setAttribute("fill", i >= a && i <= b ? "#1f6feb" : "#d0d7de");
      });
      AG.$("ag-date-out").textContent = ctl.range ?
        labels[a] + " – " + labels[b] : "all dates (" + labels[0] + " – " + labels[months - 1] + ")";
    }
    function read() {
      var a = Number(from.value), b = Number(to.value);
      if (a > b) { var t = a; a = b; b = t; from.value = String(a); to.value = String(b); }
      ctl.range = (a === 0 && b === months - 1) ? null :
        { from: AG.monthStartDay(first + a), to: AG.monthEndDay(first + b), a: a, b: b };
      paint();
    }
    [from, to].forEach(function (input) {
      input.addEventListener("input", function () { read(); onChange(); });
    });
    AG.$("ag-undated").addEventListener("change", function () {
      ctl.keepUndated = this.checked; onChange();
    });
    reset.addEventListener("click", function () { from.value = "0"; to.value = from.max; read(); onChange(); });
    // Mentions of the edge inside the range (its whole count when no range is set).
    ctl.countIn = function (e) {
      if (!ctl.range) { return e.count; }
      var n = 0;
      for (var i = 0; i < e.days.length; i += 2) {
        if (e.days[i] >= ctl.range.from && e.days[i] <= ctl.range.to) { n += e.days[i + 1]; }
      }
      return n;
    };
    ctl.passes = function (e) {
      if (!ctl.range) { return true; }
      if (!e.days.length) { return ctl.keepUndated; }
      return ctl.countIn(e) > 0;
    };
    // Restore from the URL hash: months as "YYYY-MM".
    ctl.set = function (a, b, keepUndated) {
      var ia = labels.indexOf(a), ib = labels.indexOf(b);
      if (ia >= 0) { from.value = String(ia); }
      if (ib >= 0) { to.value = String(ib); }
      if (keepUndated !== undefined) { ctl.keepUndated = keepUndated; AG.$("ag-undated").checked = keepUndated; }
      read();
    };
    ctl.hashValue = function () {
      return ctl.range ? labels[ctl.range.a] + ".." + labels[ctl.range.b] : null;
    };
    paint();
    return ctl;
  };
})();
