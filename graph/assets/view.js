// actorgraph viewer. All data is untrusted article text: it is read from a JSON block and only
// ever reaches the DOM through textContent, never innerHTML.
(function () {
  "use strict";
  var t0 = performance.now();
  var raw = JSON.parse(document.getElementById("ag-data").textContent);
  var meta = raw.meta;
  var nodes = new vis.DataSet(raw.nodes);
  var edges = new vis.DataSet(raw.edges);
  var $ = function (id) { return document.getElementById(id); };

  // Adjacency by edge id, built once: filters and focus walk it on every change.
  var adjacent = new Map();
  nodes.forEach(function (n) { adjacent.set(n.id, []); });
  edges.forEach(function (e) { adjacent.get(e.from).push(e.id); adjacent.get(e.to).push(e.id); });

  var state = {
    quads: checkedSet("#ag-quads input", "quad"),
    relations: checkedSet("#ag-relations input", "relation"),
    types: checkedSet("#ag-types input", "type"),
    minCount: 1,
    nonAsserted: $("ag-non-asserted").checked,
    hideIsolated: $("ag-hide-isolated").checked,
    focus: null,
    depth: 1
  };
  var shownNodes = new Set();
  var shownEdges = new Set();

  function checkedSet(selector, key) {
    var s = new Set();
    document.querySelectorAll(selector).forEach(function (box) {
      if (box.checked) { s.add(box.dataset[key]); }
    });
    return s;
  }

  function edgePasses(e) {
    return (e.asserted || state.nonAsserted) && e.count >= state.minCount &&
      state.quads.has(e.quad) && state.relations.has(e.relation) &&
      state.types.has(typeOf.get(e.from)) && state.types.has(typeOf.get(e.to));
  }

  var typeOf = new Map();
  nodes.forEach(function (n) { typeOf.set(n.id, n.typeKey); });

  // Decide what is shown; compute() then lets the DataViews tell the network what changed.
  function decide() {
    var passing = new Set();
    edges.forEach(function (e) { if (edgePasses(e)) { passing.add(e.id); } });
    var allowed = null;
    if (state.focus !== null) {
      allowed = new Set([state.focus]);
      var frontier = [state.focus];
      for (var step = 0; step < state.depth; step++) {
        var next = [];
        frontier.forEach(function (id) {
          adjacent.get(id).forEach(function (eid) {
            if (!passing.has(eid)) { return; }
            var e = edges.get(eid);
            var other = e.from === id ? e.to : e.from;
            if (!allowed.has(other)) { allowed.add(other); next.push(other); }
          });
        });
        frontier = next;
      }
    }
    shownEdges = new Set();
    shownNodes = new Set();
    passing.forEach(function (eid) {
      var e = edges.get(eid);
      if (allowed && !(allowed.has(e.from) && allowed.has(e.to))) { return; }
      shownEdges.add(eid); shownNodes.add(e.from); shownNodes.add(e.to);
    });
    if (state.focus !== null) { shownNodes.add(state.focus); }
    if (!state.hideIsolated) {
      nodes.forEach(function (n) {
        if (state.types.has(n.typeKey) && (!allowed || allowed.has(n.id))) { shownNodes.add(n.id); }
      });
    }
  }
  function compute() {
    decide();
    // vis-network redraws synchronously after each view's change; on a big graph every
    // redraw costs a few hundred ms, so hold them and draw once (internal emitter, 9.1.x).
    var emitter = network && network.body && network.body.emitter;
    if (emitter) { emitter.emit("_blockRedraw"); }
    try {
      edgeView.refresh();
      nodeView.refresh();
    } finally {
      if (emitter) { emitter.emit("_allowRedraw"); network.redraw(); }
    }
    status();
  }

  decide();  // before the views exist: a DataView applies its filter when it is made
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return shownNodes.has(n.id); } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return shownEdges.has(e.id); } });

  function fmt(n) { return n.toLocaleString("en"); }
  // Actors rank by relation mentions asserted as fact, then by all their mentions (negated
  // and hedged ones are stored for provenance but are not facts).
  function byWeight(a, b) {
    return (b.assertedMentions - a.assertedMentions) || (b.mentions - a.mentions);
  }
  function status() {
    var text = "Showing " + fmt(shownNodes.size) + " of " + fmt(nodes.length) + " actors, " +
      fmt(shownEdges.size) + " of " + fmt(edges.length) + " relations";
    if (state.focus !== null) { text += " · around " + nodes.get(state.focus).label; }
    $("ag-status").textContent = text;
  }

  // --- DOM builders (textContent only) ---
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function swatch(cls, colour) { var s = el("span", cls); s.style.background = colour; return s; }
  function pretty(s) { return String(s).replace(/_/g, " ").toLowerCase(); }
  function nodeColour(n) { return meta.actorColours[n.group]; }
  function quadColour(e) { return meta.quadColours[e.quad]; }

  function nodeCard(n) {
    var box = el("div");
    var h = el("div", "ag-h"); h.append(swatch("ag-dot", nodeColour(n)), el("span", "", n.label));
    box.append(h);
    var facts = [n.typeKey === "OTHER" ? pretty(n.type) : meta.typeLabels[n.typeKey]];
    if (n.country) { facts.push(n.country); }
    if (n.sector) { facts.push(pretty(n.sector)); }
    box.append(el("div", "ag-sub", facts.join(" · ")));
    if (n.role) { box.append(el("div", "ag-sub", "Role: " + n.role)); }
    var all = adjacent.get(n.id);
    var on = all.filter(function (eid) { return shownEdges.has(eid); }).length;
    box.append(el("div", "ag-sub", fmt(n.assertedMentions) + " asserted of " + fmt(n.mentions) +
      " mention" + (n.mentions === 1 ? "" : "s") + " · " + fmt(all.length) + " relation" + (all.length === 1 ? "" : "s") +
      (on < all.length ? " (" + fmt(on) + " shown)" : "")));
    if (n.aliases && n.aliases.length) {
      var more = n.nAliases - n.aliases.length - 1;
      box.append(el("div", "ag-sub", "Also: " + n.aliases.join(", ") + (more > 0 ? " …" : "")));
    }
    return box;
  }

  function edgeCard(e, full) {
    var box = el("div");
    var a = nodes.get(e.from), b = nodes.get(e.to);
    box.append(el("div", "ag-h", a.label + " → " + b.label));
    var line = el("div", "ag-sub");
    var tag = el("span", "ag-tag", e.relation); tag.style.background = quadColour(e);
    line.append(tag, document.createTextNode(meta.quadLabels[e.quad] || pretty(e.quad)));
    box.append(line);
    if (!e.asserted) { box.append(el("div", "ag-factuality", "Not asserted: " + e.factuality)); }
    box.append(el("div", "ag-sub", fmt(e.count) + " mention" + (e.count === 1 ? "" : "s") +
      " in " + fmt(e.docs) + " document" + (e.docs === 1 ? "" : "s") +
      (e.confidence !== null && e.confidence !== undefined ? " · confidence " + e.confidence : "")));
    var shown = full ? e.evidence : e.evidence.slice(0, 2);
    shown.forEach(function (ev) {
      var div = el("div", "ag-ev");
      div.append(el("q", "", ev[1]), el("div", "ag-src", "— " + ev[0]));
      box.append(div);
    });
    if (e.nEvidence > shown.length) {
      box.append(el("div", "ag-src", "+ " + (e.nEvidence - shown.length) + " more in the graph store"));
    }
    return box;
  }

  function details(card, extra) {
    var body = $("ag-details-body");
    body.replaceChildren(card);
    if (extra) { body.append(extra); }
    $("ag-details").hidden = false;
  }

  function relationList(n) {
    var list = el("ul", "ag-rels");
    var mine = adjacent.get(n.id).filter(function (eid) { return shownEdges.has(eid); })
      .map(function (eid) { return edges.get(eid); })
      .sort(function (x, y) { return y.count - x.count; });
    mine.slice(0, 25).forEach(function (e) {
      var li = el("li");
      var other = nodes.get(e.from === n.id ? e.to : e.from);
      var dir = e.from === n.id ? "→ " : "← ";
      var btn = el("button", "", other.label);
      btn.type = "button";
      btn.addEventListener("click", function () { focusOn(other.id); });
      var tag = el("span", "ag-tag", e.relation); tag.style.background = quadColour(e);
      li.append(tag, document.createTextNode(dir), btn, el("span", "ag-n", " ×" + e.count));
      list.append(li);
    });
    if (mine.length > 25) { list.append(el("li", "ag-src", "+ " + (mine.length - 25) + " more")); }
    return list;
  }

  // --- the network ---
  var container = $("ag-network");
  var options = raw.options;
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  var timing = { start: t0, network: performance.now(), firstDraw: null, stable: null };

  network.once("afterDrawing", function () {
    timing.firstDraw = performance.now();
    if (!meta.physics) { markStable(); }
  });
  // fit() frames the discs, not the labels under the lowest ones: step back a little.
  network.once("afterDrawing", function () {
    if (!meta.physics) { network.moveTo({ scale: network.getScale() * 0.92 }); }
  });
  function markStable() {
    if (timing.stable === null) {
      timing.stable = performance.now();
      document.body.dataset.state = "stable";
    }
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
      network.once("afterDrawing", markStable);
      network.redraw();
    });
  }

  // Tooltip: our own element, filled with textContent, shown when the pointer rests.
  // Hit-testing with getNodeAt/getEdgeAt costs no redraw; vis-network's own hover events
  // redraw the whole canvas on every move, far too slow on a big graph.
  var tip = $("ag-tip");
  var pointer = { x: 0, y: 0 };
  var tipAt = null;
  var restTimer = null;
  container.addEventListener("mousemove", function (ev) {
    var r = container.getBoundingClientRect();
    pointer = { x: ev.clientX - r.left, y: ev.clientY - r.top };
    if (tipAt && Math.abs(tipAt.x - pointer.x) + Math.abs(tipAt.y - pointer.y) > 12) { hideTip(); }
    clearTimeout(restTimer);
    restTimer = setTimeout(hoverAt, 120);
  });
  container.addEventListener("mouseleave", function () { clearTimeout(restTimer); hideTip(); });
  function hoverAt() {
    var node = network.getNodeAt(pointer);
    if (node !== undefined) { showTip(nodeCard(nodes.get(node))); return; }
    var edge = network.getEdgeAt(pointer);
    if (edge !== undefined) { showTip(edgeCard(edges.get(edge), false)); return; }
    hideTip();
  }
  function showTip(card) {
    tip.replaceChildren(card);
    tip.hidden = false;
    tipAt = { x: pointer.x, y: pointer.y };
    var w = container.clientWidth, h = container.clientHeight;
    var x = pointer.x + 14, y = pointer.y + 14;
    if (x + tip.offsetWidth > w) { x = Math.max(4, pointer.x - tip.offsetWidth - 14); }
    if (y + tip.offsetHeight > h) { y = Math.max(4, pointer.y - tip.offsetHeight - 14); }
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  function hideTip() { tip.hidden = true; tipAt = null; }
  ["dragStart", "zoom"].forEach(function (ev) { network.on(ev, hideTip); });

  network.on("click", function (p) {
    if (p.nodes.length) {
      var n = nodes.get(p.nodes[0]);
      details(nodeCard(n), relationList(n));
    } else if (p.edges.length) {
      details(edgeCard(edges.get(p.edges[0]), true));
    } else {
      $("ag-details").hidden = true;
    }
  });
  $("ag-details-close").addEventListener("click", function () { $("ag-details").hidden = true; });
  network.on("doubleClick", function (p) { if (p.nodes.length) { focusOn(p.nodes[0]); } });

  // --- search and focus ---
  var byName = new Map();
  nodes.forEach(function (n) {
    [n.label].concat(n.aliases || []).forEach(function (name) {
      var k = String(name).toLowerCase();
      if (!byName.has(k)) { byName.set(k, n.id); }
    });
  });
  var names = $("ag-names");
  nodes.get({ order: byWeight }).slice(0, 5000)
    .forEach(function (n) {
      var o = document.createElement("option");
      o.value = n.label;
      o.textContent = (meta.typeLabels[n.typeKey] || pretty(n.type)) +
        (n.country ? " · " + n.country : "");
      names.append(o);
    });

  function findActor(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return null; }
    if (byName.has(q)) { return byName.get(q); }
    var best = null;
    nodes.forEach(function (n) {
      if (String(n.label).toLowerCase().indexOf(q) !== -1 && (!best || byWeight(n, best) < 0)) {
        best = n;
      }
    });
    return best ? best.id : null;
  }

  function focusOn(id) {
    state.focus = id;
    state.depth = Number($("ag-depth").value);
    var n = nodes.get(id);
    $("ag-search").value = n.label;
    $("ag-clear").disabled = false;
    $("ag-search-msg").textContent = "";
    compute();
    network.selectNodes([id]);
    details(nodeCard(n), relationList(n));
    network.fit({ nodes: Array.from(shownNodes), animation: { duration: 400 } });
  }
  function clearFocus() {
    state.focus = null;
    $("ag-clear").disabled = true;
    network.unselectAll();
    compute();
    network.fit({ animation: { duration: 400 } });
  }
  $("ag-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var id = findActor($("ag-search").value);
    if (id === null) {
      $("ag-search-msg").textContent = "No actor matches that name.";
    } else {
      focusOn(id);
    }
  });
  $("ag-clear").addEventListener("click", clearFocus);
  $("ag-depth").addEventListener("change", function () {
    if (state.focus !== null) { focusOn(state.focus); }
  });

  // --- filters ---
  function bindFacet(selector, key, set) {
    document.querySelectorAll(selector).forEach(function (box) {
      box.addEventListener("change", function () {
        if (box.checked) { set.add(box.dataset[key]); } else { set.delete(box.dataset[key]); }
        compute();
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
    compute();
  }
  $("ag-rel-all").addEventListener("click", function () { setAllRelations(true); });
  $("ag-rel-none").addEventListener("click", function () { setAllRelations(false); });
  $("ag-min-count").addEventListener("input", function () {
    state.minCount = Number(this.value);
    $("ag-min-count-out").textContent = this.value;
    compute();
  });
  $("ag-non-asserted").addEventListener("change", function () {
    state.nonAsserted = this.checked; compute();
  });
  $("ag-hide-isolated").addEventListener("change", function () {
    state.hideIsolated = this.checked; compute();
  });
  $("ag-physics").addEventListener("change", function () {
    network.setOptions({ physics: { enabled: this.checked } });
  });
  $("ag-fit").addEventListener("click", function () { network.fit({ animation: { duration: 400 } }); });

  status();

  // For tests, benchmarks and the curious: the DataSets, views and controls.
  window.actorgraph = {
    network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
    state: state, meta: meta, timing: timing, refresh: compute, focus: focusOn,
    findActor: findActor, clearFocus: clearFocus,
    shown: function () { return { nodes: nodeView.length, edges: edgeView.length }; }
  };
})();
