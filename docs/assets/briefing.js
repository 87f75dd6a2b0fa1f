/* Briefing: small reading aids that Markdown alone cannot give.
   - Each table cell learns its column's heading (data-label), so that on a
     phone briefing.css can show a row as a card: "Outlet: IRNA", "Date: …".
   - The theme's search dialog gets an accessible name; the theme's own
     template leaves its role="dialog" unnamed. */
(function () {
  "use strict";

  function labelCells(root) {
    root.querySelectorAll(".md-typeset table:not([class])").forEach(function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      // Two columns fit a phone; a key-value table's header row is data.
      if (heads.length < 3) {
        return;
      }
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, i) {
          if (heads[i]) {
            cell.setAttribute("data-label", heads[i]);
          }
        });
      });
      table.setAttribute("data-cards", "");
    });
  }

  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    var input = document.querySelector(".md-search__input");
    if (dialog && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "Search");
    }
  }

  function prepare() {
    labelCells(document);
    nameSearchDialog();
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(prepare);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", prepare);
  } else {
    prepare();
  }
})();
