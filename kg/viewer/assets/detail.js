/* Level of detail for the viewer at corpus scale (used by viewer.js through window.kgDetail).

   vis-network makes an object with its own merged options for every edge (tens of microseconds each) and
   draws each edge with its own canvas state: at 10,000 entities the ~80,000 edges took seconds to hand to
   vis and about a second per frame, and the ~14,000 fact nodes as much again. So in a big page vis holds
   the entities, and only the edges and fact nodes of the part of the graph in view, once that part is
   small enough to read (at most CAP edges); those are drawn, labelled, clickable and selectable by vis as
   usual. Every other visible edge (and fact node) is drawn under the nodes in one canvas path: the
   picture stays complete at every zoom, it is only not interactive until one zooms in. An item the user
   selects (a fact's edge, a tie from the report) is pinned into vis whatever the zoom. In a small page
   everything visible goes to vis and nothing is drawn here. */
(function () {
  "use strict";
  var CAP = 3000;  // edges in vis at most (besides pinned ones): about 60 ms to add, 30 ms a frame
  var MARGIN = 0.15;  // of the viewport's size on each side, so a small pan needs no update

  // vis-network draws the whole graph synchronously after every change to its data (with physics off, each
  // change "restarts the simulation", which draws): at 10,000 entities a third of a second each. Changes
  // made together (a filter, the level of detail) are made with drawing held off, then drawn once.
  // _blockRedraw / _allowRedraw are vis' own events for this (vis-network 9.1.2, pinned by pyvis).
  var held = 0;
  function hold(network) { if (held++ === 0) network.body.emitter.emit("_blockRedraw"); }
  function release(network) { if (--held === 0) { network.body.emitter.emit("_allowRedraw"); network.redraw(); } }
  function oneDrawing(network, fn) {
    if (!network) return fn();
    hold(network);
    try { return fn(); } finally { release(network); }
  }

  window.kgDetail = function (cfg) {
    // cfg: big (bool), nodeById (id -> record with x, y, cls), visEdge (record -> vis item)
    var big = cfg.big, nodeById = cfg.nodeById;
    var network = null, nodeView = null, edgesSet = null;
    var shownEdges = [], shownHubs = [];  // what the filters let through, drawn by vis or here
    var inVis = {};  // edge id -> true while the edge is in vis
    var hubsInVis = {};  // fact-node id -> true while in vis (big pages; every visible hub otherwise)
    var pinnedEdges = {}, pinnedHubs = {};
    var lastView = null, timer = null, dragging = false;

    function position(id) {
      var body = network && network.body.nodes[id];
      if (body) return body;  // vis' own, which follows a dragged node
      return nodeById[id];  // a fact node not in vis: where the layout put it
    }
    function viewport() {
      var canvas = network.canvas.frame.canvas, w = canvas.clientWidth, h = canvas.clientHeight;
      var a = network.DOMtoCanvas({ x: -MARGIN * w, y: -MARGIN * h });
      var b = network.DOMtoCanvas({ x: (1 + MARGIN) * w, y: (1 + MARGIN) * h });
      return { left: a.x, top: a.y, right: b.x, bottom: b.y };
    }
    function inside(p, r) { return p.x >= r.left && p.x <= r.right && p.y >= r.top && p.y <= r.bottom; }

    // The edges (and their fact nodes) vis should hold now: in a small page all shown; in a big one those
    // with an end in view when there are at most CAP of them, and the pinned ones.
    function wanted() {
      var edges = {}, hubs = {}, i, e;
      if (!big) {
        shownEdges.forEach(function (x) { edges[x.id] = true; });
        shownHubs.forEach(function (id) { hubs[id] = true; });
        return { edges: edges, hubs: hubs };
      }
      if (network) {
        var r = viewport(), count = 0, near = [];
        for (i = 0; i < shownEdges.length && count <= CAP; i++) {
          e = shownEdges[i];
          if (inside(position(e.source), r) || inside(position(e.target), r)) { near.push(e); count++; }
        }
        if (count <= CAP) near.forEach(function (x) { edges[x.id] = true; });
        shownHubs.forEach(function (id) { if (count <= CAP && inside(nodeById[id], r)) hubs[id] = true; });
      }
      shownEdges.forEach(function (x) { if (pinnedEdges[x.id]) edges[x.id] = true; });
      shownHubs.forEach(function (id) { if (pinnedHubs[id]) hubs[id] = true; });
      // an edge in vis needs both its ends there
      shownEdges.forEach(function (x) {
        if (!edges[x.id]) return;
        [x.source, x.target].forEach(function (id) { if (nodeById[id].cls === "fact") hubs[id] = true; });
      });
      return { edges: edges, hubs: hubs };
    }

    function sameKeys(a, b) {
      var ka = Object.keys(a), kb = Object.keys(b);
      return ka.length === kb.length && ka.every(function (k) { return b[k]; });
    }
    // Hand vis the difference: fact nodes through the nodes' DataView, edges added or removed by id.
    function apply() { oneDrawing(network, applyNow); }
    function applyNow() {
      var want = wanted();
      if (!sameKeys(want.hubs, hubsInVis)) {
        hubsInVis = want.hubs;
        nodeView.refresh();
      }
      var gone = Object.keys(inVis).filter(function (id) { return !want.edges[id]; });
      var come = shownEdges.filter(function (e) { return want.edges[e.id] && !inVis[e.id]; });
      if (gone.length) edgesSet.remove(gone);
      if (come.length) edgesSet.add(come.map(cfg.visEdge));
      inVis = want.edges;
    }

    function viewKey() {
      var p = network.getViewPosition();
      return Math.round(p.x) + "," + Math.round(p.y) + "," + network.getScale().toFixed(5);
    }
    // After any drawing whose view differs from the last one (a zoom, a pan, a focus, a resize), once the
    // view has been still for a moment.
    function viewMoved() {
      if (!big || dragging) return;
      var key = viewKey();
      if (key === lastView) return;
      clearTimeout(timer);
      timer = setTimeout(function () { lastView = viewKey(); apply(); }, 120);
    }

    // Under the nodes: every shown edge vis does not hold, as one path, and the fact nodes likewise.
    function drawRest(ctx) {
      if (!big || dragging) return;  // as vis' hideEdgesOnDrag
      var scale = network.getScale(), i, e, a, b, s;
      ctx.save();
      ctx.lineWidth = 1 / scale;
      ctx.strokeStyle = "rgba(130,130,130,0.45)";
      ctx.beginPath();
      for (i = 0; i < shownEdges.length; i++) {
        e = shownEdges[i];
        if (inVis[e.id]) continue;
        a = position(e.source);
        b = position(e.target);
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(b.x, b.y);
      }
      ctx.stroke();
      ctx.fillStyle = "#555555";
      ctx.beginPath();
      s = Math.max(4, 2 / scale);
      for (i = 0; i < shownHubs.length; i++) {
        if (hubsInVis[shownHubs[i]]) continue;
        a = nodeById[shownHubs[i]];
        ctx.rect(a.x - s / 2, a.y - s / 2, s, s);
      }
      ctx.fill();
      ctx.restore();
    }

    return {
      // the nodes' DataView filter asks this about fact nodes
      hubInVis: function (id) { return !!hubsInVis[id]; },
      // the nodes' DataView and the (empty) edges' DataSet vis will be given
      data: function (view, set) { nodeView = view; edgesSet = set; },
      attach: function (net) {
        network = net;
        network.on("beforeDrawing", drawRest);
        network.on("afterDrawing", viewMoved);
        network.on("dragStart", function (p) { if (!p.nodes.length) dragging = true; });
        network.on("dragEnd", function () { if (dragging) { dragging = false; network.redraw(); } });
      },
      // the filters changed: what is shown now (edge records, fact-node ids)
      show: function (edges, hubs) {
        shownEdges = edges;
        shownHubs = hubs;
        apply();
      },
      // make sure vis holds this edge (or fact node), e.g. to select it
      pinEdge: function (id) { pinnedEdges = {}; pinnedEdges[id] = true; apply(); },
      pinHub: function (id) { pinnedHubs = {}; pinnedHubs[id] = true; apply(); },
      update: function () { if (network) { lastView = viewKey(); apply(); } },
      inVis: function (id) { return !!inVis[id]; },
      counts: function () { return { edges: Object.keys(inVis).length, hubs: Object.keys(hubsInVis).length, big: big }; }
    };
  };
  window.kgDetail.oneDrawing = oneDrawing;
  window.kgDetail.hold = hold;
  window.kgDetail.release = release;
})();
