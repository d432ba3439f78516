// The query page: examples from the page's data block, queries POSTed to /sparql, answers shown as text
// (never as HTML). Nothing is fetched but the endpoint on this server.
"use strict";
(function () {
  const examples = JSON.parse(document.getElementById("kg-examples").textContent);
  const select = document.getElementById("example");
  const query = document.getElementById("query");
  const accept = document.getElementById("accept");
  const status = document.getElementById("status");
  const notice = document.getElementById("notice");
  const result = document.getElementById("result");

  for (const ex of examples) {
    const option = document.createElement("option");
    option.value = ex.name;
    option.textContent = ex.name + ": " + ex.title;
    select.appendChild(option);
  }
  select.addEventListener("change", () => {
    const ex = examples.find((e) => e.name === select.value);
    if (ex) query.value = ex.query;
  });

  function cell(term) {
    if (!term) return "";
    return term.type === "triple" ? JSON.stringify(term.value) : term.value;
  }

  function showTable(data) {
    const table = document.createElement("table");
    if (data.boolean !== undefined) {
      const th = document.createElement("th");
      th.textContent = "ask";
      table.createTHead().insertRow().appendChild(th);
      const row = table.createTBody().insertRow();
      row.insertCell().textContent = String(data.boolean);
      return { table, rows: 1 };
    }
    const head = table.createTHead().insertRow();
    for (const v of data.head.vars) {
      const th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const binding of data.results.bindings) {
      const row = body.insertRow();
      for (const v of data.head.vars) row.insertCell().textContent = cell(binding[v]);
    }
    return { table, rows: data.results.bindings.length };
  }

  async function run() {
    status.textContent = "running…";
    notice.hidden = true;
    result.replaceChildren();
    const started = performance.now();
    let response;
    try {
      response = await fetch("sparql", {
        method: "POST",
        headers: { "Content-Type": "application/sparql-query", "Accept": accept.value },
        body: query.value,
      });
    } catch (err) {
      status.textContent = "";
      const div = document.createElement("div");
      div.className = "error";
      div.textContent = "The endpoint did not answer: " + err;
      result.appendChild(div);
      return;
    }
    const ms = Math.round(performance.now() - started);
    const text = await response.text();
    if (!response.ok) {
      status.textContent = response.status + " " + response.statusText + " (" + ms + " ms)";
      const div = document.createElement("div");
      div.className = "error";
      div.textContent = text;
      result.appendChild(div);
      return;
    }
    const cut = response.headers.get("KG-Truncated");
    if (cut) {
      notice.textContent = "Truncated: " + cut;
      notice.hidden = false;
    }
    const type = response.headers.get("Content-Type") || "";
    if (type.startsWith("application/sparql-results+json")) {
      const shown = showTable(JSON.parse(text));
      result.appendChild(shown.table);
      status.textContent = shown.rows + " row" + (shown.rows === 1 ? "" : "s") + " (" + ms + " ms)";
    } else {
      const pre = document.createElement("pre");
      pre.textContent = text;
      result.appendChild(pre);
      status.textContent = type.split(";")[0] + " (" + ms + " ms)";
    }
  }

  document.getElementById("run").addEventListener("click", run);
  query.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
  window.kgQuery = { ready: true, examples: examples.length };
})();
