/*
 * wagtail-localize's translation editor, read as the language's translator reads it: the
 * German source segments left to right and marked as German, the translation (shown or
 * being typed) in the target language and its direction – right to left for Arabic –
 * whatever the direction of the admin around it.
 *
 * The editor is a React app rendered into ".js-translation-editor", whose data-props name
 * the source and target language. Each string segment is an <li> with the class
 * "complete", "incomplete" or "errored"; its direct <p> child is the source text, the
 * <div> after it holds the translation (a <p>, or a <textarea> while editing). React
 * renders later and replaces parts on every click, so a MutationObserver marks them
 * again. On other editor pages (this file is loaded by Wagtail's insert_editor_js hook)
 * there is no such element and nothing happens.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var rtlLanguages = ((script && script.dataset.rtlLanguages) || "").split(" ");
  var SEGMENT = "li.complete, li.incomplete, li.errored";

  function direction(code) {
    var language = code.toLowerCase();
    var base = language.split("-")[0];
    return rtlLanguages.indexOf(language) >= 0 || rtlLanguages.indexOf(base) >= 0
      ? "rtl"
      : "ltr";
  }

  function mark(element, code) {
    if (element.getAttribute("lang") !== code) {
      element.setAttribute("lang", code);
    }
    if (element.getAttribute("dir") !== direction(code)) {
      element.setAttribute("dir", direction(code));
    }
  }

  function start() {
    var editor = document.querySelector(".js-translation-editor[data-props]");
    if (!editor) {
      return;
    }
    var props;
    try {
      props = JSON.parse(editor.dataset.props);
    } catch (error) {
      return;
    }
    if (!props.sourceLocale || !props.locale) {
      return;
    }
    var source = props.sourceLocale.code;
    var target = props.locale.code;

    function update() {
      editor.querySelectorAll(SEGMENT).forEach(function (segment) {
        Array.prototype.forEach.call(segment.children, function (child) {
          if (child.tagName === "P") {
            mark(child, source);
          } else if (child.tagName === "DIV") {
            child.querySelectorAll("p, textarea").forEach(function (text) {
              mark(text, target);
            });
          }
        });
      });
    }

    update();
    // Only added and removed elements: setting attributes does not call it again.
    new MutationObserver(update).observe(editor, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
