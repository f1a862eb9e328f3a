// actorgraph viewer: data, filters, the network, panels and the URL state.
(function () {
  "use strict";
  var AG = window.AG, $ = AG.$, el = AG.el, fmt = AG.fmt, pretty = AG.pretty;
  var t0 = performance.now();
  var raw = JSON.parse($("ag-data").textContent);
  var meta = raw.meta;
  var N = AG.records(raw.nodes), E = AG.records(raw.edges);
  N.forEach(function (n, i) {
    n.id = i;
    n.typeKey = meta.actorColours[n.type] ? n.type : "OTHER";
  });
  E.forEach(function (e, i) {
    e.id = i;
    e.rel = meta.relations[e.relation];
    e.quadKey = meta.quads[e.quad];
    e.fact = meta.factualities[e.factuality];
  });
  var evidence = AG.EvidenceStore(meta.evidence);

  // Adjacency by edge id, built once: filters, components and focus walk it.
  var adjacent = N.map(function () { return []; });
  E.forEach(function (e) { adjacent[e.from].push(e.id); if (e.to !== e.from) { adjacent[e.to].push(e.id); } });
  // Most important first: asserted mentions, then all mentions (as the Python side ranks).
  var ranked = N.slice().sort(function (a, b) {
    return (b.asserted - a.asserted) || (b.mentions - a.mentions) || (a.name < b.name ? -1 : 1);
  }).map(function (n) { return n.id; });

  var state = {
    quads: checkedSet("#ag-quads input", "quad"),
    relations: checkedSet("#ag-relations input", "relation"),
    types: checkedSet("#ag-types input", "type"),
    minCount: 1, nonAsserted: $("ag-non-asserted").checked, hideIsolated: true,
    small: null, rollup: false, colour: "type", focus: null, depth: 1, selected: null
  };
  var shownNodes = new Set(), shownEdges = new Set(), smallHidden = { groups: 0, actors: 0 };
  var time = AG.TimeControl(E, function () { refresh(true); });
  function checkedSet(selector, key) {
    var s = new Set();
    document.querySelectorAll(selector).forEach(function (box) { if (box.checked) { s.add(box.dataset[key]); } });
    return s;
  }

  // --- what is shown ---
  function endType(id) { return N[id].typeKey; }
  function edgePasses(e) {
    if (state.rollup ? e.roll === 1 : e.roll === 2) { return false; }
    if (!(e.asserted || state.nonAsserted)) { return false; }
    if (!state.quads.has(e.quadKey) || !state.relations.has(e.rel)) { return false; }
    if (!state.types.has(endType(e.from)) || !state.types.has(endType(e.to))) { return false; }
    if (!time.passes(e)) { return false; }
    var count = time.range ? time.countIn(e) : e.count;
    return count >= state.minCount || (count === 0 && !e.days.length && time.keepUndated && e.count >= state.minCount);
  }
  function nodeAllowed(n) {
    if (state.rollup ? n.rollup >= 0 : n.synthetic) { return false; }
    return state.types.has(n.typeKey);
  }
  function neighbourhood(passing) {
    var allowed = new Set([state.focus]), frontier = [state.focus];
    for (var step = 0; step < state.depth; step++) {
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
  }
  // Components of the shown relations (union-find); the small ones are hidden unless asked
  // for, or unless they hold most of what is shown (then hiding them would hide the view).
  function hideSmall() {
    var parent = new Map();
    function find(x) { while (parent.get(x) !== x) { parent.set(x, parent.get(parent.get(x))); x = parent.get(x); } return x; }
    shownNodes.forEach(function (id) { parent.set(id, id); });
    shownEdges.forEach(function (eid) { var e = E[eid]; parent.set(find(e.from), find(e.to)); });
    var size = new Map();
    shownNodes.forEach(function (id) { var r = find(id); size.set(r, (size.get(r) || 0) + 1); });
    var small = [], smallActors = 0;
    size.forEach(function (s, r) { if (s <= 3) { small.push(r); smallActors += s; } });
    smallHidden = { groups: small.length, actors: smallActors };
    // Default: hidden on a big view where they are the minority (a handful of pairs on a
    // small graph are worth seeing; a filter that leaves mostly pairs must not go blank).
    var hide = state.small === null ? shownNodes.size > 100 && smallActors * 2 < shownNodes.size : !state.small;
    if (!hide || state.focus !== null || !small.length) { smallHidden.hidden = false; return; }
    smallHidden.hidden = true;
    var gone = new Set(small);
    shownNodes.forEach(function (id) { if (gone.has(find(id))) { shownNodes.delete(id); } });
    shownEdges.forEach(function (eid) { if (!shownNodes.has(E[eid].from)) { shownEdges.delete(eid); } });
  }
  function decide() {
    var passing = new Set();
    E.forEach(function (e) { if (edgePasses(e)) { passing.add(e.id); } });
    var allowed = state.focus !== null ? neighbourhood(passing) : null;
    shownEdges = new Set(); shownNodes = new Set();
    passing.forEach(function (eid) {
      var e = E[eid];
      if (allowed && !(allowed.has(e.from) && allowed.has(e.to))) { return; }
      shownEdges.add(eid); shownNodes.add(e.from); shownNodes.add(e.to);
    });
    hideSmall();
    if (state.focus !== null) { shownNodes.add(state.focus); }
    if (!state.hideIsolated) {
      N.forEach(function (n) { if (nodeAllowed(n) && (!allowed || allowed.has(n.id))) { shownNodes.add(n.id); } });
    }
  }

  // --- the network ---
  function nodeColour(n) {
    if (state.colour === "community") {
      return meta.communityColours[n.community] || "#c4c9cf";
    }
    return meta.actorColours[n.typeKey];
  }
  function visNode(n) {
    var c = nodeColour(n);
    var v = { id: n.id, value: n.asserted, hidden: !shownNodes.has(n.id),
      color: { background: c, border: "#ffffff", highlight: { background: c, border: "#1f2328" },
        hover: { background: c, border: "#1f2328" } } };
    if (n.x !== null) { v.x = n.x; v.y = n.y; }
    return v;
  }
  function visEdge(e) {
    var c = meta.quadColours[e.quadKey];
    var v = { id: e.id, from: e.from, to: e.to, value: e.count, hidden: !shownEdges.has(e.id),
      color: e.asserted ? c : c + "99", dashes: !e.asserted };
    if (e.from === e.to) { v.selfReference = { size: 14 }; }
    if (e.curve) {
      v.smooth = { enabled: true, type: e.curve > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(e.curve) };
    }
    return v;
  }
  restoreHash(AG.readHash());
  decide();
  var timing = { start: t0, parsed: performance.now(), firstDraw: null, stable: null, filter: [] };
  // A big graph opens with its heaviest shown relations; the rest stream in after the first
  // drawing (vis-network builds each edge object for ~50-100 us: 20,000 take seconds).
  var byWeight = E.slice().sort(function (a, b) {
    return (shownEdges.has(b.id) - shownEdges.has(a.id)) || (b.count - a.count) || (a.id - b.id);
  });
  var FIRST_EDGES = meta.physics ? E.length : 3000, CHUNK = 2000;
  var queue = byWeight.slice(FIRST_EDGES);
  var nodes = new vis.DataSet(N.map(visNode));
  var edges = new vis.DataSet(byWeight.slice(0, FIRST_EDGES).map(visEdge));
  timing.datasets = performance.now();
  var container = $("ag-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, raw.options);
  timing.network = performance.now();
  var labels = AG.LabelLayer(network, {
    top: meta.topLabels, max: 150,
    order: function () { return ranked.filter(function (id) { return shownNodes.has(id); }); },
    name: function (id) { return N[id].name; }
  });

  // Visibility changes go straight to vis-network's items and one "_dataChanged": updating
  // 20,000 DataSet items (or a DataView refresh, which rebuilds every edge) takes seconds.
  function apply() {
    var bn = network.body.nodes, be = network.body.edges, changed = false;
    N.forEach(function (n) {
      var hidden = !shownNodes.has(n.id);
      if (bn[n.id] && bn[n.id].options.hidden !== hidden) { bn[n.id].options.hidden = hidden; changed = true; }
    });
    E.forEach(function (e) {
      var hidden = !shownEdges.has(e.id);
      if (be[e.id] && be[e.id].options.hidden !== hidden) { be[e.id].options.hidden = hidden; changed = true; }
    });
    // Only the visible-index lists depend on "hidden"; the full "_dataChanged" cascade also
    // reconnects every edge and costs half a second at 20,000 relations (vis-network 9.1.2).
    if (changed) { network._updateVisibleIndices(); }
    arrows();
  }
  // Arrow heads cost more than half of a drawing of thousands of edges and are specks at
  // that zoom: drawn when few relations are shown or when zoomed in.
  var arrowsOn = raw.options.edges.arrows.to.enabled;
  function arrows() {
    var want = shownEdges.size <= 4000 || network.getScale() > 0.7;
    if (want !== arrowsOn) {
      arrowsOn = want;
      network.setOptions({ edges: { arrows: { to: { enabled: want, scaleFactor: 0.55 } } } });
    }
  }
  var zoomTimer = null;
  network.on("zoom", function () { clearTimeout(zoomTimer); zoomTimer = setTimeout(arrows, 150); });
  function refresh(reframe) {
    var t = performance.now();
    decide();
    apply();
    status();
    table.render();
    if (reframe) { frame(true); } else { network.redraw(); }
    saveHash();
    timing.filter.push(performance.now() - t);
  }
  function frame(animate) {
    var ids = Array.from(shownNodes);
    // An animation redraws every frame: on thousands of relations one jump is smoother.
    animate = animate && shownEdges.size <= 3000;
    if (!ids.length) { network.redraw(); return; }
    // A small view may zoom in past 1:1 (vis-network stops at 1 by default) to fill the canvas.
    network.fit({ nodes: ids, maxZoomLevel: 2,
      animation: animate ? { duration: 300, easingFunction: "easeInOutQuad" } : false });
    // fit() frames the discs, not the names beside the outer ones: step back a little.
    if (!animate) { network.moveTo({ scale: network.getScale() * 0.9 }); }
  }

  function status() {
    var text = "Showing " + fmt(shownNodes.size) + " of " + fmt(meta.drawnNodes) + " actors, " +
      fmt(shownEdges.size) + " of " + fmt(meta.drawnEdges) + " relations";
    if (state.focus !== null) { text += " · around " + N[state.focus].name; }
    if (smallHidden.hidden) { text += " · " + AG.plural(smallHidden.groups, "small group") + " hidden"; }
    $("ag-status").textContent = text;
    $("ag-small-n").textContent = smallHidden.groups ?
      AG.plural(smallHidden.groups, "group") + ", " + AG.plural(smallHidden.actors, "actor") : "none";
    $("ag-small").checked = !smallHidden.hidden;
  }

  // --- details: actor, relation, evidence ---
  var Details = AG.Details({ N: N, E: E, meta: meta, adjacent: adjacent, evidence: evidence,
    shownEdges: function () { return shownEdges; }, state: state, time: time,
    focus: function (id) { focusOn(id); }, select: function (sel) { state.selected = sel; saveHash(); } });
  network.on("click", function (p) {
    if (p.nodes.length) { Details.node(p.nodes[0]); }
    else if (p.edges.length) { Details.edge(p.edges[0]); }
    else { Details.close(); }
  });
  network.on("doubleClick", function (p) { if (p.nodes.length) { focusOn(p.nodes[0]); } });
  AG.Tooltip(network, container, Details);

  // --- search and focus ---
  var search = AG.Search(N, ranked, meta);
  function focusOn(id) {
    state.focus = id;
    state.depth = Number($("ag-depth").value);
    $("ag-search").value = N[id].name;
    $("ag-clear").disabled = false;
    $("ag-search-msg").textContent = "";
    refresh(true);
    network.selectNodes([id]);
    Details.node(id);
  }
  function clearFocus() {
    state.focus = null;
    $("ag-clear").disabled = true;
    network.unselectAll();
    refresh(true);
  }
  $("ag-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var id = search.find($("ag-search").value);
    if (id === null) { $("ag-search-msg").textContent = "No actor matches that name."; } else { focusOn(id); }
  });
  $("ag-clear").addEventListener("click", clearFocus);
  $("ag-depth").addEventListener("change", function () { if (state.focus !== null) { focusOn(state.focus); } });

  // --- filters, colour, roll-up, layout ---
  function bindFacet(selector, key, set) {
    document.querySelectorAll(selector).forEach(function (box) {
      box.addEventListener("change", function () {
        if (box.checked) { set.add(box.dataset[key]); } else { set.delete(box.dataset[key]); }
        refresh(true);
      });
    });
  }
  bindFacet("#ag-quads input", "quad", state.quads);
  bindFacet("#ag-relations input", "relation", state.relations);
  bindFacet("#ag-types input", "type", state.types);
  function setAllRelations(on) {
    document.querySelectorAll("#ag-relations input").forEach(function (box) {
      box.checked = on;
      if (on) { state.relations.add(box.dataset.relation); } else { state.relations.delete(box.dataset.relation); }
    });
    refresh(true);
  }
  $("ag-rel-all").addEventListener("click", function () { setAllRelations(true); });
  $("ag-rel-none").addEventListener("click", function () { setAllRelations(false); });
  $("ag-min-count").addEventListener("input", function () {
    state.minCount = Number(this.value); $("ag-min-count-out").textContent = this.value; refresh(true);
  });
  $("ag-non-asserted").addEventListener("change", function () { state.nonAsserted = this.checked; refresh(true); });
  $("ag-hide-isolated").addEventListener("change", function () { state.hideIsolated = this.checked; refresh(true); });
  $("ag-small").addEventListener("change", function () { state.small = this.checked; refresh(true); });
  $("ag-rollup").addEventListener("change", function () { state.rollup = this.checked; refresh(true); });
  $("ag-colour").addEventListener("change", function () { state.colour = this.value; recolour(); saveHash(); });
  function recolour() {
    nodes.update(N.map(function (n) { var v = visNode(n); return { id: v.id, color: v.color }; }));
  }
  var layout = AG.Relayout(network, N, function () { return shownNodes; }, frame);
  $("ag-physics").addEventListener("change", function () { network.setOptions({ physics: { enabled: this.checked } }); });
  $("ag-fit").addEventListener("click", function () { frame(true); });

  var table = AG.Table({
    rows: function () {
      return Array.from(shownEdges).map(function (eid) {
        var e = E[eid];
        return { id: eid, source: N[e.from].name, relation: e.rel, target: N[e.to].name,
          quad: meta.quadLabels[e.quadKey] || pretty(e.quadKey), factuality: e.fact,
          count: e.count, inRange: time.range ? time.countIn(e) : null,
          documents: e.documents, outlets: e.outlets,
          first: e.days.length ? AG.dayISO(e.days[0]) : null,
          last: e.days.length ? AG.dayISO(e.days[e.days.length - 2]) : null };
      });
    },
    open: function (id) { Details.edge(id); }, changed: function () { saveHash(); }
  });

  // --- the URL hash: the view can be bookmarked and shared ---
  function hidden(selector, key) {
    var out = [];
    document.querySelectorAll(selector).forEach(function (box) { if (!box.checked) { out.push(box.dataset[key]); } });
    return out.join(",");
  }
  function saveHash() {
    AG.writeHash({
      q: hidden("#ag-quads input", "quad"), r: hidden("#ag-relations input", "relation"),
      t: hidden("#ag-types input", "type"), m: state.minCount > 1 ? state.minCount : null,
      n: state.nonAsserted ? 1 : null, i: state.hideIsolated ? null : 0,
      s: state.small === null ? null : (state.small ? 1 : 0), u: state.rollup ? 1 : null,
      c: state.colour === "community" ? "community" : null,
      f: state.focus !== null ? N[state.focus].key : null, d: state.depth > 1 ? state.depth : null,
      dt: time.hashValue ? time.hashValue() : null, ud: time.keepUndated ? null : 0,
      tb: table.open ? table.sort.key + ":" + table.sort.dir : null,
      e: state.selected
    });
  }
  function uncheck(selector, key, set, list) {
    if (!list) { return; }
    var off = new Set(list.split(","));
    document.querySelectorAll(selector).forEach(function (box) {
      box.checked = !off.has(box.dataset[key]);
      if (box.checked) { set.add(box.dataset[key]); } else { set.delete(box.dataset[key]); }
    });
  }
  function restoreHash(h) {
    uncheck("#ag-quads input", "quad", state.quads, h.q);
    uncheck("#ag-relations input", "relation", state.relations, h.r);
    uncheck("#ag-types input", "type", state.types, h.t);
    if (h.m) { state.minCount = Math.max(1, Number(h.m) || 1); $("ag-min-count").value = String(state.minCount); $("ag-min-count-out").textContent = String(state.minCount); }
    if (h.n) { state.nonAsserted = h.n === "1"; $("ag-non-asserted").checked = state.nonAsserted; }
    if (h.i) { state.hideIsolated = h.i !== "0"; $("ag-hide-isolated").checked = state.hideIsolated; }
    if (h.s) { state.small = h.s === "1"; }
    if (h.u) { state.rollup = h.u === "1" && !$("ag-rollup").disabled; $("ag-rollup").checked = state.rollup; }
    if (h.c === "community") { state.colour = "community"; $("ag-colour").value = "community"; }
    if (h.d) { state.depth = Number(h.d) === 2 ? 2 : 1; $("ag-depth").value = String(state.depth); }
    if (h.f) {
      var hit = N.filter(function (n) { return n.key === h.f; })[0];
      if (hit) { state.focus = hit.id; $("ag-search").value = hit.name; $("ag-clear").disabled = false; }
    }
    if (h.dt) { var p = h.dt.split(".."); time.set(p[0], p[1], h.ud !== "0"); }
    else if (h.ud) { time.set(null, null, h.ud !== "0"); }
    state.restore = h;
  }
  function restoreLate(h) {
    if (h.tb) {
      var p = h.tb.split(":");
      if (table.keys.indexOf(p[0]) >= 0) { table.sort.key = p[0]; }  // only a known column
      table.sort.dir = Number(p[1]) === 1 ? 1 : -1;
      table.show(true);
    }
    if (h.e !== undefined && E[Number(h.e)]) { Details.edge(Number(h.e)); }
    else if (state.focus !== null) { network.selectNodes([state.focus]); Details.node(state.focus); }
  }

  // --- first drawing ---
  network.once("afterDrawing", function () {
    timing.firstDraw = performance.now();
    if (!meta.physics) { frame(false); streamEdges(markStable); }
  });
  // The queued edges go straight into vis-network's body, a chunk per task so the page
  // stays responsive; one visible-index update per chunk instead of a full data cascade.
  function streamEdges(done) {
    if (!queue.length) { timing.allEdges = performance.now(); done(); return; }
    var chunk = queue.splice(0, CHUNK), body = network.body;
    chunk.forEach(function (e) { body.edges[e.id] = body.functions.createEdge(visEdge(e)); });
    network._updateVisibleIndices();
    network._updateValueRange(body.edges);
    network.redraw();
    setTimeout(function () { streamEdges(done); }, 0);
  }
  function markStable() {
    if (timing.stable === null) { timing.stable = performance.now(); document.body.dataset.state = "stable"; }
  }
  if (meta.physics) {
    $("ag-loading").hidden = false;
    network.on("stabilizationProgress", function (p) {
      $("ag-loading").textContent = "Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
    });
    // Physics settles the layout once, then stops so a big graph does not keep the CPU busy.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      $("ag-physics").checked = false;
      $("ag-loading").hidden = true;
      streamEdges(function () { network.once("afterDrawing", markStable); network.redraw(); });
    });
  }
  window.addEventListener("hashchange", function () {
    var h = AG.readHash();
    restoreHash(h); recolour(); refresh(true); restoreLate(h);
  });
  status();
  restoreLate(state.restore);
  if (state.colour !== "type") { recolour(); }

  // For tests, benchmarks and the curious.
  window.actorgraph = {
    network: network, nodes: nodes, edges: edges, N: N, E: E, state: state, meta: meta,
    timing: timing, refresh: refresh, streaming: function () { return queue.length > 0; }, focus: focusOn, clearFocus: clearFocus, table: table,
    findActor: search.find, labels: labels, time: time, layout: layout, details: Details,
    shownNodes: function () { return Array.from(shownNodes); },
    shownEdges: function () { return Array.from(shownEdges); },
    shown: function () { return { nodes: shownNodes.size, edges: shownEdges.size }; }
  };
})();
