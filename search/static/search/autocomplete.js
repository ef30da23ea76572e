// Progressive enhancement: suggestions for the header search box from our own
// endpoint. Without JavaScript the search works the same, just without suggestions.
(function () {
    "use strict";
    var input = document.getElementById("site-search-q");
    var form = input && input.form;
    if (!form || !form.dataset.autocompleteUrl || !window.fetch) {
        return;
    }
    var list = document.createElement("datalist");
    list.id = "site-search-suggestions";
    form.appendChild(list);
    input.setAttribute("list", list.id);
    input.setAttribute("autocomplete", "off");
    var timer = null;
    var lastQuery = "";
    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
            var query = input.value.trim();
            if (query.length < 2 || query === lastQuery) {
                return;
            }
            lastQuery = query;
            var url = form.dataset.autocompleteUrl + "?q=" + encodeURIComponent(query);
            fetch(url, { headers: { Accept: "application/json" } })
                .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                .then(function (data) {
                    list.textContent = "";
                    data.suggestions.forEach(function (item) {
                        var option = document.createElement("option");
                        option.value = item.title;
                        list.appendChild(option);
                    });
                })
                .catch(function () { /* suggestions are optional */ });
        }, 200);
    });
})();
