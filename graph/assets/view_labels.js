// actorgraph viewer: actor names drawn over the network at a fixed screen size.
// vis-network hides labels below a zoom threshold and lets them overlap; here the names are
// placed after every drawing, most important actor first, each in the first free spot
// around its disc (below, above, right, left), the top actors further out with a leader
// line if need be, so the top names are readable at every zoom and no two labels overlap.
(function () {
  "use strict";
  var AG = window.AG = window.AG || {};
  var FONT_TOP = "600 13px system-ui, -apple-system, 'Segoe UI', sans-serif";
  var FONT = "12px system-ui, -apple-system, 'Segoe UI', sans-serif";
  var H_TOP = 16, H = 14, CELL = 64;

  // A uniform grid of placed boxes, so each collision test looks at a few neighbours only.
  function Grid() { this.cells = new Map(); }
  Grid.prototype.keys = function (b, fn) {
    for (var gx = Math.floor(b[0] / CELL); gx <= Math.floor(b[2] / CELL); gx++) {
      for (var gy = Math.floor(b[1] / CELL); gy <= Math.floor(b[3] / CELL); gy++) {
        if (fn(gx + ":" + gy)) { return true; }
      }
    }
    return false;
  };
  Grid.prototype.hits = function (b) {
    var cells = this.cells;
    return this.keys(b, function (k) {
      var list = cells.get(k);
      if (!list) { return false; }
      for (var i = 0; i < list.length; i++) {
        var o = list[i];
        if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) { return true; }
      }
      return false;
    });
  };
  Grid.prototype.add = function (b) {
    var cells = this.cells;
    this.keys(b, function (k) {
      if (!cells.has(k)) { cells.set(k, []); }
      cells.get(k).push(b);
      return false;
    });
  };

  function candidates(x, y, r, w, h, far) {
    var g = 3;
    var out = [[x, y + r + g + h / 2], [x, y - r - g - h / 2],
      [x + r + g + w / 2, y], [x - r - g - w / 2, y]];
    if (!far) { return out; }
    for (var ring = 1; ring <= 14; ring++) {
      var dist = r + g + ring * h * 1.15;
      for (var k = 0; k < 16; k++) {
        var a = 2 * Math.PI * k / 16 + ring * 0.37;
        out.push([x + Math.cos(a) * (dist + w / 2), y + Math.sin(a) * dist]);
      }
    }
    return out;
  }

  // opts: order() -> shown node ids, most important first; name(id); top (count);
  // max (labels at most); colourOf(id) unused here but kept for leader lines.
  AG.LabelLayer = function (network, opts) {
    var widths = new Map();
    var layer = { placed: [], enabled: true };
    function measure(ctx, id, text, top) {
      var key = (top ? "T" : "N") + id;
      if (!widths.has(key)) { widths.set(key, ctx.measureText(text).width); }
      return widths.get(key);
    }
    function draw(ctx) {
      layer.placed = [];
      if (!layer.enabled) { return; }
      var canvas = ctx.canvas;
      var W = canvas.clientWidth, Ht = canvas.clientHeight;
      var ratio = canvas.width / Math.max(W, 1);
      var scale = network.getScale(), view = network.getViewPosition();
      var body = network.body.nodes;
      var grid = new Grid();
      var order = opts.order();
      var todo = [];
      for (var i = 0; i < order.length; i++) {
        var n = body[order[i]];
        if (!n) { continue; }
        var sx = (n.x - view.x) * scale + W / 2, sy = (n.y - view.y) * scale + Ht / 2;
        var r = (n.shape && n.shape.radius ? n.shape.radius : n.options.size) * scale;
        if (sx < -40 || sy < -20 || sx > W + 40 || sy > Ht + 20) { continue; }
        todo.push([order[i], sx, sy, r, i < opts.top]);
        if (i < opts.top) { grid.add([sx - r, sy - r, sx + r, sy + r]); }
      }
      ctx.save();
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.textAlign = "center"; ctx.textBaseline = "middle";
      ctx.lineJoin = "round";
      var count = 0;
      for (var j = 0; j < todo.length && count < opts.max; j++) {
        var t = todo[j], top = t[4];
        if (!top && t[3] < 2.5) { continue; }  // a speck on screen: its name would be noise
        var text = opts.name(t[0]);
        ctx.font = top ? FONT_TOP : FONT;
        var w = measure(ctx, t[0], text, top) + 6, h = top ? H_TOP : H;
        var spots = candidates(t[1], t[2], t[3], w, h, top);
        for (var k = 0; k < spots.length; k++) {
          var cx = spots[k][0], cy = spots[k][1];
          var b = [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
          if (b[0] < 0 || b[1] < 0 || b[2] > W || b[3] > Ht || grid.hits(b)) { continue; }
          grid.add(b);
          layer.placed.push({ id: t[0], text: text, x: cx, y: cy, w: w, h: h, top: top,
            leader: k >= 4, nx: t[1], ny: t[2] });
          count++;
          break;
        }
      }
      paint(ctx);
      ctx.restore();
    }
    function paint(ctx) {
      layer.placed.forEach(function (p) {
        if (p.leader) {
          ctx.strokeStyle = "rgba(87, 96, 106, .6)"; ctx.lineWidth = 1;
          ctx.beginPath(); ctx.moveTo(p.nx, p.ny); ctx.lineTo(p.x, p.y); ctx.stroke();
        }
      });
      layer.placed.forEach(function (p) {
        ctx.font = p.top ? FONT_TOP : FONT;
        ctx.lineWidth = 3.5; ctx.strokeStyle = "rgba(255, 255, 255, .92)";
        ctx.strokeText(p.text, p.x, p.y);
        ctx.fillStyle = p.top ? "#1f2328" : "#3d444d";
        ctx.fillText(p.text, p.x, p.y);
      });
    }
    network.on("afterDrawing", draw);
    return layer;
  };
})();
