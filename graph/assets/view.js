// actorgraph viewer: start it. The Viewer is built by view_core.js, view_draw.js,
// view_controls.js and view_state.js; panels, labels, evidence, dates and the table by the
// other view_*.js scripts.
(function () {
  "use strict";
  var AG = window.AG, t0 = performance.now();
  var v = new AG.Viewer(JSON.parse(AG.$("ag-data").textContent), t0);
  var hash = AG.readHash();
  v.restoreHash(hash);
  v.decide();
  v.createNetwork();
  v.bindPanels();
  v.bindFilters();
  v.bindView();
  v.firstDrawing();
  v.watchHash();
  v.status();
  v.restoreLate(hash);
  if (v.state.colour !== "type") { v.recolour(); }

  // For tests, benchmarks and the curious.
  window.actorgraph = {
    viewer: v, network: v.network, nodes: v.nodes, edges: v.edges, N: v.N, E: v.E,
    state: v.state, meta: v.meta, timing: v.timing, time: v.time, labels: v.labels,
    layout: v.layout, details: v.details, table: v.table, findActor: v.search.find,
    refresh: function (reframe) { v.refresh(reframe); },
    focus: function (id) { v.focusOn(id); }, clearFocus: function () { v.clearFocus(); },
    streaming: function () { return v.queue.length > 0; },
    shownNodes: function () { return Array.from(v.shownNodes); },
    shownEdges: function () { return Array.from(v.shownEdges); },
    shown: function () { return { nodes: v.shownNodes.size, edges: v.shownEdges.size }; }
  };
})();
