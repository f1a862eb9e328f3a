// actorgraph viewer: the Viewer (data and state) and what is shown. Its drawing, controls
// and URL state are added by view_draw.js, view_controls.js and view_state.js.
(function () {
  "use strict";
  var AG = window.AG, $ = AG.$;

  function checkedSet(selector, key) {
    var s = new Set();
    document.querySelectorAll(selector).forEach(function (box) { if (box.checked) { s.add(box.dataset[key]); } });
    return s;
  }

  // raw: the page's data block {nodes, edges (columns), meta, options}.
  AG.Viewer = function (raw, t0) {
    var meta = this.meta = raw.meta;
    this.raw = raw;
    var N = this.N = AG.records(raw.nodes), E = this.E = AG.records(raw.edges);
    N.forEach(function (n, i) { n.id = i; n.typeKey = meta.actorColours[n.type] ? n.type : "OTHER"; });
    E.forEach(function (e, i) {
      e.id = i;
      e.rel = meta.relations[e.relation];
      e.quadKey = meta.quads[e.quad];
      e.fact = meta.factualities[e.factuality];
    });
    this.evidence = AG.EvidenceStore(meta.evidence);
    // Adjacency by edge id, built once: filters, components and focus walk it.
    var adjacent = this.adjacent = N.map(function () { return []; });
    E.forEach(function (e) { adjacent[e.from].push(e.id); if (e.to !== e.from) { adjacent[e.to].push(e.id); } });
    // Most important first: asserted mentions, then all mentions (as the Python side ranks).
    this.ranked = N.slice().sort(function (a, b) {
      return (b.asserted - a.asserted) || (b.mentions - a.mentions) || (a.name < b.name ? -1 : 1);
    }).map(function (n) { return n.id; });
    this.state = {
      quads: checkedSet("#ag-quads input", "quad"),
      relations: checkedSet("#ag-relations input", "relation"),
      types: checkedSet("#ag-types input", "type"),
      minCount: 1, nonAsserted: $("ag-non-asserted").checked, hideIsolated: true,
      small: null, rollup: false, colour: "type", focus: null, depth: 1, selected: null
    };
    this.shownNodes = new Set(); this.shownEdges = new Set();
    this.smallHidden = { groups: 0, actors: 0 };
    this.timing = { start: t0, firstDraw: null, stable: null, filter: [] };
    var self = this;
    this.time = AG.TimeControl(E, function () { self.refresh(true); });
  };
  var V = AG.Viewer.prototype;

  V.edgePasses = function (e) {
    var state = this.state, time = this.time, N = this.N;
    if (state.rollup ? e.roll === 1 : e.roll === 2) { return false; }
    if (!(e.asserted || state.nonAsserted)) { return false; }
    if (!state.quads.has(e.quadKey) || !state.relations.has(e.rel)) { return false; }
    if (!state.types.has(N[e.from].typeKey) || !state.types.has(N[e.to].typeKey)) { return false; }
    if (!time.passes(e)) { return false; }
    var count = time.range ? time.countIn(e) : e.count;
    // An undated relation kept through a date range is judged by its whole count.
    return count >= state.minCount ||
      (count === 0 && !e.days.length && time.keepUndated && e.count >= state.minCount);
  };
  V.nodeAllowed = function (n) {
    if (this.state.rollup ? n.rollup >= 0 : n.synthetic) { return false; }
    return this.state.types.has(n.typeKey);
  };
  V.neighbourhood = function (passing) {
    var E = this.E, adjacent = this.adjacent;
    var allowed = new Set([this.state.focus]), frontier = [this.state.focus];
    for (var step = 0; step < this.state.depth; step++) {
      var next = [];
      frontier.forEach(function (id) {
        adjacent[id].forEach(function (eid) {
          if (!passing.has(eid)) { return; }
          var e = E[eid], other = e.from === id ? e.to : e.from;
          if (!allowed.has(other)) { allowed.add(other); next.push(other); }
        });
      });
      frontier = next;
    }
    return allowed;
  };
  // Components of the shown relations (union-find); the small ones are hidden unless asked
  // for. Default: hidden on a big view where they are the minority (a handful of pairs on a
  // small graph are worth seeing; a filter that leaves mostly pairs must not go blank).
  V.hideSmall = function () {
    var E = this.E, shownNodes = this.shownNodes, shownEdges = this.shownEdges, state = this.state;
    var parent = new Map();
    function find(x) { while (parent.get(x) !== x) { parent.set(x, parent.get(parent.get(x))); x = parent.get(x); } return x; }
    shownNodes.forEach(function (id) { parent.set(id, id); });
    shownEdges.forEach(function (eid) { var e = E[eid]; parent.set(find(e.from), find(e.to)); });
    var size = new Map();
    shownNodes.forEach(function (id) { var r = find(id); size.set(r, (size.get(r) || 0) + 1); });
    var small = [], smallActors = 0;
    size.forEach(function (s, r) { if (s <= 3) { small.push(r); smallActors += s; } });
    this.smallHidden = { groups: small.length, actors: smallActors, hidden: false };
    var hide = state.small === null ? shownNodes.size > 100 && smallActors * 2 < shownNodes.size : !state.small;
    if (!hide || state.focus !== null || !small.length) { return; }
    this.smallHidden.hidden = true;
    var gone = new Set(small);
    shownNodes.forEach(function (id) { if (gone.has(find(id))) { shownNodes.delete(id); } });
    shownEdges.forEach(function (eid) { if (!shownNodes.has(E[eid].from)) { shownEdges.delete(eid); } });
  };
  V.decide = function () {
    var self = this, E = this.E, passing = new Set();
    E.forEach(function (e) { if (self.edgePasses(e)) { passing.add(e.id); } });
    var allowed = this.state.focus !== null ? this.neighbourhood(passing) : null;
    var shownEdges = this.shownEdges = new Set(), shownNodes = this.shownNodes = new Set();
    passing.forEach(function (eid) {
      var e = E[eid];
      if (allowed && !(allowed.has(e.from) && allowed.has(e.to))) { return; }
      shownEdges.add(eid); shownNodes.add(e.from); shownNodes.add(e.to);
    });
    this.hideSmall();
    if (this.state.focus !== null) { shownNodes.add(this.state.focus); }
    if (!this.state.hideIsolated) {
      this.N.forEach(function (n) {
        if (self.nodeAllowed(n) && (!allowed || allowed.has(n.id))) { shownNodes.add(n.id); }
      });
    }
  };
})();
