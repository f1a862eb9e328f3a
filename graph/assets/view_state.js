// actorgraph viewer: the view state in the URL hash, so a view can be bookmarked and shared.
// Every value read back is checked against what exists (a column, an actor key, a month).
(function () {
  "use strict";
  var AG = window.AG, $ = AG.$;
  var V = AG.Viewer.prototype;

  function hidden(selector, key) {
    var out = [];
    document.querySelectorAll(selector).forEach(function (box) { if (!box.checked) { out.push(box.dataset[key]); } });
    return out.join(",");
  }
  function uncheck(selector, key, set, list) {
    if (!list) { return; }
    var off = new Set(list.split(","));
    document.querySelectorAll(selector).forEach(function (box) {
      box.checked = !off.has(box.dataset[key]);
      if (box.checked) { set.add(box.dataset[key]); } else { set.delete(box.dataset[key]); }
    });
  }

  V.saveHash = function () {
    var state = this.state, time = this.time, table = this.table;
    AG.writeHash({
      q: hidden("#ag-quads input", "quad"), r: hidden("#ag-relations input", "relation"),
      t: hidden("#ag-types input", "type"), m: state.minCount > 1 ? state.minCount : null,
      n: state.nonAsserted ? 1 : null, i: state.hideIsolated ? null : 0,
      s: state.small === null ? null : (state.small ? 1 : 0), u: state.rollup ? 1 : null,
      c: state.colour === "community" ? "community" : null,
      f: state.focus !== null ? this.N[state.focus].key : null, d: state.depth > 1 ? state.depth : null,
      dt: time.hashValue ? time.hashValue() : null, ud: time.keepUndated ? null : 0,
      tb: table && table.open ? table.sort.key + ":" + table.sort.dir : null,
      e: state.selected
    });
  };
  // Before the first drawing: filters, toggles, focus and dates.
  V.restoreHash = function (h) {
    var state = this.state;
    uncheck("#ag-quads input", "quad", state.quads, h.q);
    uncheck("#ag-relations input", "relation", state.relations, h.r);
    uncheck("#ag-types input", "type", state.types, h.t);
    if (h.m) {
      state.minCount = Math.max(1, Number(h.m) || 1);
      $("ag-min-count").value = String(state.minCount);
      $("ag-min-count-out").textContent = String(state.minCount);
    }
    if (h.n) { state.nonAsserted = h.n === "1"; $("ag-non-asserted").checked = state.nonAsserted; }
    if (h.i) { state.hideIsolated = h.i !== "0"; $("ag-hide-isolated").checked = state.hideIsolated; }
    if (h.s) { state.small = h.s === "1"; }
    if (h.u) { state.rollup = h.u === "1" && !$("ag-rollup").disabled; $("ag-rollup").checked = state.rollup; }
    if (h.c === "community") { state.colour = "community"; $("ag-colour").value = "community"; }
    if (h.d) { state.depth = Number(h.d) === 2 ? 2 : 1; $("ag-depth").value = String(state.depth); }
    if (h.f) {
      var hit = this.N.filter(function (n) { return n.key === h.f; })[0];
      if (hit) { state.focus = hit.id; $("ag-search").value = hit.name; $("ag-clear").disabled = false; }
    }
    if (h.dt) { var p = h.dt.split(".."); this.time.set(p[0], p[1], h.ud !== "0"); }
    else if (h.ud) { this.time.set(null, null, h.ud !== "0"); }
  };
  // After the network exists: the table and the open relation or actor.
  V.restoreLate = function (h) {
    var table = this.table;
    if (h.tb) {
      var p = h.tb.split(":");
      if (table.keys.indexOf(p[0]) >= 0) { table.sort.key = p[0]; }  // only a known column
      table.sort.dir = Number(p[1]) === 1 ? 1 : -1;
      table.show(true);
    }
    if (h.e !== undefined && this.E[Number(h.e)]) { this.details.edge(Number(h.e)); }
    else if (this.state.focus !== null) {
      this.network.selectNodes([this.state.focus]);
      this.details.node(this.state.focus);
    }
  };
  // A hash edited by hand (or a pasted link in the same tab) opens that view afresh: every
  // value absent from it goes back to its default, as on a first visit.
  V.watchHash = function () {
    window.addEventListener("hashchange", function () { window.location.reload(); });
  };
})();
