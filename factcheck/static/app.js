/* factcheck: keyboard shortcuts, the help dialog and the report page's claim panel.
   Hand-written, no dependencies; every page works without it. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var page = document.body.getAttribute("data-page");
  var help = document.getElementById("help");

  function typing(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  function openHelp() {
    if (help && !help.open && typeof help.showModal === "function") help.showModal();
  }

  document.querySelectorAll("[data-help]").forEach(function (b) {
    b.addEventListener("click", openHelp);
  });

  /* Ask before destructive forms are sent. */
  document.querySelectorAll("form[data-confirm]").forEach(function (f) {
    f.addEventListener("submit", function (e) {
      if (!window.confirm(f.getAttribute("data-confirm"))) e.preventDefault();
    });
  });

  /* Story page: j/k move focus between pair rows; Enter follows the focused link. */
  function movePair(step) {
    var links = Array.prototype.slice.call(document.querySelectorAll("[data-pair-link]"));
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    var next = at < 0 ? (step > 0 ? 0 : links.length - 1) : Math.min(Math.max(at + step, 0), links.length - 1);
    var details = links[next].closest("details");
    if (details) details.open = true;
    links[next].focus();
    links[next].scrollIntoView({ block: "nearest" });
  }

  /* Pair page: j/k go to the next/previous pair; a/c/x/u press a label button. */
  function go(rel) {
    var link = document.querySelector('a[rel="' + rel + '"]');
    if (link) window.location.href = link.href;
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (typing(t)) {
      if (e.key === "Escape" && t.blur) t.blur();
      return;
    }
    if (e.key === "?") { e.preventDefault(); openHelp(); return; }
    if (page === "story") {
      if (e.key === "j") { e.preventDefault(); movePair(1); }
      else if (e.key === "k") { e.preventDefault(); movePair(-1); }
      return;
    }
    if (page !== "pair") return;
    if (e.key === "j") { e.preventDefault(); go("next"); return; }
    if (e.key === "k") { e.preventDefault(); go("prev"); return; }
    if (e.key === "n") {
      var note = document.getElementById("note");
      if (note) { e.preventDefault(); note.focus(); }
      return;
    }
    var button = document.querySelector('#review-form button[data-key="' + e.key + '"]');
    if (button) { e.preventDefault(); button.click(); }
  });

  /* Report page: pointing at or focusing a claim shows what other reports say about it. */
  if (page === "report") {
    var current = null;
    var show = function (id) {
      var card = document.getElementById("pairs-of-" + id);
      var mark = document.getElementById("claim-" + id);
      if (!card || current === id) return;
      document.querySelectorAll(".claim-card.active, mark.claim.active").forEach(function (el) {
        el.classList.remove("active");
      });
      card.classList.add("active");
      if (mark) mark.classList.add("active");
      current = id;
    };
    document.querySelectorAll("mark.claim[data-claim]").forEach(function (m) {
      var id = m.getAttribute("data-claim");
      m.addEventListener("mouseenter", function () { show(id); });
      m.addEventListener("focus", function () { show(id); });
    });
    var hash = window.location.hash.match(/^#claim-(\d+)$/);
    if (hash) show(hash[1]);
  }
})();
