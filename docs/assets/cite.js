/* Briefing: copy citations formatted, and the per-paragraph ¶ menu.
 *
 * Every element with class "brief-cite" is a formatted citation; a copy
 * button after it puts it on the clipboard as rich text (text/html, so a
 * word processor keeps the italics) and as plain text. Each paragraph's
 * ¶ mark opens a small menu: copy the paragraph's link, or its citation in
 * Chicago, APA or MLA, taken from the hidden "brief-pins" block the build
 * writes at the end of the annotated text.
 *
 * No network, no framework: works over file:// and with Material's
 * instant navigation on or off.
 */
(function () {
  "use strict";

  function plainText(element) {
    return element.textContent.replace(/\s+/g, " ").trim();
  }

  function richHtml(element) {
    var copy = element.cloneNode(true);
    copy.removeAttribute("class");
    copy.removeAttribute("data-cite-label");
    copy.removeAttribute("data-style");
    copy.removeAttribute("id");
    return copy.innerHTML.trim();
  }

  /* Copy through the "copy" event: where the Clipboard API is refused
   * (older browsers, some file:// pages), execCommand still lets a page set
   * both formats while handling a click. */
  function copyBySelection(html, text) {
    var done = false;
    function onCopy(event) {
      event.clipboardData.setData("text/html", html);
      event.clipboardData.setData("text/plain", text);
      event.preventDefault();
      done = true;
    }
    document.addEventListener("copy", onCopy);
    try {
      document.execCommand("copy");
    } catch (error) {
      done = false;
    } finally {
      document.removeEventListener("copy", onCopy);
    }
    return Promise.resolve(done);
  }

  function copyRich(html, text) {
    var clipboard = navigator.clipboard;
    if (clipboard && clipboard.write && window.ClipboardItem) {
      var item = new window.ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" }),
      });
      return clipboard.write([item]).then(
        function () { return true; },
        function () { return copyPlain(html, text); }
      );
    }
    return copyPlain(html, text);
  }

  function copyPlain(html, text) {
    var clipboard = navigator.clipboard;
    if (clipboard && clipboard.writeText) {
      return clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyBySelection(html, text); }
      );
    }
    return copyBySelection(html, text);
  }

  function report(button, done) {
    var label = button.getAttribute("data-label");
    button.textContent = done ? "Copied" : "Copy failed: select and copy by hand";
    window.setTimeout(function () { button.textContent = label; }, 2000);
  }

  /* ---- the site's own address, where the build does not know it ---- */

  /* Without a configured site address the build invents none: the MLA
   * entries that would name this site as where the work was read carry its
   * name (data-read-here) and name the original's address alone. Served
   * over http the entry gains that second container with the address the
   * page is read at; opened from file:// it is left naming the original,
   * with a note that the page is a local copy. */
  function localCopy() {
    return location.protocol === "file:";
  }

  function pageAddress() {
    return location.href.split("#")[0];
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  }

  function linkHtml(url) {
    return '<a href="' + escapeHtml(url) + '">' + escapeHtml(url) + "</a>";
  }

  function addReadHere(entry) {
    if (entry.hasAttribute("data-read-here-done")) return;
    entry.setAttribute("data-read-here-done", "");
    if (localCopy()) return;
    var site = document.createElement("em");
    site.textContent = entry.getAttribute("data-read-here");
    var address = document.createElement("a");
    address.href = pageAddress();
    // MLA 9, 5.95: the address shown without its scheme, as the build's entries show it.
    address.textContent = pageAddress().replace(/^https?:\/\//i, "");
    entry.appendChild(document.createTextNode(" "));
    entry.appendChild(site);
    entry.appendChild(document.createTextNode(", "));
    entry.appendChild(address);
    entry.appendChild(document.createTextNode("."));
  }

  /* The printed page's address line, left empty by the build. */
  function addPageAddress(root) {
    if (localCopy()) return;
    var slots = root.querySelectorAll(".brief-page-address[hidden]");
    for (var i = 0; i < slots.length; i++) {
      slots[i].textContent = pageAddress();
      slots[i].removeAttribute("hidden");
    }
  }

  /* From file://: what a reader must know before pasting the entry. */
  function localCopyNote(entry) {
    if (!localCopy() || !entry.hasAttribute("data-read-here")) return null;
    var note = document.createElement("span");
    note.className = "brief-cite-note";
    note.textContent = entry.querySelector("a[href]")
      ? "This page is a local copy: the entry gives the original article's address."
      : "This page is a local copy, and the original article's address is not known.";
    return note;
  }

  function copyButton(citation, label) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "brief-copy md-button";
    button.textContent = "Copy";
    button.setAttribute("data-label", "Copy");
    button.setAttribute("aria-label", "Copy the " + label);
    button.addEventListener("click", function () {
      copyRich(richHtml(citation), plainText(citation)).then(function (done) {
        report(button, done);
      });
    });
    return button;
  }

  function addCopyButtons(root) {
    var citations = root.querySelectorAll(".brief-cite");
    for (var i = 0; i < citations.length; i++) {
      var citation = citations[i];
      if (citation.hasAttribute("data-read-here")) addReadHere(citation);
      if (citation.closest(".brief-pins") || citation.hasAttribute("data-copy-ready")) continue;
      citation.setAttribute("data-copy-ready", "");
      var label = citation.getAttribute("data-cite-label") || "citation";
      var button = copyButton(citation, label);
      citation.insertAdjacentElement("afterend", button);
      var note = localCopyNote(citation);
      if (note) button.insertAdjacentElement("afterend", note);
    }
  }

  /* ---- the ¶ menu ---- */

  var open = null;

  function closeMenu(restoreFocus) {
    if (!open) return;
    var menu = open.menu, mark = open.mark;
    menu.remove();
    mark.setAttribute("aria-expanded", "false");
    open = null;
    if (restoreFocus) mark.focus();
  }

  function menuRow(label, citation, html, text) {
    var row = document.createElement("div");
    row.className = "brief-pin-menu__row";
    var name = document.createElement("span");
    name.className = "brief-pin-menu__style";
    name.textContent = label;
    row.appendChild(name);
    var shown = document.createElement("span");
    shown.className = "brief-pin-menu__text";
    if (citation) shown.innerHTML = html; else shown.textContent = text;
    row.appendChild(shown);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "brief-copy md-button";
    button.textContent = "Copy";
    button.setAttribute("data-label", "Copy");
    button.setAttribute("aria-label", citation ? "Copy the " + label + " citation" : "Copy the link");
    button.addEventListener("click", function () {
      copyRich(html, text).then(function (done) { report(button, done); });
    });
    row.appendChild(button);
    return row;
  }

  function addCitationRow(menu, citation) {
    var row = menuRow(citation.getAttribute("data-cite-label"), citation,
      richHtml(citation), plainText(citation));
    var note = localCopyNote(citation);
    if (note) row.querySelector(".brief-pin-menu__text").appendChild(note);
    menu.appendChild(row);
  }

  /* From file:// with no published address: no link to this copy would work
   * anywhere else, so the row says so and offers the original's address. */
  function localCopyRow(original) {
    var known = /^https?:\/\//i.test(original || "");
    var row = menuRow("Link", null, known ? linkHtml(original) : "", known ? original : "");
    var shown = row.querySelector(".brief-pin-menu__text");
    shown.textContent = known
      ? "This page is a local copy; the original article is at "
      : "This page is a local copy, and the original article's address is not known.";
    if (known) {
      shown.insertAdjacentHTML("beforeend", linkHtml(original));
      row.querySelector("button").setAttribute("aria-label", "Copy the original article's address");
    } else {
      row.removeChild(row.querySelector("button"));
    }
    return row;
  }

  function openMenu(mark, number) {
    closeMenu(false);
    var menu = document.createElement("div");
    menu.className = "brief-pin-menu";
    menu.setAttribute("role", "dialog");
    menu.setAttribute("aria-label", "Cite paragraph " + number);
    menu.id = "brief-pin-menu";
    var head = document.createElement("div");
    head.className = "brief-pin-menu__head";
    var title = document.createElement("span");
    title.textContent = "Paragraph " + number;
    head.appendChild(title);
    var close = document.createElement("button");
    close.type = "button";
    close.className = "brief-pin-menu__close md-button";
    close.textContent = "Close";
    close.setAttribute("aria-label", "Close the menu of paragraph " + number);
    close.addEventListener("click", function () { closeMenu(true); });
    head.appendChild(close);
    menu.appendChild(head);
    var pins = document.querySelector(".brief-pins");
    /* The published address when the build knows it: a link copied from a
     * local or file:// copy of the site still works in a memo. Else the
     * address the page is read at, unless that is a file on this machine. */
    var page = (pins && pins.getAttribute("data-url")) || (localCopy() ? null : pageAddress());
    if (page) {
      var link = page + "#p" + number;
      menu.appendChild(menuRow("Link", null, linkHtml(link), link));
    } else {
      menu.appendChild(localCopyRow(pins && pins.getAttribute("data-original")));
    }
    var own = pins && pins.querySelector('[data-paragraph="' + number + '"]');
    var citations = own ? own.querySelectorAll(".brief-cite") : [];
    for (var i = 0; i < citations.length; i++) {
      addCitationRow(menu, citations[i]);
      var style = citations[i].getAttribute("data-style");
      var entry = pins.querySelector('[data-entries] [data-style="' + style + '"]');
      if (entry) addCitationRow(menu, entry);
    }
    (mark.closest(".brief-para") || mark.parentNode).appendChild(menu);
    mark.setAttribute("aria-expanded", "true");
    open = { menu: menu, mark: mark };
    var first = menu.querySelector(".brief-pin-menu__row button") || close;
    first.focus();
  }

  function addPinMenus(root) {
    var marks = root.querySelectorAll("a.brief-pilcrow");
    for (var i = 0; i < marks.length; i++) {
      var mark = marks[i];
      if (mark.hasAttribute("aria-haspopup")) continue;
      var number = (mark.getAttribute("href") || "").replace(/^#p/, "");
      mark.setAttribute("role", "button");
      mark.setAttribute("aria-haspopup", "dialog");
      mark.setAttribute("aria-expanded", "false");
      mark.setAttribute("aria-controls", "brief-pin-menu");
      mark.setAttribute("title", "Link to or cite paragraph " + number);
      mark.addEventListener("click", function (event) {
        var target = event.currentTarget;
        event.preventDefault();
        if (open && open.mark === target) {
          closeMenu(true);
          return;
        }
        history.replaceState(null, "", target.getAttribute("href"));
        openMenu(target, target.getAttribute("href").replace(/^#p/, ""));
      });
      /* It opens a dialog, as a button does: on Space too, not only Enter. */
      mark.addEventListener("keydown", function (event) {
        if (event.key === " " || event.key === "Spacebar") {
          event.preventDefault();
          event.currentTarget.click();
        }
      });
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && open) {
      event.preventDefault();
      closeMenu(true);
    }
  });

  document.addEventListener("click", function (event) {
    if (open && !open.menu.contains(event.target) && event.target !== open.mark) {
      closeMenu(false);
    }
  });

  function init() {
    open = null;
    addPageAddress(document);
    addCopyButtons(document);
    addPinMenus(document);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
