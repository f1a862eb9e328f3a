// actorgraph viewer: the shown relations as a sortable table, and as a CSV download.
(function () {
  "use strict";
  var AG = window.AG = window.AG || {};
  var ROWS = 500;  // rows drawn at once; the CSV always has every shown relation

  // ctx: rows() -> shown relation records {id, source, relation, target, ...};
  // open(id): show that relation's details.
  AG.Table = function (ctx) {
    var cols = [
      ["source", "Source"], ["relation", "Relation"], ["target", "Target"],
      ["quad", "Quad class"], ["factuality", "Factuality"], ["count", "Mentions"],
      ["inRange", "In date range"],
      ["documents", "Documents"], ["outlets", "Outlets"], ["first", "First seen"],
      ["last", "Last seen"]];
    var sort = { key: "count", dir: -1 };
    var table = { open: false, sort: sort };

    function sorted() {
      var key = sort.key, dir = sort.dir;
      return ctx.rows().sort(function (a, b) {
        var x = a[key], y = b[key];
        if (x === y) { return a.id - b.id; }
        if (x === null || x === undefined) { return 1; }
        if (y === null || y === undefined) { return -1; }
        return (x < y ? -1 : 1) * dir;
      });
    }
    function head() {
      var tr = AG.$("ag-table-head");
      tr.replaceChildren();
      cols.forEach(function (c) {
        var th = AG.el("th");
        var b = AG.el("button", "", c[1] + (sort.key === c[0] ? (sort.dir > 0 ? " ▲" : " ▼") : ""));
        b.type = "button"; b.dataset.key = c[0];
        b.addEventListener("click", function () {
          sort.dir = sort.key === c[0] ? -sort.dir : (["count", "inRange", "documents", "outlets"].indexOf(c[0]) >= 0 ? -1 : 1);
          sort.key = c[0];
          render();
          ctx.changed();
        });
        th.setAttribute("aria-sort", sort.key === c[0] ? (sort.dir > 0 ? "ascending" : "descending") : "none");
        th.append(b);
        tr.append(th);
      });
    }
    function render() {
      if (!table.open) { return; }
      head();
      var rows = sorted();
      var body = AG.$("ag-table-body");
      body.replaceChildren.apply(body, rows.slice(0, ROWS).map(function (r) {
        var tr = AG.el("tr");
        cols.forEach(function (c) { tr.append(AG.el("td", "", r[c[0]] === null ? "" : r[c[0]])); });
        tr.dataset.edge = String(r.id);
        tr.addEventListener("click", function () { ctx.open(r.id); });
        return tr;
      }));
      AG.$("ag-table-count").textContent = AG.plural(rows.length, "relation") + " shown" +
        (rows.length > ROWS ? " (first " + ROWS + " listed; the CSV has all)" : "");
    }
    function cell(v) {
      var s = v === null || v === undefined ? "" : String(v);
      // A leading = + - @ would make a spreadsheet run the cell as a formula.
      if (/^[=+\-@\t\r]/.test(s)) { s = "'" + s; }
      return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    }
    table.csv = function () {
      var lines = [cols.map(function (c) { return cell(c[1]); }).join(",")];
      sorted().forEach(function (r) {
        lines.push(cols.map(function (c) { return cell(r[c[0]]); }).join(","));
      });
      return lines.join("\r\n") + "\r\n";
    };
    AG.$("ag-csv").addEventListener("click", function () {
      var blob = new Blob([table.csv()], { type: "text/csv;charset=utf-8" });
      var a = AG.el("a");
      a.href = URL.createObjectURL(blob);
      a.download = "relations.csv";
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    });
    table.show = function (on) {
      table.open = on;
      AG.$("ag-table").hidden = !on;
      AG.$("ag-table-toggle").setAttribute("aria-pressed", on ? "true" : "false");
      render();
    };
    AG.$("ag-table-toggle").addEventListener("click", function () { table.show(!table.open); ctx.changed(); });
    AG.$("ag-table-close").addEventListener("click", function () { table.show(false); ctx.changed(); });
    table.render = render;
    table.keys = cols.map(function (c) { return c[0]; });
    return table;
  };
})();
