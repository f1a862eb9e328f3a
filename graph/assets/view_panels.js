// actorgraph viewer: the details panel (actor, relation, evidence), the tooltip, search and
// re-layout. Text only through textContent.
(function () {
  "use strict";
  var AG = window.AG, $ = AG.$, el = AG.el, fmt = AG.fmt, pretty = AG.pretty;

  // ctx: N, E, meta, adjacent, evidence, shownEdges(), state, time, focus(id), select(s)
  AG.Details = function (ctx) {
    var N = ctx.N, E = ctx.E, meta = ctx.meta;
    function tag(e) {
      var t = el("span", "ag-tag", e.rel); t.style.background = meta.quadColours[e.quadKey];
      return t;
    }
    function nodeCard(n) {
      var box = el("div");
      var h = el("div", "ag-h");
      h.append(AG.swatch("ag-dot", meta.actorColours[n.typeKey]), el("span", "", n.name));
      box.append(h);
      var facts = [n.typeKey === "OTHER" ? pretty(n.type) : meta.typeLabels[n.typeKey]];
      if (n.country) { facts.push(n.country); }
      if (n.sector) { facts.push(pretty(n.sector)); }
      box.append(el("div", "ag-sub", facts.join(" · ")));
      if (n.role) { box.append(el("div", "ag-sub", "Role: " + n.role)); }
      var all = ctx.adjacent[n.id], shown = ctx.shownEdges();
      var on = all.filter(function (eid) { return shown.has(eid); }).length;
      box.append(el("div", "ag-sub", fmt(n.asserted) + " asserted of " + AG.plural(n.mentions, "mention") +
        " · " + AG.plural(all.length, "relation") + (on < all.length ? " (" + fmt(on) + " shown)" : "")));
      if (n.aliases && n.aliases.length) {
        var more = n.nAliases - n.aliases.length - 1;
        box.append(el("div", "ag-sub", "Also: " + n.aliases.join(", ") + (more > 0 ? " …" : "")));
      }
      return box;
    }
    // Relation chips: the relation tag opens its evidence; the other actor's name focuses.
    function relationList(n) {
      var list = el("ul", "ag-rels"), shown = ctx.shownEdges();
      var mine = ctx.adjacent[n.id].filter(function (eid) { return shown.has(eid); })
        .map(function (eid) { return E[eid]; })
        .sort(function (x, y) { return y.count - x.count; });
      mine.slice(0, 40).forEach(function (e) {
        var li = el("li"), other = N[e.from === n.id ? e.to : e.from];
        var chip = el("button", "ag-chip"); chip.type = "button";
        chip.dataset.edge = String(e.id);
        chip.title = "Evidence for " + e.rel;
        chip.append(tag(e), document.createTextNode((e.from === n.id ? "→ " : "← ") + other.name),
          el("span", "ag-n", " ×" + e.count));
        chip.addEventListener("click", function () { edge(e.id); });
        var go = el("button", "ag-go", "⌖"); go.type = "button";
        go.title = "Focus on " + other.name;
        go.addEventListener("click", function () { ctx.focus(other.id); });
        li.append(chip, go);
        list.append(li);
      });
      if (mine.length > 40) { list.append(el("li", "ag-src", "+ " + (mine.length - 40) + " more (see the table)")); }
      return list;
    }
    function edgeCard(e, full) {
      var box = el("div");
      box.append(el("div", "ag-h", N[e.from].name + " → " + N[e.to].name));
      var line = el("div", "ag-sub");
      line.append(tag(e), document.createTextNode(meta.quadLabels[e.quadKey] || pretty(e.quadKey)));
      box.append(line);
      if (!e.asserted) { box.append(el("div", "ag-factuality", "Not asserted: " + e.fact)); }
      var seen = e.days.length ? " · " + AG.dayISO(e.days[0]) +
        (e.days.length > 2 ? " – " + AG.dayISO(e.days[e.days.length - 2]) : "") : "";
      box.append(el("div", "ag-sub", AG.plural(e.count, "mention") + " in " + AG.plural(e.documents, "document") +
        (e.outlets ? " from " + AG.plural(e.outlets, "outlet") : "") + seen +
        (e.confidence !== null && e.confidence !== undefined ? " · confidence " + e.confidence : "")));
      if (e.roll === 2) { box.append(el("div", "ag-sub", "Rolled up from " + AG.plural(e.members.length, "relation"))); }
      if (full) { box.append(AG.sparkline(e.days, meta.quadColours[e.quadKey])); }
      return box;
    }
    function open(card, extra) {
      var body = $("ag-details-body");
      body.replaceChildren(card);
      if (extra) { body.append(extra); }
      $("ag-details").hidden = false;
    }
    function node(id) { ctx.select(null); open(nodeCard(N[id]), relationList(N[id])); }
    function edge(id) {
      var e = E[id], holder = el("div", "ag-ev-holder", "Loading evidence…");
      ctx.select(id);
      open(edgeCard(e, true), holder);
      var indices = e.roll === 2 ? e.members : [e.id];
      ctx.evidence.getMany(indices, function (groups) {
        if (groups === null) {
          holder.textContent = "Evidence file not found next to this page (" + meta.evidence.files + "*.js).";
          return;
        }
        holder.replaceChildren(AG.evidenceList(groups));
      });
    }
    function close() { ctx.select(null); $("ag-details").hidden = true; }
    $("ag-details-close").addEventListener("click", close);
    return { node: node, edge: edge, close: close, nodeCard: nodeCard, edgeCard: edgeCard };
  };

  // Tooltip: our own element, shown when the pointer rests. Hit-testing with getNodeAt/
  // getEdgeAt costs no redraw; vis-network's hover events redraw the whole canvas per move.
  AG.Tooltip = function (network, container, details) {
    var tip = $("ag-tip"), pointer = { x: 0, y: 0 }, tipAt = null, restTimer = null;
    container.addEventListener("mousemove", function (ev) {
      var r = container.getBoundingClientRect();
      pointer = { x: ev.clientX - r.left, y: ev.clientY - r.top };
      if (tipAt && Math.abs(tipAt.x - pointer.x) + Math.abs(tipAt.y - pointer.y) > 12) { hide(); }
      clearTimeout(restTimer);
      restTimer = setTimeout(hoverAt, 120);
    });
    container.addEventListener("mouseleave", function () { clearTimeout(restTimer); hide(); });
    function hoverAt() {
      var node = network.getNodeAt(pointer);
      if (node !== undefined) { show(details.nodeCard(window.actorgraph.N[node])); return; }
      var edge = network.getEdgeAt(pointer);
      if (edge !== undefined) { show(details.edgeCard(window.actorgraph.E[edge], false)); return; }
      hide();
    }
    function show(card) {
      tip.replaceChildren(card);
      tip.hidden = false;
      tipAt = { x: pointer.x, y: pointer.y };
      var w = container.clientWidth, h = container.clientHeight;
      var x = pointer.x + 14, y = pointer.y + 14;
      if (x + tip.offsetWidth > w) { x = Math.max(4, pointer.x - tip.offsetWidth - 14); }
      if (y + tip.offsetHeight > h) { y = Math.max(4, pointer.y - tip.offsetHeight - 14); }
      tip.style.left = x + "px"; tip.style.top = y + "px";
    }
    function hide() { tip.hidden = true; tipAt = null; }
    ["dragStart", "zoom"].forEach(function (ev) { network.on(ev, hide); });
  };

  AG.Search = function (N, ranked, meta) {
    var byName = new Map();
    N.forEach(function (n) {
      [n.name].concat(n.aliases || []).forEach(function (name) {
        var k = String(name).toLowerCase();
        if (!byName.has(k)) { byName.set(k, n.id); }
      });
    });
    var names = $("ag-names");
    ranked.slice(0, 5000).forEach(function (id) {
      var n = N[id];
      if (n.synthetic) { return; }
      var o = document.createElement("option");
      o.value = n.name;
      o.textContent = (meta.typeLabels[n.typeKey] || pretty(n.type)) + (n.country ? " · " + n.country : "");
      names.append(o);
    });
    function find(query) {
      var q = String(query).trim().toLowerCase();
      if (!q) { return null; }
      if (byName.has(q)) { return byName.get(q); }
      for (var i = 0; i < ranked.length; i++) {  // most important first
        if (String(N[ranked[i]].name).toLowerCase().indexOf(q) !== -1) { return ranked[i]; }
      }
      return null;
    }
    return { find: find };
  };

  // Re-layout of what is shown: physics on the shown actors only (vis-network skips hidden
  // ones), a bounded number of rounds, then off; "Original layout" puts everyone back.
  AG.Relayout = function (network, N, shown, frame) {
    var original = null, api = { running: false };
    function run() {
      if (api.running) { return; }
      var body = network.body.nodes;
      if (original === null) {
        original = N.map(function (n) { return body[n.id] ? [body[n.id].x, body[n.id].y] : null; });
      }
      api.running = true;
      $("ag-relayout").disabled = true;
      var count = shown().size;
      var finished = false;
      function finish() {
        if (finished) { return; }
        finished = true;
        network.setOptions({ physics: { enabled: false } });
        api.running = false;
        $("ag-relayout").disabled = false;
        $("ag-restore").disabled = false;
        frame(true);
      }
      network.once("stabilizationIterationsDone", finish);
      network.once("stabilized", finish);
      network.setOptions({ physics: { enabled: true, solver: "forceAtlas2Based",
        stabilization: { enabled: true, iterations: count > 2000 ? 80 : count > 500 ? 150 : 300, fit: false } } });
      network.stabilize(count > 2000 ? 80 : count > 500 ? 150 : 300);
    }
    function restore() {
      if (original === null) { return; }
      var body = network.body.nodes;
      original.forEach(function (p, i) { if (p && body[i]) { body[i].x = p[0]; body[i].y = p[1]; } });
      $("ag-restore").disabled = true;
      frame(true);
    }
    $("ag-relayout").addEventListener("click", run);
    $("ag-restore").addEventListener("click", restore);
    api.run = run; api.restore = restore;
    return api;
  };
})();
