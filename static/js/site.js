/* Progressive enhancements; every page works without them. */
(function () {
  "use strict";

  /* Protected emails: the page holds the address as hexadecimal UTF-8 only. */
  function decodeHex(hex) {
    var bytes = new Uint8Array(hex.length / 2);
    for (var i = 0; i < bytes.length; i += 1) {
      bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
    }
    return new TextDecoder().decode(bytes);
  }

  document.querySelectorAll(".protected-email[data-email]").forEach(function (holder) {
    var address = decodeHex(holder.getAttribute("data-email"));
    var link = document.createElement("a");
    link.href = "mailto:" + address;
    link.textContent = address;
    holder.replaceChildren(link);
  });

  /* "Print this page", as the source site offered. */
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });

  /* On a phone the filters start folded, below their summary. */
  if (window.matchMedia("(max-width: 59.99rem)").matches) {
    document.querySelectorAll("details[data-collapse-on-narrow]").forEach(function (details) {
      details.open = false;
    });
  }
})();
