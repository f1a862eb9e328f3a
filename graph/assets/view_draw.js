// actorgraph viewer: the network drawing. vis-network items, visibility, arrows, framing,
// edges streamed in after the first drawing, the status line.
(function () {
  "use strict";
  var AG = window.AG, $ = AG.$, fmt = AG.fmt;
  var V = AG.Viewer.prototype;
  var FIRST_EDGES = 3000, CHUNK = 2000;

  V.nodeColour = function (n) {
    if (this.state.colour === "community") { return this.meta.communityColours[n.community] || "#c4c9cf"; }
    return this.meta.actorColours[n.typeKey];
  };
  V.visNode = function (n) {
    var c = this.nodeColour(n);
    var v = { id: n.id, value: n.asserted, hidden: !this.shownNodes.has(n.id),
      color: { background: c, border: "#ffffff", highlight: { background: c, border: "#1f2328" },
        hover: { background: c, border: "#1f2328" } } };
    if (n.x !== null) { v.x = n.x; v.y = n.y; }
    return v;
  };
  V.visEdge = function (e) {
    var c = this.meta.quadColours[e.quadKey];
    var v = { id: e.id, from: e.from, to: e.to, value: e.count, hidden: !this.shownEdges.has(e.id),
      color: e.asserted ? c : c + "99", dashes: !e.asserted };
    if (e.from === e.to) { v.selfReference = { size: 14 }; }
    if (e.curve) {
      v.smooth = { enabled: true, type: e.curve > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(e.curve) };
    }
    return v;
  };

  // A big graph opens with its heaviest shown relations; the rest stream in after the first
  // drawing (vis-network builds each edge object for ~50-100 us: 20,000 take seconds).
  V.createNetwork = function () {
    var self = this, shown = this.shownEdges, first = this.meta.physics ? this.E.length : FIRST_EDGES;
    var byWeight = this.E.slice().sort(function (a, b) {
      return (shown.has(b.id) - shown.has(a.id)) || (b.count - a.count) || (a.id - b.id);
    });
    this.queue = byWeight.slice(first);
    this.timing.parsed = performance.now();
    this.nodes = new vis.DataSet(this.N.map(function (n) { return self.visNode(n); }));
    this.edges = new vis.DataSet(byWeight.slice(0, first).map(function (e) { return self.visEdge(e); }));
    this.timing.datasets = performance.now();
    this.container = $("ag-network");
    var network = this.network = new vis.Network(this.container, { nodes: this.nodes, edges: this.edges },
      this.raw.options);
    this.timing.network = performance.now();
    this.labels = AG.LabelLayer(network, {
      top: this.meta.topLabels, max: 150,
      order: function () { return self.ranked.filter(function (id) { return self.shownNodes.has(id); }); },
      name: function (id) { return self.N[id].name; }
    });
    this.arrowsOn = this.raw.options.edges.arrows.to.enabled;
    var zoomTimer = null;
    network.on("zoom", function () { clearTimeout(zoomTimer); zoomTimer = setTimeout(function () { self.arrows(); }, 150); });
  };

  // Visibility goes straight to vis-network's items: updating 20,000 DataSet items (or a
  // DataView refresh, which rebuilds every edge) takes seconds.
  V.apply = function () {
    var bn = this.network.body.nodes, be = this.network.body.edges, changed = false;
    var shownNodes = this.shownNodes, shownEdges = this.shownEdges;
    this.N.forEach(function (n) {
      var hidden = !shownNodes.has(n.id);
      if (bn[n.id] && bn[n.id].options.hidden !== hidden) { bn[n.id].options.hidden = hidden; changed = true; }
    });
    this.E.forEach(function (e) {
      var hidden = !shownEdges.has(e.id);
      if (be[e.id] && be[e.id].options.hidden !== hidden) { be[e.id].options.hidden = hidden; changed = true; }
    });
    // Only the visible-index lists depend on "hidden"; the full "_dataChanged" cascade also
    // reconnects every edge and costs half a second at 20,000 relations (vis-network 9.1.2).
    if (changed) { this.network._updateVisibleIndices(); }
    this.arrows();
  };
  // Arrow heads cost more than half of a drawing of thousands of edges and are specks at
  // that zoom: drawn when few relations are shown or when zoomed in.
  V.arrows = function () {
    var want = this.shownEdges.size <= 4000 || this.network.getScale() > 0.7;
    if (want !== this.arrowsOn) {
      this.arrowsOn = want;
      this.network.setOptions({ edges: { arrows: { to: { enabled: want, scaleFactor: 0.55 } } } });
    }
  };
  V.refresh = function (reframe) {
    var t = performance.now();
    this.decide();
    this.apply();
    this.status();
    this.table.render();
    if (reframe) { this.frame(true); } else { this.network.redraw(); }
    this.saveHash();
    this.timing.filter.push(performance.now() - t);
  };
  V.frame = function (animate) {
    var ids = Array.from(this.shownNodes), network = this.network;
    // An animation redraws every frame: on thousands of relations one jump is smoother.
    animate = animate && this.shownEdges.size <= 3000;
    if (!ids.length) { network.redraw(); return; }
    // A small view may zoom in past 1:1 (vis-network stops at 1 by default) to fill the canvas.
    network.fit({ nodes: ids, maxZoomLevel: 2,
      animation: animate ? { duration: 300, easingFunction: "easeInOutQuad" } : false });
    // fit() frames the discs, not the names beside the outer ones: step back a little.
    if (!animate) { network.moveTo({ scale: network.getScale() * 0.9 }); }
  };
  V.recolour = function () {
    var self = this;
    this.nodes.update(this.N.map(function (n) { var v = self.visNode(n); return { id: v.id, color: v.color }; }));
  };
  V.status = function () {
    var meta = this.meta, small = this.smallHidden;
    var text = "Showing " + fmt(this.shownNodes.size) + " of " + fmt(meta.drawnNodes) + " actors, " +
      fmt(this.shownEdges.size) + " of " + fmt(meta.drawnEdges) + " relations";
    if (this.state.focus !== null) { text += " · around " + this.N[this.state.focus].name; }
    if (small.hidden) { text += " · " + AG.plural(small.groups, "small group") + " hidden"; }
    $("ag-status").textContent = text;
    $("ag-small-n").textContent = small.groups ?
      AG.plural(small.groups, "group") + ", " + AG.plural(small.actors, "actor") : "none";
    $("ag-small").checked = !small.hidden;
  };

  // The queued edges go straight into vis-network's body, a chunk per task so the page
  // stays responsive; one visible-index update per chunk instead of a full data cascade.
  V.streamEdges = function (done) {
    var self = this, body = this.network.body;
    if (!this.queue.length) { this.timing.allEdges = performance.now(); done(); return; }
    this.queue.splice(0, CHUNK).forEach(function (e) { body.edges[e.id] = body.functions.createEdge(self.visEdge(e)); });
    this.network._updateVisibleIndices();
    this.network._updateValueRange(body.edges);
    this.network.redraw();
    setTimeout(function () { self.streamEdges(done); }, 0);
  };
  V.markStable = function () {
    if (this.timing.stable === null) { this.timing.stable = performance.now(); document.body.dataset.state = "stable"; }
  };
  V.firstDrawing = function () {
    var self = this, network = this.network;
    network.once("afterDrawing", function () {
      self.timing.firstDraw = performance.now();
      if (!self.meta.physics) { self.frame(false); self.streamEdges(function () { self.markStable(); }); }
    });
    if (!this.meta.physics) { return; }
    $("ag-loading").hidden = false;
    network.on("stabilizationProgress", function (p) {
      $("ag-loading").textContent = "Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
    });
    // Physics settles the layout once, then stops so a big graph does not keep the CPU busy.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      $("ag-physics").checked = false;
      $("ag-loading").hidden = true;
      self.streamEdges(function () {
        network.once("afterDrawing", function () { self.markStable(); });
        network.redraw();
      });
    });
  };
})();
