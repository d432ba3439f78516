/* The viewer at corpus scale (runs after viewer.js, through window.kgViewer.internals): nodes sized by a
   chosen centrality and coloured by community or class, the top actors' labels drawn at every zoom level
   without overlapping, the actor network's ties with the facts behind them, a timeline of facts per month
   whose brush sets the date filter, and links from the report (#select=IRI, #tie=IRI|IRI, #from=&to=).
   Strings from the graph only reach the page through textContent or the canvas. */
(function () {
  "use strict";
  var api = window.kgViewer, K = api.internals, DATA = K.DATA, network = K.network, state = K.state;
  var el = K.el, add = K.add, clear = K.clear;
  var PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                 "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"];
  var LABEL_FONT = "bold 13px sans-serif", LABEL_HEIGHT = 17;
  var view = { sizeBy: "facts", colourBy: "class", topN: 20 };
  var ownLabel = {};  // node id -> true while its label is drawn by us (the vis label is blanked)

  // -- size and colour ------------------------------------------------------------------------------
  function metric(id, name) {
    if (name === "facts") { var n = K.nodeById[id]; return n.deg || 0; }
    var m = K.metricsById[id];
    return m ? m[name] : 0;
  }
  var maxOf = {};
  ["deg", "wdeg", "btw", "pr"].forEach(function (name) {
    maxOf[name] = DATA.network.metrics.reduce(function (mx, m) { return Math.max(mx, m[name]); }, 0) || 1;
  });
  function sizeOf(n) {
    if (view.sizeBy === "facts") return K.nodeSize(n);
    return 8 + 40 * Math.sqrt(metric(n.id, view.sizeBy) / maxOf[view.sizeBy]);
  }
  function colourOf(n) {
    if (view.colourBy === "community") {
      var m = K.metricsById[n.id];
      return m && m.comm ? PALETTE[(m.comm - 1) % PALETTE.length] : "#c8c8c8";
    }
    return (K.classes[n.cls] || K.classes.other).colour;
  }
  function restyle() {
    var updates = K.entities.map(function (n) {
      var c = colourOf(n);
      n.colour = c;  // as drawn, for detail.js
      n.size = sizeOf(n);
      return { id: n.id, size: n.size, color: { background: c, border: "#ffffff", highlight: { background: c, border: "#000000" },
                                                     hover: { background: c, border: "#333333" } } };
    });
    K.nodesSet.update(updates);
    updateTopLabels();
  }

  // -- top-N labels ---------------------------------------------------------------------------------
  var ranked = {};  // size-by -> entity ids, most central first
  function rankedIds() {
    if (!ranked[view.sizeBy]) {
      var ids = K.entities.map(function (n) { return n.id; });
      ids.sort(function (a, b) { return metric(b, view.sizeBy) - metric(a, view.sizeBy) || (a < b ? -1 : 1); });
      ranked[view.sizeBy] = ids;
    }
    return ranked[view.sizeBy];
  }
  function topIds() {
    var visible = {};
    api.visibleNodeIds().forEach(function (id) { visible[id] = true; });
    var out = [], ids = rankedIds();
    for (var i = 0; i < ids.length && out.length < view.topN; i++) if (visible[ids[i]]) out.push(ids[i]);
    return out;
  }
  var KEEP = 500;  // the most central entities a big page keeps in vis (clickable at every zoom), besides the labelled
  function updateTopLabels(noRedraw) {
    var want = {}, updates = [], top = topIds();
    top.forEach(function (id) { want[id] = true; });
    K.detail.keep(top.concat(rankedIds().slice(0, KEEP)));  // the labels are placed at vis' positions
    Object.keys(ownLabel).forEach(function (id) {
      if (!want[id]) { updates.push({ id: id, label: K.nodeById[id].label }); delete ownLabel[id]; }
    });
    Object.keys(want).forEach(function (id) {
      if (!ownLabel[id]) { updates.push({ id: id, label: "" }); ownLabel[id] = true; }
    });
    if (updates.length) K.nodesSet.update(updates);
    if (noRedraw !== true) network.redraw();
  }
  function overlaps(a, b) { return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h; }
  var drawn = [];
  // Greedy placement in screen space, most central first: each label goes to the first free slot below or
  // above its node (further rows when those are taken), so labels never overlap whatever the zoom.
  network.on("afterDrawing", function (ctx) {
    var ids = Object.keys(ownLabel).sort(function (a, b) { return metric(b, view.sizeBy) - metric(a, view.sizeBy) || (a < b ? -1 : 1); });
    var positions = network.getPositions(ids), scale = network.getScale(), placed = [];
    ctx.save();
    ctx.setTransform(window.devicePixelRatio || 1, 0, 0, window.devicePixelRatio || 1, 0, 0);
    ctx.font = LABEL_FONT;
    ctx.textBaseline = "top";
    ids.forEach(function (id) {
      if (!positions[id]) return;  // hidden by a filter since the labels were chosen
      var p = network.canvasToDOM(positions[id]), text = K.nodeById[id].label;
      var w = Math.min(ctx.measureText(text).width, 320) + 6, r = (K.nodesSet.get(id).size || 10) * scale;
      var box = null;
      for (var k = 0; k < 400 && !box; k++) {
        var row = Math.floor(k / 2), y = k % 2 === 0 ? p.y + r + 2 + row * LABEL_HEIGHT : p.y - r - 2 - (row + 1) * LABEL_HEIGHT;
        var candidate = { x: p.x - w / 2, y: y, w: w, h: LABEL_HEIGHT };
        if (!placed.some(function (b) { return overlaps(b, candidate); })) box = candidate;
      }
      if (!box) return;
      placed.push(box);
      box.id = id;
      box.text = text;
      if (Math.abs(box.y - p.y) > r + LABEL_HEIGHT + 4) {  // displaced: a leader line back to its node
        ctx.strokeStyle = "rgba(80,80,80,0.5)";
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(p.x, p.y);
        ctx.lineTo(p.x, box.y < p.y ? box.y + LABEL_HEIGHT : box.y);
        ctx.stroke();
      }
      ctx.lineWidth = 4;
      ctx.strokeStyle = "#ffffff";
      ctx.fillStyle = "#111111";
      ctx.strokeText(text, box.x + 3, box.y + 2, 320);
      ctx.fillText(text, box.x + 3, box.y + 2, 320);
    });
    ctx.restore();
    drawn = placed;
  });

  // -- actor-network ties: the facts behind one ---------------------------------------------------------
  function showTie(edgeId) {
    K.readDetails();
    var t = K.edgeById[edgeId], panel = K.panel;
    clear(panel);
    add(panel, el("h2", null, K.nodeById[t.source].label + (t.directed ? " \u2192 " : " \u2014 ") + K.nodeById[t.target].label));
    add(panel, el("p", "meta", t.kind + " \u00b7 " + t.weight + (t.weight === 1 ? " fact" : " facts") +
                  " (" + t.facts.length + " fact records)"));
    var list = el("ul", "facts");
    t.facts.forEach(function (index) {
      var f = DATA.facts[index], li = el("li");
      add(li, K.factLink(index, f.summary));
      add(li, el("div", "meta", f.type.replace(/_/g, " ") + (f.date ? " \u00b7 " + f.date : "")));
      f.evidence.forEach(function (ev) { add(li, K.renderEvidence(ev)); });
      add(list, li);
    });
    add(panel, list);
  }
  api.showTie = showTie;
  var actorBox = document.getElementById("actor-mode");
  function setActor(on) {
    state.actor = !!on;
    actorBox.checked = state.actor;
    K.refresh();
    updateTopLabels();
  }
  actorBox.addEventListener("change", function () { setActor(actorBox.checked); });
  if (!DATA.network.ties.length) actorBox.disabled = true;

  // -- timeline of facts per month, with a brush ----------------------------------------------------------
  var SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function monthKey(day) { return day.slice(0, 7); }
  function nextMonth(key) {
    var y = +key.slice(0, 4), m = +key.slice(5, 7) + 1;
    if (m > 12) { y += 1; m = 1; }
    return (y < 1000 ? ("000" + y).slice(-4) : String(y)) + "-" + (m < 10 ? "0" : "") + m;
  }
  function lastDay(key) {
    var d = new Date(Date.UTC(+key.slice(0, 4), +key.slice(5, 7), 0));
    return key + "-" + String(d.getUTCDate()).padStart(2, "0");
  }
  var counts = {};
  DATA.facts.forEach(function (f) {
    // founding dates are not events of the period: they would stretch the axis over a century
    if (f.type !== "founded" && f.range && f.range.length === 2) counts[monthKey(f.range[0])] = (counts[monthKey(f.range[0])] || 0) + 1;
  });
  var keys = Object.keys(counts).sort(), months = [];
  if (keys.length) {
    for (var key = keys[0], guard = 0; key <= keys[keys.length - 1] && guard < 2400; key = nextMonth(key), guard++) months.push(key);
  }
  var chart = document.getElementById("timeline-chart"), brush = null, bars = null, width = 0;
  var brushRange = null;  // [first index, last index] of the brushed months
  function drawTimeline() {
    clear(chart);
    width = chart.clientWidth || 600;
    var height = 70, top = months.reduce(function (m, k) { return Math.max(m, counts[k] || 0); }, 1);
    var step = width / months.length, root = svg("svg", { width: width, height: height, role: "img" });
    bars = svg("g", {});
    months.forEach(function (k, i) {
      var h = Math.round(54 * (counts[k] || 0) / top), r = svg("rect", { x: i * step, y: 56 - h, width: Math.max(1, step - 1), height: h, fill: "#3b6ea8" });
      var title = svg("title", {});
      title.textContent = k + ": " + (counts[k] || 0) + " facts";
      r.appendChild(title);
      bars.appendChild(r);
    });
    root.appendChild(bars);
    var every = Math.max(1, Math.ceil(months.length / Math.max(1, Math.floor(width / 60))));
    months.forEach(function (k, i) {
      if (i % every) return;
      var t = svg("text", { x: i * step + 1, y: 68, "font-size": 10, fill: "#555" });
      t.textContent = k;
      root.appendChild(t);
    });
    brush = svg("rect", { x: 0, y: 0, width: 0, height: 56, fill: "rgba(230,160,20,0.25)", stroke: "#c98a00" });
    root.appendChild(brush);
    chart.appendChild(root);
    showBrush();
  }
  function showBrush() {
    if (!brush) return;
    var step = width / months.length;
    if (!brushRange) { brush.setAttribute("width", 0); return; }
    brush.setAttribute("x", brushRange[0] * step);
    brush.setAttribute("width", (brushRange[1] - brushRange[0] + 1) * step);
  }
  function indexAt(clientX) {
    var rect = chart.getBoundingClientRect();
    return Math.max(0, Math.min(months.length - 1, Math.floor((clientX - rect.left) / (rect.width / months.length))));
  }
  // Brushing writes the range into the date filter's own fields, so the graph is filtered exactly as when
  // a user types the dates.
  function brushMonths(first, last) {
    var a = Math.min(first, last), b = Math.max(first, last);
    brushRange = [a, b];
    document.getElementById("date-from").value = months[a];
    document.getElementById("date-to").value = months[b];
    K.onDates();
    showBrush();
    updateTopLabels();
  }
  function clearDates() {
    brushRange = null;
    document.getElementById("date-from").value = "";
    document.getElementById("date-to").value = "";
    K.onDates();
    showBrush();
    updateTopLabels();
  }
  var dragFrom = null;
  chart.addEventListener("mousedown", function (ev) { dragFrom = indexAt(ev.clientX); brushRange = [dragFrom, dragFrom]; showBrush(); ev.preventDefault(); });
  window.addEventListener("mousemove", function (ev) {
    if (dragFrom === null) return;
    var at = indexAt(ev.clientX);
    brushRange = [Math.min(dragFrom, at), Math.max(dragFrom, at)];
    showBrush();
  });
  window.addEventListener("mouseup", function (ev) {
    if (dragFrom === null) return;
    var from = dragFrom;
    dragFrom = null;
    brushMonths(from, indexAt(ev.clientX));
  });
  document.getElementById("timeline-clear").addEventListener("click", clearDates);
  ["date-from", "date-to"].forEach(function (id) {
    document.getElementById(id).addEventListener("input", function () { brushRange = null; showBrush(); updateTopLabels(); });
  });
  if (months.length) {
    document.getElementById("timeline").hidden = false;
    drawTimeline();
    window.addEventListener("resize", drawTimeline);
  }

  // -- controls ---------------------------------------------------------------------------------------
  var sizeBy = document.getElementById("size-by"), colourBy = document.getElementById("colour-by"), topN = document.getElementById("top-n");
  sizeBy.addEventListener("change", function () { view.sizeBy = sizeBy.value; restyle(); });
  colourBy.addEventListener("change", function () { view.colourBy = colourBy.value; restyle(); });
  topN.addEventListener("input", function () { view.topN = Math.max(0, Math.min(200, parseInt(topN.value, 10) || 0)); updateTopLabels(); });
  document.querySelectorAll('#class-filters input, #type-filters input, #undated, #expanded').forEach(function (box) {
    box.addEventListener("change", updateTopLabels);
  });

  // -- links from the report: #select=IRI, #tie=IRI|IRI, #from=DATE&to=DATE ----------------------------
  var byIri = {};
  K.entities.forEach(function (n) { byIri[n.iri] = n.id; });
  function followHash() {
    var params = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var cut = part.indexOf("=");
      if (cut > 0) params[part.slice(0, cut)] = decodeURIComponent(part.slice(cut + 1));
    });
    if (params.from !== undefined || params.to !== undefined) {
      document.getElementById("date-from").value = params.from || "";
      document.getElementById("date-to").value = params.to || "";
      K.onDates();
      updateTopLabels();
    }
    if (params.tie) {
      var ends = params.tie.split("|").map(function (p) { return byIri[decodeURIComponent(p)]; });
      var tie = K.tieData.filter(function (t) { return t.source === ends[0] && t.target === ends[1]; })[0];
      if (tie) {
        setActor(true);
        K.detail.pinEdge(tie.id);  // a big page holds only the ties in view: this one too, to select it
        network.selectEdges([tie.id]);
        showTie(tie.id);
      }
    } else if (params.select && byIri[params.select]) {
      K.select(byIri[params.select]);
    }
  }
  window.addEventListener("hashchange", followHash);

  // -- test and scripting interface -----------------------------------------------------------------
  api.setSizeBy = function (name) { sizeBy.value = name; view.sizeBy = name; restyle(); };
  api.setColourBy = function (name) { colourBy.value = name; view.colourBy = name; restyle(); };
  api.setTopN = function (n) { topN.value = n; view.topN = n; updateTopLabels(); };
  api.setActor = setActor;
  api.topIds = topIds;
  api.drawnLabels = function () { return drawn.map(function (b) { return { id: b.id, text: b.text, x: b.x, y: b.y, w: b.w, h: b.h }; }); };
  api.nodeStyle = function (id) { var n = K.nodesSet.get(id); return { size: n.size, colour: n.color.background, label: n.label }; };
  api.months = function () { return months.slice(); };
  api.brushMonths = brushMonths;
  api.clearDates = clearDates;
  api.tieIds = function () { return K.tieData.map(function (t) { return t.id; }); };
  api.metrics = function (id) { return K.metricsById[id] || null; };

  updateTopLabels(true);  // drawn by the first complete drawing, next
  if (location.hash) followHash();
  performance.mark("kg:networkjs");
  api.whenSetUp();
})();
