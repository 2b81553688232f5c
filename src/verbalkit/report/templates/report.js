/* verbalkit report: sortable tables. Click a column header to sort by it; click again to
   reverse. Empty cells stay last. Reads its words from the JSON block #vk-data. */
(function () {
  "use strict";
  var node = document.getElementById("vk-data");
  var data = node ? JSON.parse(node.textContent) : {};
  var words = data.sort || { asc: "ascending", desc: "descending" };
  var lang = data.lang || "en";

  function keyOf(cell) {
    var v = cell ? cell.getAttribute("data-v") : null;
    if (v === null || v === "") {
      return null;
    }
    var n = Number(v);
    return isNaN(n) ? v : n;
  }

  function sortBy(table, th, direction) {
    var col = th.cellIndex;
    var body = table.tBodies[0];
    var keyed = Array.prototype.map.call(body.rows, function (row, i) {
      return { row: row, key: keyOf(row.cells[col]), i: i };
    });
    keyed.sort(function (a, b) {
      if (a.key === null || b.key === null) {
        return a.key === b.key ? a.i - b.i : a.key === null ? 1 : -1;
      }
      var c;
      if (typeof a.key === "number" && typeof b.key === "number") {
        c = a.key - b.key;
      } else {
        c = String(a.key).localeCompare(String(b.key), lang);
      }
      if (c === 0) {
        return a.i - b.i;
      }
      return direction === "ascending" ? c : -c;
    });
    var rows = document.createDocumentFragment();
    keyed.forEach(function (e) {
      rows.appendChild(e.row);
    });
    body.appendChild(rows);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) {
      h.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", direction);
    var button = th.querySelector("button");
    if (button) {
      button.title = direction === "ascending" ? words.asc : words.desc;
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.querySelectorAll("thead th"), function (th) {
      var button = th.querySelector("button");
      if (!button) {
        return;
      }
      button.addEventListener("click", function () {
        var now = th.getAttribute("aria-sort");
        var first = th.getAttribute("data-first") || "ascending";
        var next = now === null ? first : now === "ascending" ? "descending" : "ascending";
        sortBy(table, th, next);
      });
    });
  });
  document.documentElement.setAttribute("data-sortable", "ready");
})();
