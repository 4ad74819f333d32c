/* clustergraph network viewer: vis-network plus search, filters, legend and an evidence panel.
 *
 * Filters work on nodes (type, category, province) and on edge kinds (data.relations: an edge is
 * shown while one of its kinds is ticked and both its ends are shown).
 *
 * The graph comes from <script type="application/json" id="graph-data">. Every string taken from
 * the data reaches the page through textContent (or as canvas text drawn by vis-network, or as a
 * plain-string tooltip that vis-network sets with innerText), never through innerHTML, so a label
 * such as "<script>…" is always shown as text.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var byId = new Map();
  data.nodes.forEach(function (node) { byId.set(node.id, node); });
  var neighbours = new Map();
  data.nodes.forEach(function (node) { neighbours.set(node.id, []); });
  data.edges.forEach(function (edge) {
    edge.kinds = String(edge.relations || "").split(";").filter(function (k) { return k; });
    neighbours.get(edge.source).push({ id: edge.target, edge: edge });
    neighbours.get(edge.target).push({ id: edge.source, edge: edge });
  });
  var showPinyin = false;
  var colourBy = "type";
  var NONE = "";

  function el(tag, text, className) {
    var element = document.createElement(tag);
    if (text !== undefined && text !== null) { element.textContent = String(text); }
    if (className) { element.className = className; }
    return element;
  }

  /* Search keys: the label as written, pinyin without tone marks or spaces, English. */
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\s'’·\-]/g, "").toLowerCase();
  }
  data.nodes.forEach(function (node) {
    node.keys = [String(node.label || "").toLowerCase(), fold(node.pinyin), fold(node.label_en),
      String(node.label_en || "").toLowerCase()];
  });

  function typeName(key) {
    var found = data.types.find(function (t) { return t.key === key; });
    return found ? found.zh + " " + found.en : key;
  }
  /* An edge kind as "中文 English" (the key itself when the page has no name for it). */
  function relationName(key) {
    var found = data.relations.find(function (r) { return r.key === key; });
    if (!found || !found.zh || found.zh === key) { return key; }
    return found.zh + " " + found.en;
  }
  function categoryKey(node) { return node.type + "/" + (node.category || NONE); }
  function provincesOf(node) { return node.provinces && node.provinces.length ? node.provinces : [NONE]; }

  function visLabel(node) {
    return showPinyin && node.pinyin ? node.label + "\n" + node.pinyin : node.label;
  }
  function visTitle(node) {
    var lines = [node.label];
    if (showPinyin && node.pinyin) { lines.push(node.pinyin); }
    var kind = typeName(node.type);
    if (node.category_label) { kind += " · " + node.category_label; }
    lines.push(kind);
    return lines.join("\n");
  }
  function fill(node) { return colourBy === "community" ? node.community_colour : node.colour; }
  function visColour(node) {
    var broker = node.broker_rank > 0;
    return { background: fill(node), border: broker ? "#222222" : fill(node),
      highlight: { background: fill(node), border: "#000000" },
      hover: { background: fill(node), border: "#000000" } };
  }
  function visNode(node) {
    var broker = node.broker_rank > 0;
    return {
      id: node.id, label: visLabel(node), title: visTitle(node), x: node.x, y: node.y,
      value: (node.degree || 0) + 1, shape: node.type === "region" ? "square" : "dot",
      color: visColour(node),
      borderWidth: broker ? 3 : 1
    };
  }
  function reasonLines(edge) {
    var found = edge.reasons && edge.reasons.length ? edge.reasons : [];
    if (!found.length) { return edge.kinds.map(relationName); }
    return found.map(function (r) { return relationName(r.relation) + (r.label ? ": " + r.label : ""); });
  }
  function visEdge(edge) {
    return {
      id: edge.id, from: edge.source, to: edge.target, value: edge.weight,
      title: reasonLines(edge).concat(["w=" + edge.weight]).join("\n"),
      color: { color: edge.colour, highlight: "#333333", opacity: 0.8 }
    };
  }

  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(visEdge));
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    physics: false,
    layout: { randomSeed: 42 },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: data.edges.length > 800 },
    nodes: {
      font: { face: "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif",
        size: 14, strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { min: 6, max: 30, label: { enabled: true, min: 11, max: 22, drawThreshold: 5 } }
    },
    edges: { smooth: false, scaling: { min: 1, max: 6 } }
  });

  /* ---- status line ---------------------------------------------------------------------- */
  var status = document.getElementById("status");
  function updateStatus(shownNodes, shownEdges) {
    var text = data.meta.nodes + " nodes, " + data.meta.edges + " edges";
    if (shownNodes !== data.meta.nodes || shownEdges !== data.meta.edges) {
      text += " (showing " + shownNodes + " nodes, " + shownEdges + " edges)";
    }
    status.textContent = text;
    status.dataset.shownNodes = String(shownNodes);
    status.dataset.shownEdges = String(shownEdges);
  }

  /* ---- filters ---------------------------------------------------------------------------- */
  function addOptions(fieldsetId, options) {
    var box = document.querySelector("#" + fieldsetId + " .options");
    var tools = el("div", null, "all-none");
    var all = el("button", "全选 all");
    var none = el("button", "全不选 none");
    all.type = "button"; none.type = "button";
    tools.append(all, " ", none);
    box.parentNode.insertBefore(tools, box);
    options.forEach(function (option) {
      var label = el("label");
      var input = el("input");
      input.type = "checkbox";
      input.checked = true;
      input.value = option.value;
      label.append(input, " ", option.text);
      if (option.colour) {
        var swatch = el("span", null, "swatch");
        swatch.style.background = option.colour;
        label.insertBefore(swatch, label.firstChild.nextSibling);
      }
      box.appendChild(label);
    });
    box.parentNode.addEventListener("change", applyFilters);
    all.addEventListener("click", function () { setAll(box, true); });
    none.addEventListener("click", function () { setAll(box, false); });
  }
  function setAll(box, value) {
    box.querySelectorAll("input").forEach(function (input) { input.checked = value; });
    applyFilters();
  }
  function checked(fieldsetId) {
    var set = new Set();
    document.querySelectorAll("#" + fieldsetId + " input:checked").forEach(function (input) {
      set.add(input.value);
    });
    return set;
  }
  function count(values) {
    var counts = new Map();
    values.forEach(function (value) { counts.set(value, (counts.get(value) || 0) + 1); });
    return counts;
  }

  var typeCounts = count(data.nodes.map(function (n) { return n.type; }));
  addOptions("filter-type", data.types.map(function (t) {
    return { value: t.key, text: t.zh + " " + t.en + " (" + (typeCounts.get(t.key) || 0) + ")",
      colour: t.colour };
  }));
  var categories = new Map();
  data.nodes.forEach(function (node) {
    var key = categoryKey(node);
    var entry = categories.get(key) || { node: node, n: 0 };
    entry.n += 1;
    categories.set(key, entry);
  });
  addOptions("filter-category", Array.from(categories.keys()).sort().map(function (key) {
    var node = categories.get(key).node;
    var name = node.category ? (node.category_label || node.category) + " " + node.category : "—";
    return { value: key, text: typeName(node.type).split(" ")[0] + " · " + name +
      " (" + categories.get(key).n + ")" };
  }));
  var provinceCounts = count([].concat.apply([], data.nodes.map(provincesOf)));
  addOptions("filter-province", Array.from(provinceCounts.keys()).sort().map(function (p) {
    return { value: p, text: (p || "（无 none）") + " (" + provinceCounts.get(p) + ")" };
  }));
  if (data.relations.length) {
    addOptions("filter-relation", data.relations.map(function (r) {
      return { value: r.key, text: relationName(r.key) + " (" + r.edges + ")", colour: r.colour };
    }));
  } else {
    document.getElementById("filter-relation").hidden = true;
  }

  function isShown(node, types, cats, provinces) {
    return types.has(node.type) && cats.has(categoryKey(node)) &&
      provincesOf(node).some(function (p) { return provinces.has(p); });
  }
  function applyFilters() {
    var types = checked("filter-type");
    var cats = checked("filter-category");
    var provinces = checked("filter-province");
    var kinds = checked("filter-relation");
    var shown = new Set();
    nodes.update(data.nodes.map(function (node) {
      var visible = isShown(node, types, cats, provinces);
      if (visible) { shown.add(node.id); }
      return { id: node.id, hidden: !visible };
    }));
    var shownEdges = 0;
    edges.update(data.edges.map(function (edge) {
      var visible = shown.has(edge.source) && shown.has(edge.target) &&
        edge.kinds.some(function (k) { return kinds.has(k); });
      if (visible) { shownEdges += 1; }
      return { id: edge.id, hidden: !visible };
    }));
    updateStatus(shown.size, shownEdges);
  }

  /* ---- legend ------------------------------------------------------------------------------ */
  var legend = document.querySelector("#legend ul");
  function swatchItem(colour, text, extra) {
    var item = el("li");
    var swatch = el("span", null, "swatch" + (extra ? " " + extra : ""));
    if (colour) { swatch.style.background = colour; }
    item.append(swatch, el("span", text));
    legend.appendChild(item);
  }
  function drawLegend() {
    legend.replaceChildren();
    if (colourBy === "community") {
      var sizes = count(data.nodes.map(function (n) { return n.community; }));
      Array.from(sizes.keys()).sort(function (a, b) { return a - b; }).slice(0, 12).forEach(function (c) {
        var sample = data.nodes.find(function (n) { return n.community === c; });
        swatchItem(sample.community_colour, "社区 community " + c + " (" + sizes.get(c) + ")");
      });
      if (sizes.size > 12) { legend.appendChild(el("li", "… " + sizes.size + " communities", "sub")); }
    } else {
      data.types.forEach(function (t) { swatchItem(t.colour, t.zh + " " + t.en); });
    }
    data.relations.forEach(function (r) {
      if (r.colour.toUpperCase() !== "#B8B8B8") { swatchItem(r.colour, relationName(r.key), "line"); }
    });
    swatchItem(null, "跨省中介 broker between provinces", "broker");
    legend.appendChild(el("li", "节点大小 = 度数 · size = degree"));
  }
  drawLegend();
  document.getElementById("colour-by").addEventListener("change", function (event) {
    colourBy = event.target.value;
    nodes.update(data.nodes.map(function (node) { return { id: node.id, color: visColour(node) }; }));
    drawLegend();
  });

  /* ---- details panel --------------------------------------------------------------------- */
  var details = document.getElementById("details");
  function row(list, term, value) {
    if (value === undefined || value === null || value === "") { return; }
    list.append(el("dt", term), el("dd", value));
  }
  function showDetails(id) {
    var node = byId.get(id);
    if (!node) { return; }
    details.hidden = false;
    details.dataset.node = id;
    document.getElementById("detail-label").textContent = node.label;
    document.getElementById("detail-pinyin").textContent = node.pinyin || "";
    document.getElementById("detail-english").textContent = node.label_en || "";
    var list = document.getElementById("detail-attributes");
    list.replaceChildren();
    row(list, "类型 type", typeName(node.type));
    row(list, "类别 category", node.category ?
      (node.category_label ? node.category_label + " (" + node.category + ")" : node.category) : "");
    row(list, "省份 province", (node.provinces || []).join("、"));
    row(list, "度数 degree", node.degree);
    row(list, "加权度 weighted degree", node.weighted_degree);
    row(list, "介数 betweenness", node.betweenness);
    row(list, "社区 community", node.community);
    row(list, "连通分量 component", node.component);
    if (node.broker_rank > 0) { row(list, "跨省中介 broker rank", node.broker_rank); }
    if (node.lon !== undefined) { row(list, "经纬度 lon/lat", node.lon + ", " + node.lat); }
    list.append(el("dt", "IRI"));
    var iri = el("dd");
    var link = el("a", node.id);
    if (/^https?:\/\//.test(node.id)) { link.setAttribute("href", node.id); }
    iri.appendChild(link);
    list.appendChild(iri);

    var evidence = document.getElementById("evidence");
    evidence.replaceChildren();
    (node.evidence || []).forEach(function (quote) {
      var item = el("li", null, "quote");
      var block = el("blockquote");
      block.append(el("span", quote.prefix || "", "context"), el("mark", quote.exact),
        el("span", quote.suffix || "", "context"));
      item.append(block, el("span", "[" + quote.start + "," + quote.end + ")", "offsets"));
      evidence.appendChild(item);
    });
    if (!node.evidence || !node.evidence.length) { evidence.appendChild(el("li", "—")); }
    if (node.evidence_count > (node.evidence || []).length) {
      evidence.appendChild(el("li", "… " + node.evidence_count + " in all", "context"));
    }

    var list2 = document.getElementById("neighbours");
    list2.replaceChildren();
    neighbours.get(id).slice().sort(function (a, b) {
      return b.edge.weight - a.edge.weight || byId.get(a.id).label.localeCompare(byId.get(b.id).label);
    }).forEach(function (link2) {
      var item = el("li");
      var button = el("button", byId.get(link2.id).label);
      button.type = "button";
      button.addEventListener("click", function () { select(link2.id); });
      item.append(button, el("span", " (w=" + link2.edge.weight + ")", "pinyin"));
      /* one line per shared thing, named by its kind: "行业大类 GB/T 4754 division: C38 …" */
      var why = el("ul", null, "reasons");
      reasonLines(link2.edge).forEach(function (line) { why.appendChild(el("li", line)); });
      item.appendChild(why);
      list2.appendChild(item);
    });
  }
  document.getElementById("close-details").addEventListener("click", function () {
    details.hidden = true;
    network.unselectAll();
  });

  function select(id) {
    if (!byId.has(id)) { return; }
    var current = nodes.get(id);
    if (current && !current.hidden) {
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    }
    showDetails(id);
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showDetails(params.nodes[0]); }
  });

  /* ---- search ----------------------------------------------------------------------------- */
  var search = document.getElementById("search");
  var results = document.getElementById("results");
  function runSearch() {
    var raw = search.value.trim().toLowerCase();
    var folded = fold(raw);
    results.replaceChildren();
    if (!raw) { return; }
    var found = data.nodes.filter(function (node) {
      return node.keys[0].indexOf(raw) >= 0 || (folded && (node.keys[1].indexOf(folded) >= 0 ||
        node.keys[2].indexOf(folded) >= 0)) || node.keys[3].indexOf(raw) >= 0;
    }).sort(function (a, b) {
      return (b.degree || 0) - (a.degree || 0) || a.label.localeCompare(b.label);
    }).slice(0, 50);
    found.forEach(function (node) {
      var item = el("li");
      var button = el("button");
      button.type = "button";
      button.dataset.id = node.id;
      button.append(el("span", node.label),
        el("span", " · " + typeName(node.type) + (node.pinyin ? " · " + node.pinyin : ""), "sub"));
      button.addEventListener("click", function () { select(node.id); });
      item.appendChild(button);
      results.appendChild(item);
    });
    if (!found.length) { results.appendChild(el("li", "无结果 no match", "sub")); }
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var first = results.querySelector("button");
      if (first) { first.click(); }
    }
  });

  /* ---- pinyin toggle ---------------------------------------------------------------------- */
  document.getElementById("pinyin-toggle").addEventListener("change", function (event) {
    showPinyin = event.target.checked;
    nodes.update(data.nodes.map(function (node) {
      return { id: node.id, label: visLabel(node), title: visTitle(node) };
    }));
  });

  updateStatus(data.nodes.length, data.edges.length);
  network.once("afterDrawing", function () { document.body.dataset.ready = "true"; });
  network.fit({ animation: false });
  /* A small hook for tests and for people poking at the page from the console. */
  window.clustergraphViewer = { network: network, nodes: nodes, edges: edges, data: data, select: select };
}());
