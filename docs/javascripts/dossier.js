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
