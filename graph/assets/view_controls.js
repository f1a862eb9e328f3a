// actorgraph viewer: the controls. Details panel, search and focus, filters, colour,
// roll-up, layout and the table, each wired to the Viewer.
(function () {
  "use strict";
  var AG = window.AG, $ = AG.$, pretty = AG.pretty;
  var V = AG.Viewer.prototype;

  V.bindPanels = function () {
    var self = this, state = this.state, network = this.network;
    this.details = AG.Details({ N: this.N, E: this.E, meta: this.meta, adjacent: this.adjacent,
      evidence: this.evidence, shownEdges: function () { return self.shownEdges; }, state: state,
      time: this.time, focus: function (id) { self.focusOn(id); },
      select: function (sel) { state.selected = sel; self.saveHash(); } });
    network.on("click", function (p) {
      if (p.nodes.length) { self.details.node(p.nodes[0]); }
      else if (p.edges.length) { self.details.edge(p.edges[0]); }
      else { self.details.close(); }
    });
    network.on("doubleClick", function (p) { if (p.nodes.length) { self.focusOn(p.nodes[0]); } });
    AG.Tooltip(network, this.container, this.details);
    this.search = AG.Search(this.N, this.ranked, this.meta);
    $("ag-search-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var id = self.search.find($("ag-search").value);
      if (id === null) { $("ag-search-msg").textContent = "No actor matches that name."; } else { self.focusOn(id); }
    });
    $("ag-clear").addEventListener("click", function () { self.clearFocus(); });
    $("ag-depth").addEventListener("change", function () { if (state.focus !== null) { self.focusOn(state.focus); } });
  };
  V.focusOn = function (id) {
    this.state.focus = id;
    this.state.depth = Number($("ag-depth").value);
    $("ag-search").value = this.N[id].name;
    $("ag-clear").disabled = false;
    $("ag-search-msg").textContent = "";
    this.refresh(true);
    this.network.selectNodes([id]);
    this.details.node(id);
  };
  V.clearFocus = function () {
    this.state.focus = null;
    $("ag-clear").disabled = true;
    this.network.unselectAll();
    this.refresh(true);
  };

  function bindFacet(viewer, selector, key, set) {
    document.querySelectorAll(selector).forEach(function (box) {
      box.addEventListener("change", function () {
        if (box.checked) { set.add(box.dataset[key]); } else { set.delete(box.dataset[key]); }
        viewer.refresh(true);
      });
    });
  }
  function toggle(viewer, id, apply) {
    $(id).addEventListener("change", function () { apply(this); viewer.refresh(true); });
  }
  V.bindFilters = function () {
    var self = this, state = this.state;
    bindFacet(this, "#ag-quads input", "quad", state.quads);
    bindFacet(this, "#ag-relations input", "relation", state.relations);
    bindFacet(this, "#ag-types input", "type", state.types);
    function setAllRelations(on) {
      document.querySelectorAll("#ag-relations input").forEach(function (box) {
        box.checked = on;
        if (on) { state.relations.add(box.dataset.relation); } else { state.relations.delete(box.dataset.relation); }
      });
      self.refresh(true);
    }
    $("ag-rel-all").addEventListener("click", function () { setAllRelations(true); });
    $("ag-rel-none").addEventListener("click", function () { setAllRelations(false); });
    $("ag-min-count").addEventListener("input", function () {
      state.minCount = Number(this.value); $("ag-min-count-out").textContent = this.value; self.refresh(true);
    });
    toggle(this, "ag-non-asserted", function (box) { state.nonAsserted = box.checked; });
    toggle(this, "ag-hide-isolated", function (box) { state.hideIsolated = box.checked; });
    toggle(this, "ag-small", function (box) { state.small = box.checked; });
    toggle(this, "ag-rollup", function (box) { state.rollup = box.checked; });
    $("ag-colour").addEventListener("change", function () { state.colour = this.value; self.recolour(); self.saveHash(); });
  };
  V.bindView = function () {
    var self = this, network = this.network;
    this.layout = AG.Relayout(network, this.N, function () { return self.shownNodes; },
      function (animate) { self.frame(animate); });
    $("ag-physics").addEventListener("change", function () { network.setOptions({ physics: { enabled: this.checked } }); });
    $("ag-fit").addEventListener("click", function () { self.frame(true); });
    this.table = AG.Table({
      rows: function () { return self.tableRows(); },
      open: function (id) { self.details.edge(id); }, changed: function () { self.saveHash(); }
    });
  };
  V.tableRows = function () {
    var N = this.N, E = this.E, meta = this.meta, time = this.time;
    return Array.from(this.shownEdges).map(function (eid) {
      var e = E[eid];
      return { id: eid, source: N[e.from].name, relation: e.rel, target: N[e.to].name,
        quad: meta.quadLabels[e.quadKey] || pretty(e.quadKey), factuality: e.fact,
        count: e.count, inRange: time.range ? time.countIn(e) : null,
        documents: e.documents, outlets: e.outlets,
        first: e.days.length ? AG.dayISO(e.days[0]) : null,
        last: e.days.length ? AG.dayISO(e.days[e.days.length - 2]) : null };
    });
  };
})();
