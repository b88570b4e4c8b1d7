// The portal's only script: every page works without it; it adds focus and announcements.
(function () {
  "use strict";

  // After a failed submit, move focus to the error summary so the errors are read out first.
  function focusErrorSummary() {
    var summary = document.querySelector(".ds-error-summary");
    if (summary) {
      summary.focus();
    }
  }

  // A polled region (data-poll-url) keeps its element, which is the live region, and only
  // its content is replaced, so screen readers announce the change.
  function poll(region) {
    var url = region.getAttribute("data-poll-url") || window.location.href;
    var every = parseInt(region.getAttribute("data-poll-every") || "3000", 10);
    var timer = setInterval(async function () {
      var response;
      try {
        response = await fetch(url, { headers: { "X-Requested-With": "fetch" } });
      } catch (error) {
        return;
      }
      if (!response.ok) {
        return;
      }
      var page = new DOMParser().parseFromString(await response.text(), "text/html");
      var fresh = page.getElementById(region.id);
      if (!fresh) {
        return;
      }
      if (fresh.innerHTML !== region.innerHTML) {
        region.innerHTML = fresh.innerHTML;
      }
      var status = fresh.getAttribute("data-status");
      region.setAttribute("data-status", status);
      if (!fresh.hasAttribute("data-poll-url")) {
        region.removeAttribute("data-poll-url");
        clearInterval(timer);
      }
    }, every);
  }

  function start() {
    focusErrorSummary();
    document.querySelectorAll("[data-poll-url]").forEach(poll);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
