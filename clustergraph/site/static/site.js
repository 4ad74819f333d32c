/* clustergraph explorer: language switch, sortable tables, index filters and search, and the
 * source view's evidence highlight. Plain ES2017, no libraries, no network. Every data string is
 * put on the page with textContent, never as HTML. */
(function () {
  "use strict";

  var I18N = window.CG_I18N || {};
  var STORE_KEY = "clustergraph-lang";
  var DROP = /[\s\-'’·“”"()（）,，、.]/g;

  function storedLang() {
    try {
      return window.localStorage.getItem(STORE_KEY) === "en" ? "en" : "zh";
    } catch (error) {
      return "zh";
    }
  }

  function storeLang(lang) {
    try {
      window.localStorage.setItem(STORE_KEY, lang);
    } catch (error) {
      /* storage may be disabled: the switch still works for this page */
    }
  }

  function message(key, lang) {
    var entry = I18N[key];
    return entry ? entry[lang] || entry.zh : null;
  }

  function applyLang(lang) {
    var root = document.documentElement;
    root.setAttribute("lang", lang === "en" ? "en" : "zh");
    root.setAttribute("data-ui", lang);
    document.querySelectorAll("[data-i18n]").forEach(function (el) {
      var text = message(el.getAttribute("data-i18n"), lang);
      if (text === null) {
        return;
      }
      if (el.tagName === "TITLE") {
        document.title = text + " · clustergraph";
      } else {
        el.textContent = text;
      }
    });
    document.querySelectorAll("[data-i18n-attr]").forEach(function (el) {
      el.getAttribute("data-i18n-attr").split(";").forEach(function (pair) {
        var cut = pair.indexOf(":");
        var text = message(pair.slice(cut + 1), lang);
        if (cut > 0 && text !== null) {
          el.setAttribute(pair.slice(0, cut), text);
        }
      });
    });
    document.querySelectorAll("option[data-zh][data-en]").forEach(function (el) {
      el.textContent = el.getAttribute("data-" + lang);
    });
    var button = document.getElementById("lang-switch");
    if (button) {
      button.setAttribute("lang", lang === "en" ? "zh" : "en");
    }
  }

  function initLang() {
    var lang = storedLang();
    if (lang !== "zh") {
      applyLang(lang);
    }
    var button = document.getElementById("lang-switch");
    if (button) {
      button.addEventListener("click", function () {
        var next = document.documentElement.getAttribute("data-ui") === "en" ? "zh" : "en";
        storeLang(next);
        applyLang(next);
      });
    }
  }

  /* -- sortable tables: the header buttons sort by the cells' data-sort values ------------- */
  function sortValue(row, column, kind) {
    var cell = row.cells[column];
    if (!cell) {
      return kind === "number" ? -Infinity : "";
    }
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    if (kind === "number") {
      var value = parseFloat(raw);
      return isNaN(value) ? -Infinity : value;
    }
    return raw.toLowerCase();
  }

  function initSortable(table) {
    var headers = Array.prototype.slice.call(table.querySelectorAll("thead th[aria-sort]"));
    headers.forEach(function (th) {
      var button = th.querySelector("button.sort");
      if (!button) {
        return;
      }
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        var column = th.cellIndex;
        var kind = th.getAttribute("data-kind") || "text";
        headers.forEach(function (other) {
          other.setAttribute("aria-sort", "none");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = sortValue(a, column, kind);
          var y = sortValue(b, column, kind);
          var order = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) {
          body.appendChild(row);
        });
      });
    });
  }

  /* -- index: filters and search over the embedded JSON index ---------------------------- */
  function normalise(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(DROP, "");
  }

  function initIndex() {
    var table = document.getElementById("clusters");
    var source = document.getElementById("search-index");
    if (!table || !source) {
      return;
    }
    var entries = JSON.parse(source.textContent);
    var kinds = JSON.parse(document.getElementById("kind-names").textContent);
    var input = document.getElementById("q");
    var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var count = document.getElementById("count-n");
    var others = document.getElementById("others");
    var list = document.getElementById("others-list");

    function matches(entry, query) {
      return entry.keys.some(function (key) {
        return key.indexOf(query) >= 0;
      });
    }

    function showOthers(query) {
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      var found = query
        ? entries.filter(function (e) {
            return e.kind !== "cluster" && matches(e, query);
          })
        : [];
      found.slice(0, 40).forEach(function (entry) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = entry.href;
        link.textContent = entry.label;
        link.setAttribute("lang", "zh");
        item.appendChild(link);
        var kind = document.createElement("span");
        kind.className = "tag";
        kind.setAttribute("data-i18n", "kind." + entry.kind);
        var names = kinds[entry.kind] || { zh: entry.kind, en: entry.kind };
        kind.textContent = document.documentElement.getAttribute("data-ui") === "en" ? names.en : names.zh;
        item.appendChild(document.createTextNode(" "));
        item.appendChild(kind);
        if (entry.pinyin) {
          var pinyin = document.createElement("span");
          pinyin.className = "pinyin";
          pinyin.setAttribute("lang", "zh-Latn-pinyin");
          pinyin.textContent = " " + entry.pinyin;
          item.appendChild(pinyin);
        }
        list.appendChild(item);
      });
      others.hidden = found.length === 0;
    }

    function update() {
      var query = normalise(input.value);
      var allowed = null;
      if (query) {
        allowed = {};
        entries.forEach(function (entry) {
          if (entry.kind === "cluster" && matches(entry, query)) {
            allowed[entry.href] = true;
          }
        });
      }
      var filters = selects
        .filter(function (s) {
          return s.value;
        })
        .map(function (s) {
          return [s.getAttribute("data-filter"), s.value];
        });
      var shown = 0;
      rows.forEach(function (row) {
        var visible = !allowed || allowed[row.getAttribute("data-href")] === true;
        filters.forEach(function (filter) {
          var values = (row.getAttribute("data-" + filter[0]) || "").split(" ");
          if (values.indexOf(filter[1]) < 0) {
            visible = false;
          }
        });
        row.hidden = !visible;
        if (visible) {
          shown += 1;
        }
      });
      count.textContent = String(shown);
      showOthers(query);
    }

    input.addEventListener("input", update);
    selects.forEach(function (select) {
      select.addEventListener("change", update);
    });
    document.getElementById("reset").addEventListener("click", function () {
      input.value = "";
      selects.forEach(function (select) {
        select.value = "";
      });
      update();
    });
    if (input.value) {
      update();
    }
  }

  /* -- source view: highlight the span named by #ev-S-E ---------------------------------- */
  function initSource() {
    var box = document.getElementById("source-text");
    if (!box) {
      return;
    }
    var cited = JSON.parse(document.getElementById("cited-by").textContent);
    var panel = document.getElementById("ev-panel");
    var panelKey = document.getElementById("ev-panel-key");
    var panelList = document.getElementById("ev-panel-list");

    function highlight() {
      box.querySelectorAll("mark.hl").forEach(function (mark) {
        mark.classList.remove("hl");
        mark.removeAttribute("tabindex");
      });
      var found = /^#ev-([0-9]+-[0-9]+)$/.exec(window.location.hash);
      if (!found) {
        panel.hidden = true;
        return;
      }
      var key = found[1];
      var marks = box.querySelectorAll('mark[data-ev~="' + key + '"]');
      marks.forEach(function (mark) {
        mark.classList.add("hl");
      });
      while (panelList.firstChild) {
        panelList.removeChild(panelList.firstChild);
      }
      (cited[key] || []).forEach(function (node) {
        var item = document.createElement("li");
        var target = item;
        if (node.href) {
          target = document.createElement("a");
          target.href = node.href;
          item.appendChild(target);
        }
        target.textContent = node.label;
        target.setAttribute("lang", "zh");
        panelList.appendChild(item);
      });
      panelKey.textContent = key;
      panel.hidden = marks.length === 0;
      if (marks.length) {
        marks[0].setAttribute("tabindex", "-1");
        marks[0].focus({ preventScroll: true });
        marks[0].scrollIntoView({ block: "center" });
      }
    }

    window.addEventListener("hashchange", highlight);
    highlight();
  }

  document.querySelectorAll("table.sortable").forEach(initSortable);
  initIndex();
  initSource();
  initLang();
})();
