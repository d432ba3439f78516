/* Level of detail for the viewer at corpus scale (used by viewer.js through window.kgDetail).

   vis-network makes an object with its own merged options for every node and edge (tens of microseconds
   each) and draws each one with its own canvas state: at 10,000 entities the ~80,000 edges took seconds to
   hand to vis and about a second per frame, the ~14,000 fact nodes and 10,000 entities as much again. So
   in a big page vis holds only
   - the most central entities (the ones whose labels are kept, and more: `keep`),
   - what is in view once that is small enough to read (at most NODE_CAP nodes, CAP edges),
   - what the user selected (a searched entity, a fact's edge, a tie from the report: pinned);
   those are drawn, labelled, clickable and selectable by vis as usual. Everything else the filters let
   through is drawn under them in a few canvas paths (edges as lines, nodes as squares of their colour and
   size): the picture is complete at every zoom, it only becomes interactive once one zooms in. In a small
   page vis holds everything visible and nothing is drawn here. */
(function () {
  "use strict";
  var CAP = 1500;  // edges in view given to vis at most: a few hundred ms to add (with their far ends)
  var NODE_CAP = 2000;  // nodes in view likewise
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
    // cfg: big (bool), nodeById (id -> record with x, y, cls, and colour and size as drawn), visEdge
    // (edge record -> vis item)
    var big = cfg.big, nodeById = cfg.nodeById;
    var network = null, nodeView = null, edgesSet = null, nodesSet = null;
    var shownEdges = [], shownNodes = [];  // what the filters let through, drawn by vis or here
    var edgesInVis = {}, nodesInVis = {};  // id -> true while vis holds it
    var kept = {}, pinnedEdges = {}, pinnedNodes = {};
    var lastView = null, timer = null, dragging = false, zooming = null;
    var rest = { edges: 0, nodes: 0 };  // what the last drawing drew here

    function position(id) {
      var body = network && network.body.nodes[id];
      return body || nodeById[id];  // vis' own position follows a dragged node
    }
    function viewport() {
      var canvas = network.canvas.frame.canvas, w = canvas.clientWidth, h = canvas.clientHeight;
      var a = network.DOMtoCanvas({ x: -MARGIN * w, y: -MARGIN * h });
      var b = network.DOMtoCanvas({ x: (1 + MARGIN) * w, y: (1 + MARGIN) * h });
      return { left: a.x, top: a.y, right: b.x, bottom: b.y };
    }
    function inside(p, r) { return p.x >= r.left && p.x <= r.right && p.y >= r.top && p.y <= r.bottom; }

    // What vis should hold now (see the top of the file).
    function wanted() {
      var edges = {}, nodes = {}, i, e;
      if (!big) {
        shownEdges.forEach(function (x) { edges[x.id] = true; });
        shownNodes.forEach(function (id) { nodes[id] = true; });
        return { edges: edges, nodes: nodes };
      }
      shownNodes.forEach(function (id) { if (kept[id] || pinnedNodes[id]) nodes[id] = true; });
      if (network) {
        // the nodes in view, and the edges with an end in view: the shortest CAP of them when there are more
        // (a hub with thousands of ties is in view), which are the ones around what is in view
        var r = viewport(), close = [], near = [], a, b;
        for (i = 0; i < shownNodes.length && close.length <= NODE_CAP; i++) {
          if (inside(position(shownNodes[i]), r)) close.push(shownNodes[i]);
        }
        if (close.length <= NODE_CAP) {
          close.forEach(function (id) { nodes[id] = true; });
          for (i = 0; i < shownEdges.length; i++) {
            e = shownEdges[i];
            a = position(e.source);
            b = position(e.target);
            if (inside(a, r) || inside(b, r)) near.push([(a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y), i]);
          }
          if (near.length > CAP) near.sort(function (p, q) { return p[0] - q[0] || p[1] - q[1]; });
          near.slice(0, CAP).forEach(function (x) { edges[shownEdges[x[1]].id] = true; });
        }
      }
      shownEdges.forEach(function (x) {
        if (pinnedEdges[x.id]) edges[x.id] = true;
        if (edges[x.id]) { nodes[x.source] = true; nodes[x.target] = true; }  // an edge in vis needs its ends
      });
      return { edges: edges, nodes: nodes };
    }

    function sameKeys(a, b) {
      var ka = Object.keys(a), kb = Object.keys(b);
      return ka.length === kb.length && ka.every(function (k) { return b[k]; });
    }
    // Hand vis the difference: nodes through the nodes' DataView, edges added or removed by id.
    function apply() { oneDrawing(network, applyNow); }
    function applyNow() {
      var want = wanted();
      if (!sameKeys(want.nodes, nodesInVis)) {
        nodesInVis = want.nodes;
        nodeView.refresh();
      }
      var gone = Object.keys(edgesInVis).filter(function (id) { return !want.edges[id]; });
      var come = shownEdges.filter(function (e) { return want.edges[e.id] && !edgesInVis[e.id]; });
      if (gone.length) edgesSet.remove(gone);
      if (come.length) edgesSet.add(come.map(cfg.visEdge));
      edgesInVis = want.edges;
    }

    function viewKey() {
      var p = network.getViewPosition();
      return Math.round(p.x) + "," + Math.round(p.y) + "," + network.getScale().toFixed(5);
    }
    // After any drawing whose view differs from the last one (a zoom, a pan, a focus, a resize), once the
    // view has been still for a moment.
    function viewMoved() {
      if (!big || dragging || zooming) return;
      var key = viewKey();
      if (key === lastView) return;
      clearTimeout(timer);
      timer = setTimeout(function () { timer = null; lastView = viewKey(); apply(); }, 120);
    }

    // Under vis' drawing: every shown edge vis does not hold, as one path; nodes likewise, one path a colour.
    function drawRest(ctx) {
      rest = { edges: 0, nodes: 0 };
      if (!big || dragging || zooming) return;  // as vis' hideEdgesOnDrag and hideEdgesOnZoom
      var scale = network.getScale(), i, e, a, b, n, s, byColour = {};
      ctx.save();
      ctx.lineWidth = 1 / scale;
      ctx.strokeStyle = "rgba(130,130,130,0.45)";
      ctx.beginPath();
      for (i = 0; i < shownEdges.length; i++) {
        e = shownEdges[i];
        if (edgesInVis[e.id]) continue;
        a = position(e.source);
        b = position(e.target);
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(b.x, b.y);
        rest.edges++;
      }
      ctx.stroke();
      for (i = 0; i < shownNodes.length; i++) {
        if (nodesInVis[shownNodes[i]]) continue;
        n = nodeById[shownNodes[i]];
        (byColour[n.colour] = byColour[n.colour] || []).push(n);
        rest.nodes++;
      }
      Object.keys(byColour).sort().forEach(function (colour) {
        ctx.fillStyle = colour;
        ctx.beginPath();
        byColour[colour].forEach(function (n) {
          s = Math.max(1.6 * n.size, 1.5 / scale);  // at least a pixel and a half, to be seen
          ctx.rect(n.x - s / 2, n.y - s / 2, s, s);
        });
        ctx.fill();
      });
      ctx.restore();
    }

    // The view that shows every visible node (vis' fit only sees the nodes it holds).
    function fitAll() {
      if (!big) { network.fit({ animation: false }); return; }
      var canvas = network.canvas.frame.canvas, box = null;
      shownNodes.forEach(function (id) {
        var p = position(id), r = nodeById[id].size || 10;
        if (!box) box = { left: p.x - r, right: p.x + r, top: p.y - r, bottom: p.y + r };
        box.left = Math.min(box.left, p.x - r);
        box.right = Math.max(box.right, p.x + r);
        box.top = Math.min(box.top, p.y - r);
        box.bottom = Math.max(box.bottom, p.y + r);
      });
      if (!box) return;
      var scale = 0.95 * Math.min(canvas.clientWidth / (box.right - box.left || 1), canvas.clientHeight / (box.bottom - box.top || 1));
      network.moveTo({ position: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 }, scale: scale,
                       animation: false });
    }

    return {
      // the nodes' DataView filter asks this
      nodeInVis: function (id) { return !!nodesInVis[id]; },
      // the nodes' DataView and DataSet, and the (empty) edges' DataSet vis will be given
      data: function (view, set, nodes) { nodeView = view; edgesSet = set; nodesSet = nodes; },
      attach: function (net) {
        network = net;
        network.on("beforeDrawing", drawRest);
        network.on("afterDrawing", viewMoved);
        network.on("dragStart", function (p) { if (!p.nodes.length) dragging = true; });
        // while the wheel turns, frames stay quick; drawn in full a moment after the last step
        network.on("zoom", function () {
          if (!big) return;
          clearTimeout(zooming);
          zooming = setTimeout(function () { zooming = null; network.redraw(); }, 250);
        });
        network.on("dragEnd", function (p) {
          if (dragging) { dragging = false; network.redraw(); return; }
          // a dragged node keeps its place when it leaves vis and comes back
          var moved = network.getPositions(p.nodes);
          nodesSet.update(p.nodes.map(function (id) {
            nodeById[id].x = moved[id].x;
            nodeById[id].y = moved[id].y;
            return { id: id, x: moved[id].x, y: moved[id].y };
          }));
        });
      },
      // the filters changed: what is shown now (edge records, node ids)
      show: function (edges, nodes) { shownEdges = edges; shownNodes = nodes; apply(); },
      // the entities vis always holds in a big page (network.js: the most central, labels first)
      keep: function (ids) {
        kept = {};
        ids.forEach(function (id) { kept[id] = true; });
        apply();
      },
      // make sure vis holds this edge (or node), e.g. to select it
      pinEdge: function (id) { pinnedEdges = {}; pinnedEdges[id] = true; apply(); },
      pinNode: function (id) { pinnedNodes = {}; pinnedNodes[id] = true; apply(); },
      update: function () { if (network) { lastView = viewKey(); apply(); } },
      fit: function () { oneDrawing(network, function () { fitAll(); lastView = viewKey(); applyNow(); }); },
      edgeInVis: function (id) { return !!edgesInVis[id]; },
      counts: function () {
        return { edges: Object.keys(edgesInVis).length, nodes: Object.keys(nodesInVis).length, big: big,
                 restEdges: rest.edges, restNodes: rest.nodes, pending: timer !== null || zooming !== null };
      }
    };
  };
  window.kgDetail.oneDrawing = oneDrawing;
  window.kgDetail.hold = hold;
  window.kgDetail.release = release;
})();
