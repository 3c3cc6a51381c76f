// Pagefind's search follows Material's colour scheme: its dark theme is an attribute of the root element.
(function () {
  function follow() {
    var scheme = document.body.getAttribute("data-md-color-scheme");
    document.documentElement.setAttribute("data-pf-theme", scheme === "slate" ? "dark" : "light");
  }
  follow();
  new MutationObserver(follow).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
})();

// A search typed or pasted with a non-ASCII hyphen ("SEV‑1") searches as with the ASCII one, as the index has it.
document.addEventListener(
  "input",
  function (event) {
    var box = event.composedPath ? event.composedPath()[0] : event.target;
    if (!box || typeof box.value !== "string") return;
    var host = event.target.closest ? event.target.closest("pagefind-modal, pagefind-searchbox, pagefind-input") : null;
    if (!host && !(box.closest && box.closest("pagefind-modal, pagefind-searchbox, pagefind-input"))) return;
    var plain = box.value.replace(/[\u2010\u2011\u2012\u2212]/g, "-");
    if (plain !== box.value) box.value = plain;
  },
  true
);

// Pacing and paging of Pagefind's searches (its Component UI, version 1.5). Each keystroke starts a search at once,
// but never more than one at a time: while one runs, only the latest text waits, so a reader who types fast is not
// kept waiting for searches of what they typed on the way. One or two Latin letters or digits, which match most
// of the site and cost the longest searches, are searched only once the reader pauses on them ("AI", "L5").
(function () {
  var SHORT = /^\s*[A-Za-z0-9]{1,2}\s*$/;
  var PAUSE = 400;
  var STEP = 40;

  function pace(instance) {
    var search = instance.__search__;
    if (typeof search !== "function") return; // another Pagefind: its own pacing stays
    var running = null;
    var waiting = null;
    var timer = null;
    function run(term, filters) {
      running = Promise.resolve(search.call(instance, term, filters)).finally(function () {
        running = null;
        if (waiting) {
          var next = waiting;
          waiting = null;
          run(next[0], next[1]);
        }
      });
    }
    function request(term, filters) {
      if (running) waiting = [term, filters];
      else run(term, filters);
      return running;
    }
    instance.__search__ = function (term, filters) {
      clearTimeout(timer);
      if (!SHORT.test(term || "")) return request(term, filters);
      waiting = null;
      timer = setTimeout(function () {
        request(term, filters);
      }, PAUSE);
      return Promise.resolve();
    };
  }

  // The results list shows STEP results at first (placing thousands took longer than the search); a button
  // under it shows STEP more, and says how many there are.
  function page(instance) {
    var list = document.querySelector("pagefind-modal pagefind-results");
    var more = document.querySelector(".dossier-search__more");
    if (!list || !more || typeof instance.on !== "function") return;
    var first = list.maxResults;
    instance.on("search", function () {
      list.maxResults = first;
    });
    instance.on("results", function (found) {
      var total = found && found.results ? found.results.length : 0;
      more.hidden = !(list.maxResults > 0 && total > list.maxResults);
      more.querySelector("span").textContent = "Showing " + Math.min(total, list.maxResults) + " of " + total + ".";
    });
    more.querySelector("button").addEventListener("click", function () {
      list.maxResults += STEP;
      instance.__dispatch__("results", instance.searchResult);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var components = window.PagefindComponents;
    if (!components || typeof components.getInstanceManager !== "function") return;
    var instance = components.getInstanceManager().getInstance("default");
    pace(instance);
    page(instance);
    // Pagefind loads (its index's entry, filters and WebAssembly: a task of 0.1 to 0.3 s on thousands of pages)
    // when the pointer or focus reaches the search box, not when the reader has started to type.
    var trigger = document.querySelector("pagefind-modal-trigger");
    if (trigger && typeof instance.triggerLoad === "function") {
      ["pointerenter", "focusin", "touchstart"].forEach(function (type) {
        trigger.addEventListener(type, function () {
          instance.triggerLoad();
        }, { once: true, passive: true });
      });
    }
  });
})();
