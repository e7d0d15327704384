/* Progressive enhancements; every page works without them. */
(function () {
  "use strict";

  /* Protected emails: no page holds an address. The link leads to a page whose button
     asks for it (a POST); here that form is fetched and posted in the background and
     the answer, the address or why it was refused, takes the link's place. */
  function showEmail(holder, answer) {
    if (answer.email) {
      var link = document.createElement("a");
      link.href = "mailto:" + answer.email;
      link.textContent = answer.email;
      holder.replaceChildren(link);
    } else {
      var refusal = document.createElement("span");
      refusal.setAttribute("role", "alert");
      refusal.textContent = answer.error;
      holder.replaceChildren(refusal);
    }
  }

  function revealEmail(holder, url) {
    fetch(url, { headers: { Accept: "text/html" } })
      .then(function (response) {
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var form = page.querySelector("form.email-reveal");
        return fetch(url, {
          method: "POST",
          headers: { Accept: "application/json" },
          body: new URLSearchParams(new FormData(form)),
        });
      })
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        showEmail(holder, answer);
      })
      .catch(function () {
        window.location.href = url;
      });
  }

  document.querySelectorAll(".protected-email a").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      revealEmail(link.parentElement, link.href);
    });
  });

  /* "Print this page", as the source site offered. */
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });

  /* On a phone the filters start folded, below their summary. At desktop width they
     are open, and their summary cannot be clicked (site.css): a window that crosses
     the width (a tablet turned, a window resized) folds or unfolds them to match, or a
     page opened narrow would keep its filters folded out of reach once widened. */
  var narrow = window.matchMedia("(max-width: 59.99rem)");
  function fitFiltersToWidth() {
    document.querySelectorAll("details[data-collapse-on-narrow]").forEach(function (details) {
      details.open = !narrow.matches;
    });
  }
  if (narrow.matches) {
    fitFiltersToWidth();
  }
  narrow.addEventListener("change", fitFiltersToWidth);
})();
