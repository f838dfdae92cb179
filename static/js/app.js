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
