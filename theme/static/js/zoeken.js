/* The search page (zoeken.html): starts Pagefind's own UI in #zoeken.
 *
 * A file of its own, not an inline <script>, because the Content-Security-Policy of
 * every page forbids inline script (theme/templates/base.html): only scripts from
 * the site itself run, so text from a record can never run as a script.
 * Needs pagefind-ui.js (written by the build into /pagefind/) loaded before it.
 */
window.addEventListener("DOMContentLoaded", function () {
  "use strict";
  // The site may live in a sub-folder: result links start where this page is.
  var base = new URL(".", window.location.href).pathname;
  var ui = new PagefindUI({
    element: "#zoeken",
    baseUrl: base,
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    translations: {
      placeholder: "Zoek in voorstellen en besluiten",
      search_label: "Zoek in voorstellen en besluiten",
      clear_search: "Wissen",
      filters_label: "Filters: status, onderwerp en jaar"
    }
  });
  // ?q=woord in the address starts a search (links from elsewhere on the site).
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { ui.triggerSearch(q); }
});
