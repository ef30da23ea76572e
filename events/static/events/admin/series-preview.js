// Keeps the "Wiederholung" panel's sentence and next dates current while editing: posts
// the edit form (with its CSRF token) to the admin-only preview view and shows the answer.
// Without JavaScript the panel shows the stored rule.
(function () {
  "use strict";

  function init() {
    var box = document.querySelector("[data-series-preview]");
    if (!box) return;
    var form = box.closest("form");
    var output = box.querySelector("[data-series-preview-output]");
    if (!form || !output) return;
    var url = box.getAttribute("data-series-preview");
    var timer = null;
    var latest = 0;

    function refresh() {
      var request = ++latest;
      fetch(url, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { "X-Requested-With": "XMLHttpRequest" },
      })
        .then(function (response) {
          return response.text();
        })
        .then(function (html) {
          if (request === latest) output.innerHTML = html;
        })
        .catch(function () {});
    }

    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 400);
    }

    form.addEventListener("change", later);
    form.addEventListener("input", later);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
