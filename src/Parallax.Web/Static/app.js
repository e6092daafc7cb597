// Parallax dashboard behaviour. Served from /static/app.js; the pages carry no inline script or handlers.
// Evidence: any element with data-ev="articleId:start:end ..." highlights, when clicked, the text segments
// (<span data-s data-e> inside #text-<articleId>) that its half-open UTF-16 ranges cover.
(function () {
  "use strict";

  function parseEvidence(value) {
    var out = [];
    (value || "").split(/\s+/).forEach(function (part) {
      var bits = part.split(":");
      if (bits.length === 3) {
        var s = parseInt(bits[1], 10), e = parseInt(bits[2], 10);
        if (!isNaN(s) && !isNaN(e)) { out.push({ article: bits[0], start: s, end: e }); }
      }
    });
    return out;
  }

  function clear() {
    document.querySelectorAll(".hl").forEach(function (el) { el.classList.remove("hl"); });
    document.querySelectorAll(".ev.active").forEach(function (el) { el.classList.remove("active"); });
  }

  function highlight(trigger) {
    clear();
    trigger.classList.add("active");
    var first = null, count = 0;
    parseEvidence(trigger.getAttribute("data-ev")).forEach(function (span) {
      var text = document.getElementById("text-" + span.article);
      if (!text) { return; }
      text.querySelectorAll("span[data-s]").forEach(function (seg) {
        var s = parseInt(seg.getAttribute("data-s"), 10), e = parseInt(seg.getAttribute("data-e"), 10);
        var inside = span.start === span.end ? false : (s >= span.start && e <= span.end);
        if (inside) {
          seg.classList.add("hl");
          count++;
          if (!first) { first = seg; }
        }
      });
    });
    document.body.setAttribute("data-highlighted", String(count));
    if (first && first.scrollIntoView) { first.scrollIntoView({ block: "center", behavior: "smooth" }); }
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target.closest("[data-ev]") : null;
    if (target) { highlight(target); }
  });

  // Timeline chart: dots positioned by data-pos (percent), set through the CSSOM (allowed by the CSP).
  function placeDots() {
    document.querySelectorAll(".chart .dot[data-pos]").forEach(function (dot) {
      var pos = parseFloat(dot.getAttribute("data-pos"));
      if (!isNaN(pos)) { dot.style.left = Math.max(0, Math.min(100, pos)) + "%"; }
    });
  }

  // Live updates on the story list: poll /api/stories and offer a reload when the store changed.
  function watchStories() {
    var live = document.getElementById("live");
    if (!live || !window.fetch) { return; }
    var version = live.getAttribute("data-version");
    setInterval(function () {
      fetch("/api/stories?limit=1", { headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data || data.version === version) { return; }
          live.hidden = false;
          live.textContent = "";
          var note = document.createElement("span");
          note.textContent = "New articles arrived (" + data.articleCount + " stored). ";
          var link = document.createElement("a");
          link.href = "/";
          link.textContent = "Reload";
          live.appendChild(note);
          live.appendChild(link);
        })
        .catch(function () { /* offline or restarting: try again next time */ });
    }, 10000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    placeDots();
    watchStories();
  });
})();
