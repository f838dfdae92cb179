// Marks every piece of the finding named in the URL's #finding-N, and keeps doing so as
// links are followed or htmx swaps content in. Without this script the :target rule in
// app.css still marks the start of the finding.
(function () {
  "use strict";
  function markFinding() {
    var match = /^#finding-(\d+)$/.exec(window.location.hash);
    document.querySelectorAll(".finding-mark.is-active").forEach(function (el) { el.classList.remove("is-active"); });
    if (!match) { return; }
    var id = match[1];
    var pieces = document.querySelectorAll('.finding-mark[data-findings~="' + id + '"]');
    pieces.forEach(function (el) { el.classList.add("is-active"); });
    var anchor = document.getElementById("finding-" + id);
    if (anchor) { anchor.scrollIntoView({ block: "center" }); }
  }
  window.addEventListener("hashchange", markFinding);
  document.addEventListener("DOMContentLoaded", markFinding);
  document.addEventListener("htmx:afterSettle", markFinding);
})();

// Reviewers: selecting text in the policy offers "Add a finding from this selection", a link to the add
// page with the quote and where it starts (the text's own offsets: the container's textContent is the
// analysed text). Without this script the add page still works by pasting the sentence.
(function () {
  "use strict";
  function offsetWithin(container, node, offset) {
    var range = document.createRange();
    range.selectNodeContents(container);
    range.setEnd(node, offset);
    return range.toString().length;
  }
  function removeOffer() {
    var old = document.getElementById("selection-add");
    if (old) { old.remove(); }
  }
  document.addEventListener("mouseup", function (event) {
    var container = document.getElementById("policy-text");
    if (!container || !container.dataset.addUrl) { return; }
    if (event.target && event.target.id === "selection-add") { return; }
    removeOffer();
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) { return; }
    var range = selection.getRangeAt(0);
    if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) { return; }
    var quote = range.toString();
    var trimmedStart = quote.length - quote.replace(/^\s+/, "").length;
    quote = quote.trim();
    if (!quote || quote.length > 2000) { return; }
    var near = offsetWithin(container, range.startContainer, range.startOffset) + trimmedStart;
    var link = document.createElement("a");
    link.id = "selection-add";
    link.className = "selection-add";
    link.setAttribute("role", "button");
    link.textContent = "Add a finding from this selection";
    link.href = container.dataset.addUrl + "?quote=" + encodeURIComponent(quote) + "&near=" + near;
    var rect = range.getBoundingClientRect();
    link.style.top = (window.scrollY + rect.bottom + 6) + "px";
    link.style.left = (window.scrollX + rect.left) + "px";
    document.body.appendChild(link);
  });
})();
