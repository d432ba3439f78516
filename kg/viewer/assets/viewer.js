/* The knowledge-graph viewer. Data comes from the JSON blocks #kg-data (the graph, read at opening) and
   #kg-details (what the details panel shows, read the first time it shows something: readDetails); every
   string in them is untrusted (labels and quotes come from articles), so it only ever reaches the page
   through textContent or the canvas, never innerHTML. */
(function () {
  "use strict";
  performance.mark("kg:start");
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  performance.mark("kg:parsed");
  // Records come as columns ({field: [value per record]}) and IRIs as [namespace index, local name].
  function records(table) {
    var keys = Object.keys(table), count = keys.length ? table[keys[0]].length : 0, out = new Array(count);
    for (var i = 0; i < count; i++) {
      var record = {};
      for (var k = 0; k < keys.length; k++) record[keys[k]] = table[keys[k]][i];
      out[i] = record;
    }
    return out;
  }
  function fullIri(value) { return value ? DATA.namespaces[value[0]] + value[1] : ""; }
  ["nodes", "edges", "facts"].forEach(function (name) { DATA[name] = records(DATA[name]); });
  DATA.network.metrics = records(DATA.network.metrics);
  DATA.network.ties = records(DATA.network.ties);
  DATA.nodes.forEach(function (n) { n.iri = fullIri(n.iri); });
  // The details join the same node and fact records (so every reference to them stays good).
  var detailsRead = false;
  function readDetails() {
    if (detailsRead) return;
    detailsRead = true;
    var more = JSON.parse(document.getElementById("kg-details").textContent);
    records(more.nodes).forEach(function (n, i) { Object.assign(DATA.nodes[i], n); });
    records(more.facts).forEach(function (f, i) { Object.assign(DATA.facts[i], f); DATA.facts[i].iri = fullIri(f.iri); });
    DATA.evidence = records(more.evidence);
    DATA.contexts = more.contexts;
    DATA.articles = more.articles;
  }
  performance.mark("kg:records");
  var BIG = DATA.nodes.length > 1500;
  var WIKIDATA_ID = /^Q[0-9]+$/;
  var api = { ready: false, stableMs: null };
  window.kgViewer = api;

  // -- small DOM helpers (text only) ------------------------------------------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]);
    return parent;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function $(id) { return document.getElementById(id); }

  // -- indexes ------------------------------------------------------------------------------------------
  var classes = {};
  DATA.classes.forEach(function (c) { classes[c.id] = c; });
  var nodeById = {};
  DATA.nodes.forEach(function (n) { nodeById[n.id] = n; });
  var edgeData = DATA.edges.map(function (e, i) { e.id = "e" + i; return e; });
  var edgeById = {};
  edgeData.forEach(function (e) { edgeById[e.id] = e; });
  var entities = DATA.nodes.filter(function (n) { return n.cls !== "fact"; });
  var hubOfFact = {};
  DATA.nodes.forEach(function (n) { if (n.cls === "fact") hubOfFact[n.fact] = n.id; });
  var plainEdgeAt = {};  // entity ids at an asserted edge with no fact node
  edgeData.forEach(function (e) { if (e.fact === null) { plainEdgeAt[e.source] = true; plainEdgeAt[e.target] = true; } });
  var edgeOfFact = {};
  edgeData.forEach(function (e) { if (e.fact !== null && e.mode === "all" && !(e.fact in edgeOfFact)) edgeOfFact[e.fact] = e.id; });
  // Ties of the actor network (shown instead of the facts in the actor-network mode): one per pair and kind,
  // with the facts behind it.
  var metricsById = {};
  DATA.network.metrics.forEach(function (m) { metricsById[m.id] = m; });
  var tieData = DATA.network.ties.map(function (t, i) {
    return { id: "t" + i, source: t.source, target: t.target, fact: null, facts: t.facts, mode: "actor",
             kind: t.kind, weight: t.weight, directed: t.directed,
             label: t.kind + (t.weight > 1 ? " \u00d7" + t.weight : "") };
  });
  tieData.forEach(function (e) { edgeById[e.id] = e; });

  var state = {
    expanded: !DATA.options.collapsed,
    actor: false,
    hiddenClasses: {},
    hiddenTypes: {},
    from: "",
    to: "",
    undated: true
  };

  // -- filters ------------------------------------------------------------------------------------------
  // Date filter: a fact is shown when its date overlaps [from, to]; facts without a date (and asserted
  // edges with no fact node) follow the "facts without a date" box. While a from or to date is set, an
  // entity is shown only if at least one of its facts is shown (type and date filters both apply), so
  // the graph holds the people and things of that period; with no date set every entity stays.
  function rangeSet() { return !!(state.from || state.to); }
  function factVisible(index) {
    if (index === null || index === undefined) return state.undated || !rangeSet();
    var f = DATA.facts[index];
    if (state.hiddenTypes[f.type]) return false;
    if (!f.range || f.range.length !== 2) return state.undated || !rangeSet();
    if (state.from && f.range[1] < state.from) return false;
    if (state.to && f.range[0] > state.to) return false;
    return true;
  }
  var keptByDate = null;  // while a date range is set: {entity id: true} for entities with a visible fact
  function updateKeptByDate() {
    if (!rangeSet()) { keptByDate = null; return; }
    keptByDate = {};
    var plain = factVisible(null);
    entities.forEach(function (n) {
      if ((plain && plainEdgeAt[n.id]) || (n.facts || []).some(factVisible)) keptByDate[n.id] = true;
    });
  }
  function nodeVisible(n) {
    var data = nodeById[n.id];
    if (data.cls === "fact") return state.expanded && !state.actor && factVisible(data.fact);
    if (state.actor && !metricsById[n.id]) return false;
    return !state.hiddenClasses[data.cls] && (keptByDate === null || keptByDate[n.id] === true);
  }
  function edgeVisible(e) {
    var data = edgeById[e.id];
    if (data.mode === "actor") return state.actor && data.facts.some(factVisible);
    if (state.actor) return false;
    if (data.mode === "hub" && !state.expanded) return false;
    if (data.mode === "flat" && state.expanded) return false;
    return factVisible(data.fact);
  }

  // -- vis data -------------------------------------------------------------------------------------
  function nodeSize(n) { return Math.min(48, 10 + 5 * Math.sqrt(n.deg || 0)); }
  // Each record keeps the colour and size it is drawn with, for detail.js to draw it when vis does not.
  var visNodes = DATA.nodes.map(function (n) {
    if (n.cls === "fact") {
      n.colour = "#555555";
      n.size = 9;
      return { id: n.id, label: n.label, x: n.x, y: n.y, shape: "diamond", size: 9,
               color: { background: "#555555", border: "#333333", highlight: { background: "#111", border: "#000" } },
               font: { size: 11, color: "#444444" } };
    }
    var c = classes[n.cls] || classes.other;
    n.colour = c.colour;
    n.size = nodeSize(n);
    return { id: n.id, label: n.label, x: n.x, y: n.y, shape: c.shape, size: n.size,
             color: { background: c.colour, border: "#ffffff", highlight: { background: c.colour, border: "#000000" },
                      hover: { background: c.colour, border: "#333333" } },
             borderWidth: 1.5, borderWidthSelected: 3 };
  });
  // An edge's vis item is made only when vis is given the edge (detail.js decides which, and when).
  function visEdge(e) {
    if (e.mode === "actor") {
      return { id: e.id, from: e.source, to: e.target, label: e.label, width: 1 + Math.log2(e.weight),
               arrows: { to: { enabled: e.directed, scaleFactor: 0.5 } } };
    }
    var edge = { id: e.id, from: e.source, to: e.target, label: e.label };
    if (e.fact === null) edge.dashes = true;
    return edge;
  }
  var allEdges = edgeData.concat(tieData);
  performance.mark("kg:visitems");
  var detail = window.kgDetail({ big: BIG, nodeById: nodeById, visEdge: visEdge });
  var nodesSet = new vis.DataSet(visNodes);
  var edgesSet = new vis.DataSet([]);  // the edges vis draws: all visible ones in a small page (detail.js)
  var nodeView = new vis.DataView(nodesSet, { filter: function (n) { return nodeVisible(n) && detail.nodeInVis(n.id); } });
  detail.data(nodeView, edgesSet, nodesSet);
  // What the filters let through, whether vis or detail.js draws it.
  var shownNodeIds = [], shownEdges = [];
  function computeShown() {
    var shownNode = {};
    shownNodeIds = [];
    DATA.nodes.forEach(function (n) {
      if (!nodeVisible(n)) return;
      shownNode[n.id] = true;
      shownNodeIds.push(n.id);
    });
    shownEdges = allEdges.filter(function (e) { return shownNode[e.source] && shownNode[e.target] && edgeVisible(e); });
    detail.show(shownEdges, shownNodeIds);
  }
  computeShown();

  var options = {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 1 },
    interaction: { hover: !BIG, tooltipDelay: 300, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG, navigationButtons: false,
                   keyboard: false },
    nodes: { font: { size: 14, face: "sans-serif", color: "#222222", strokeWidth: 3, strokeColor: "#ffffff" } },
    edges: { smooth: false, width: 1, selectionWidth: 2,
             arrows: { to: { enabled: true, scaleFactor: 0.5 } },
             color: { color: "#9a9a9a", highlight: "#222222", hover: "#555555" },
             font: { size: 10, face: "sans-serif", color: "#555555", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" } }
  };
  performance.mark("kg:datasets");
  // vis draws once when it is made, and after every change network.js makes while setting up: the graph is
  // hidden while vis is made (a canvas of no size is not drawn) and drawing is held off until the set-up is
  // done (api.whenSetUp), so the page is drawn once, complete.
  $("graph").style.display = "none";
  var network = new vis.Network($("graph"), { nodes: nodeView, edges: edgesSet }, options);
  window.kgDetail.hold(network);
  $("graph").style.display = "";
  performance.mark("kg:network");
  detail.attach(network);
  api.network = network;
  // Ready (and stable: the layout is fixed, physics is off) at that first complete drawing.
  api.whenSetUp = function () {
    network.once("afterDrawing", function () {
      performance.mark("kg:drawn");
      api.stableMs = performance.now();
      api.ready = true;
      document.documentElement.setAttribute("data-kg-ready", "1");
    });
    detail.fit();
    window.kgDetail.release(network);
  };

  // -- details panel --------------------------------------------------------------------------------
  var panel = $("details");

  function chipFor(cls) {
    var c = classes[cls];
    var chip = el("span", "chip", c ? c.label : "n-ary fact");
    chip.style.background = c ? c.colour : "#555555";
    return chip;
  }
  function nodeLink(id, text) {
    var b = el("button", "link", text);
    b.type = "button";
    b.addEventListener("click", function () { select(id); });
    return b;
  }
  function factLink(index, text) {
    var b = el("button", "link", text);
    b.type = "button";
    b.addEventListener("click", function () { showFact(index, true); });
    return b;
  }
  function propRow(table, name, value) {
    var tr = el("tr");
    add(tr, el("th", null, name));
    var td = el("td");
    if (value instanceof Node) td.appendChild(value); else td.textContent = String(value);
    add(table, add(tr, td));
  }
  function wikidataLink(qid) {
    if (!WIKIDATA_ID.test(qid)) return el("span", null, qid);
    var a = el("a", null, "wikidata:" + qid);
    a.href = "https://www.wikidata.org/wiki/" + qid;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }
  function renderEvidence(index) {
    readDetails();
    var ev = DATA.evidence[index];
    var box = el("div", "evidence");
    var art = ev.article !== null ? DATA.articles[ev.article] : null;
    if (art) {
      var source = el("div", "source");
      add(source, el("b", null, art.title));
      var bits = [art.published, art.publisher].filter(Boolean);
      if (bits.length) add(source, document.createTextNode(" \u00b7 " + bits.join(" \u00b7 ")));
      add(box, source);
    }
    var quote = el("blockquote");
    var text = DATA.contexts[ev.ctx];
    add(quote, document.createTextNode(text.slice(0, ev.qb)), el("mark", null, text.slice(ev.qb, ev.qe)),
        document.createTextNode(text.slice(ev.qe)));
    add(box, quote);
    if (ev.begin !== null) add(box, el("div", "meta", "characters " + ev.begin + "\u2013" + ev.end + (art && art.name ? " of " + art.name : "")));
    return box;
  }

  function showEntity(id) {
    readDetails();
    var n = nodeById[id];
    clear(panel);
    add(panel, el("h2", null, n.label), chipFor(n.cls));
    var table = el("table", "props");
    if (n.alt && n.alt.length) propRow(table, "also known as", n.alt.join("; "));
    (n.props || []).forEach(function (p) { propRow(table, p[0], p[1]); });
    if (n.wd) propRow(table, "Wikidata", wikidataLink(n.wd));
    propRow(table, "IRI", el("span", "iri", n.iri));
    add(panel, table);
    var facts = n.facts || [];
    add(panel, el("h3", null, "Facts (" + facts.length + ")"));
    var list = el("ul", "facts");
    var limit = 40;
    function renderItems(upto) {
      clear(list);
      facts.slice(0, upto).forEach(function (index) {
        var f = DATA.facts[index];
        var li = el("li");
        add(li, factLink(index, f.summary));
        add(li, el("div", "meta", f.type.replace(/_/g, " ") + (f.date ? " \u00b7 " + f.date : "") +
                   " \u00b7 " + f.evidence.length + " quote" + (f.evidence.length === 1 ? "" : "s")));
        if (f.evidence.length) add(li, renderEvidence(f.evidence[0]));
        add(list, li);
      });
      if (facts.length > upto) {
        var more = el("button", "link", "show all " + facts.length + " facts");
        more.type = "button";
        more.addEventListener("click", function () { renderItems(facts.length); });
        add(list, add(el("li"), more));
      }
    }
    renderItems(limit);
    add(panel, list);
  }

  function showFact(index, focusIt) {
    readDetails();
    var f = DATA.facts[index];
    clear(panel);
    add(panel, el("h2", null, f.summary), chipFor(null));
    var table = el("table", "props");
    propRow(table, "fact type", f.type.replace(/_/g, " "));
    f.roles.forEach(function (r) { propRow(table, r[0], r[1] ? nodeLink(r[1], r[2] || nodeById[r[1]].label) : r[2]); });
    if (f.date && !f.roles.some(function (r) { return r[0] === "date"; })) propRow(table, "date", f.date);
    if (f.confidence) propRow(table, "confidence", f.confidence);
    if (f.status) propRow(table, "review status", f.status);
    if (f.rule) propRow(table, "extraction rule", f.rule);
    if (f.note) propRow(table, "note", f.note);
    propRow(table, "IRI", el("span", "iri", f.iri));
    add(panel, table);
    add(panel, el("h3", null, "Evidence (" + f.evidence.length + ")"));
    f.evidence.forEach(function (i) { add(panel, renderEvidence(i)); });
    if (focusIt) {
      if (state.expanded && hubOfFact[index]) {
        detail.pinNode(hubOfFact[index]);
        if (nodeView.get(hubOfFact[index])) network.selectNodes([hubOfFact[index]]);
      } else if (edgeOfFact[index]) {
        detail.pinEdge(edgeOfFact[index]);
        if (detail.edgeInVis(edgeOfFact[index])) network.selectEdges([edgeOfFact[index]]);
      }
    }
  }

  function showEdge(edgeId) {
    readDetails();
    var e = edgeById[edgeId];
    if (e.mode === "actor") { if (api.showTie) api.showTie(edgeId); return; }
    if (e.fact !== null) { showFact(e.fact, false); return; }
    clear(panel);
    add(panel, el("h2", null, nodeById[e.source].label + " \u2014 " + e.label + " \u2192 " + nodeById[e.target].label));
    add(panel, el("p", "hint", "Asserted in the graph without a fact node: no evidence recorded."));
  }

  function showNode(id) {
    var n = nodeById[id];
    if (n.cls === "fact") showFact(n.fact, false); else showEntity(id);
  }

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  // -- selection and search -------------------------------------------------------------------------
  function select(id) {
    var n = nodeById[id];
    if (!n) return false;
    if (n.cls !== "fact" && state.hiddenClasses[n.cls]) {
      state.hiddenClasses[n.cls] = false;
      var box = document.querySelector('input[data-class="' + n.cls + '"]');
      if (box) box.checked = true;
      refresh();
    }
    if (n.cls === "fact" && !state.expanded) { showFact(n.fact, true); return true; }
    if (nodeVisible(n)) detail.pinNode(id);  // a big page holds only part of the graph in vis
    if (nodeView.get(id)) {  // not on the canvas when a filter hides it: details only
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    }
    showNode(id);
    return true;
  }

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }
  var searchIndex = [];
  entities.forEach(function (n) {
    [n.label].concat(n.alt || []).forEach(function (name, i) {
      searchIndex.push({ id: n.id, name: name, key: fold(name), alias: i > 0 });
    });
  });
  function search(query) {
    var q = fold(query);
    if (!q) return [];
    var best = {};
    searchIndex.forEach(function (entry) {
      var pos = entry.key.indexOf(q);
      if (pos < 0) return;
      var rank = entry.key === q ? 0 : pos === 0 ? 1 : entry.key.charAt(pos - 1) === " " ? 2 : 3;
      rank = rank * 2 + (entry.alias ? 1 : 0);
      var known = best[entry.id];
      if (!known || rank < known.rank) best[entry.id] = { id: entry.id, label: nodeById[entry.id].label,
                                                          matched: entry.name, rank: rank };
    });
    return Object.keys(best).map(function (k) { return best[k]; }).sort(function (a, b) {
      return a.rank - b.rank || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
    });
  }
  var searchInput = $("search"), results = $("results");
  function renderResults() {
    var found = search(searchInput.value).slice(0, 20);
    clear(results);
    results.hidden = !searchInput.value.trim();
    if (!found.length) { add(results, add(el("li"), el("span", "hint", "  no match"))); return; }
    found.forEach(function (r) {
      var b = el("button", null, r.label);
      b.type = "button";
      add(b, el("span", "glyph", ""));
      var c = classes[nodeById[r.id].cls];
      if (c) add(b, el("span", "alias", c.label));
      if (r.matched !== r.label) add(b, el("span", "alias", " \u2014 also: " + r.matched));
      b.addEventListener("click", function () { results.hidden = true; select(r.id); });
      add(results, add(el("li"), b));
    });
  }
  searchInput.addEventListener("input", renderResults);
  searchInput.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var found = search(searchInput.value); if (found.length) { results.hidden = true; select(found[0].id); } }
    if (ev.key === "Escape") results.hidden = true;
  });

  // -- filter controls ------------------------------------------------------------------------------
  function refresh() {
    window.kgDetail.oneDrawing(network, function () {
      updateKeptByDate();
      computeShown();
      nodeView.refresh();
      updateStatus();
    });
  }
  function checkbox(attr, value, checked, onChange) {
    var input = el("input");
    input.type = "checkbox";
    input.checked = checked;
    input.setAttribute(attr, value);
    input.addEventListener("change", function () { onChange(input.checked); refresh(); });
    return input;
  }
  var classCounts = {};
  entities.forEach(function (n) { classCounts[n.cls] = (classCounts[n.cls] || 0) + 1; });
  DATA.classes.forEach(function (c) {
    if (!classCounts[c.id]) return;
    var label = el("label");
    var glyph = el("span", "glyph", c.symbol);
    glyph.style.color = c.colour;
    add(label, checkbox("data-class", c.id, true, function (on) { state.hiddenClasses[c.id] = !on; }),
        glyph, document.createTextNode(c.label + " "), el("span", "count", "(" + classCounts[c.id] + ")"));
    add($("class-filters"), label);
  });
  var typeCounts = {};
  DATA.facts.forEach(function (f) { typeCounts[f.type] = (typeCounts[f.type] || 0) + 1; });
  Object.keys(typeCounts).sort().forEach(function (t) {
    var label = el("label");
    add(label, checkbox("data-type", t, true, function (on) { state.hiddenTypes[t] = !on; }),
        document.createTextNode(" " + t.replace(/_/g, " ") + " "), el("span", "count", "(" + typeCounts[t] + ")"));
    add($("type-filters"), label);
  });

  var dated = DATA.facts.filter(function (f) { return f.range && f.range.length === 2; });
  if (dated.length) {
    $("date-section").hidden = false;
    var lo = dated.reduce(function (m, f) { return f.range[0] < m ? f.range[0] : m; }, "9999");
    var hi = dated.reduce(function (m, f) { return f.range[1] > m ? f.range[1] : m; }, "0000");
    $("date-range").textContent = dated.length + " dated facts, " + lo + " to " + hi;
  }
  function normaliseDate(text, end) {
    var t = text.trim();
    if (/^\d{4}$/.test(t)) return t + (end ? "-12-31" : "-01-01");
    if (/^\d{4}-\d{2}$/.test(t)) return t + (end ? "-31" : "-01");
    if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
    return "";
  }
  function onDates() {
    state.from = normaliseDate($("date-from").value, false);
    state.to = normaliseDate($("date-to").value, true);
    $("date-from").style.borderColor = $("date-from").value.trim() && !state.from ? "#c00" : "";
    $("date-to").style.borderColor = $("date-to").value.trim() && !state.to ? "#c00" : "";
    refresh();
  }
  $("date-from").addEventListener("input", onDates);
  $("date-to").addEventListener("input", onDates);
  $("undated").addEventListener("change", function () { state.undated = $("undated").checked; refresh(); });

  var expandedBox = $("expanded");
  expandedBox.checked = state.expanded;
  expandedBox.addEventListener("change", function () { setExpanded(expandedBox.checked); });
  function setExpanded(on) { state.expanded = !!on; expandedBox.checked = state.expanded; refresh(); }
  $("fit").addEventListener("click", function () { detail.fit(); });

  function updateStatus() {
    var shown = shownNodeIds.filter(function (id) { return nodeById[id].cls !== "fact"; }).length;
    $("status").textContent = entities.length + " entities \u00b7 " + DATA.facts.length + " facts \u00b7 showing " +
      shown + " entities, " + shownEdges.length + " edges";
  }
  updateStatus();

  // -- test and scripting interface -----------------------------------------------------------------
  api.nodeCount = function () { return nodesSet.get({ filter: function (n) { return nodeById[n.id].cls !== "fact"; } }).length; };
  api.factNodeCount = function () { return nodesSet.length - api.nodeCount(); };
  api.visibleNodeIds = function () { return shownNodeIds.slice(); };
  api.visibleEdgeIds = function () { return shownEdges.map(function (e) { return e.id; }); };
  // what vis holds (and so draws, labels and lets one click): everything visible in a small page
  api.drawnNodeIds = function () { return nodeView.getIds(); };
  api.drawnEdgeIds = function () { return edgesSet.getIds(); };
  api.detail = function () { return detail.counts(); };
  api.updateDetail = function () { detail.update(); };
  api.edge = function (id) { return edgeById[id]; };
  api.label = function (id) { return nodeById[id] ? nodeById[id].label : null; };
  api.search = search;
  api.select = select;
  api.selectByLabel = function (label) {
    var hit = entities.filter(function (n) { return n.label === label; })[0];
    return hit ? select(hit.id) : false;
  };
  api.showFact = function (index) { showFact(index, true); };
  api.factIndex = function (type) { for (var i = 0; i < DATA.facts.length; i++) if (DATA.facts[i].type === type) return i; return -1; };
  api.hubOf = function (index) { return hubOfFact[index] || null; };
  api.setExpanded = setExpanded;
  api.canvasPosition = function (id) {  // where a node is drawn, by vis or (not held by vis) by detail.js
    var p = network.getPositions([id])[id] || { x: nodeById[id].x, y: nodeById[id].y };
    return network.canvasToDOM(p);
  };
  // For network.js (the corpus-scale modes), which runs next in the same page.
  performance.mark("kg:viewerjs");
  api.internals = { DATA: DATA, network: network, nodesSet: nodesSet, detail: detail, state: state,
                    refresh: refresh, factVisible: factVisible, onDates: onDates, el: el, add: add, clear: clear,
                    panel: panel, readDetails: readDetails, renderEvidence: renderEvidence, factLink: factLink, nodeLink: nodeLink,
                    nodeById: nodeById, edgeById: edgeById, metricsById: metricsById, tieData: tieData,
                    entities: entities, classes: classes, nodeSize: nodeSize, select: select };
})();
