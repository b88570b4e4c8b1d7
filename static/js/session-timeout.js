// Warns a signed-in person before the session ends, with a way to stay (WCAG 2.2.1 Timing adjustable).
// The page tells the times on <body> (core/session_timing.py): data-session-idle-ends and
// data-session-absolute-ends in Unix seconds, data-session-server-now, data-session-warn-seconds and
// data-session-keep-alive-url. Other tabs of the portal share the latest idle end through localStorage.
(function () {
  "use strict";

  var body = document.body;
  var url = body.getAttribute("data-session-keep-alive-url");
  var template = document.getElementById("session-timeout-template");
  if (!url || !template) {
    return;
  }
  var STORE = "portal-session-idle-ends";
  var warnSeconds = parseInt(body.getAttribute("data-session-warn-seconds"), 10) || 300;
  // The server's clock may differ from this computer's: times are kept in the server's seconds.
  var skew = parseInt(body.getAttribute("data-session-server-now"), 10) - Date.now() / 1000;
  var idleEnds = parseInt(body.getAttribute("data-session-idle-ends"), 10);
  var absoluteEnds = parseInt(body.getAttribute("data-session-absolute-ends"), 10);
  var dialog = null;
  var state = null;
  var dismissed = {};
  var status = document.getElementById("session-timeout-status");
  var texts = document.getElementById("session-timeout-texts");

  function now() {
    return Date.now() / 1000 + skew;
  }

  function formatTime(seconds) {
    var date = new Date((seconds - skew) * 1000);
    return date.toLocaleTimeString(document.documentElement.lang || undefined, {
      hour: "2-digit",
      minute: "2-digit",
    });
  }

  function fillTimes(root, seconds) {
    root.querySelectorAll("[data-ends]").forEach(function (element) {
      element.textContent = formatTime(seconds);
    });
  }

  function sharedIdleEnds() {
    try {
      var stored = parseInt(window.localStorage.getItem(STORE), 10);
      if (stored > idleEnds) {
        idleEnds = stored;
      }
    } catch (error) {
      // Storage may be refused (private windows): this tab then counts alone.
    }
    return idleEnds;
  }

  function share(seconds) {
    try {
      window.localStorage.setItem(STORE, String(seconds));
    } catch (error) {
      // See sharedIdleEnds.
    }
  }

  function ensureDialog() {
    if (dialog) {
      return dialog;
    }
    dialog = template.content.firstElementChild.cloneNode(true);
    document.getElementById("main").appendChild(dialog);
    dialog.querySelectorAll("[data-close]").forEach(function (button) {
      button.addEventListener("click", close);
    });
    dialog.querySelector("[data-stay]").addEventListener("click", stay);
    dialog.addEventListener("cancel", function () {
      dismissed[state] = true;
    });
    return dialog;
  }

  function show(newState, seconds) {
    ensureDialog();
    state = newState;
    var heading = null;
    dialog.querySelectorAll("[data-state]").forEach(function (part) {
      var active = part.getAttribute("data-state") === newState;
      part.hidden = !active;
      var h = part.querySelector("h2");
      var p = part.querySelector("p");
      // The dialog's name and description are those of the part shown.
      if (h) {
        h.removeAttribute("id");
      }
      if (p) {
        p.removeAttribute("id");
      }
      if (active && h) {
        h.id = "session-timeout-heading";
      }
      if (active && p) {
        p.id = "session-timeout-text";
      }
      if (active) {
        heading = part;
      }
    });
    fillTimes(dialog, seconds);
    if (!dialog.open) {
      if (typeof dialog.showModal === "function") {
        dialog.showModal();
      } else {
        dialog.setAttribute("open", "");
      }
    }
    var first = heading.querySelector("button, a");
    if (first) {
      first.focus();
    }
  }

  function close() {
    if (dialog && dialog.open) {
      dismissed[state] = true;
      dialog.close();
    }
  }

  function announce(kind, seconds) {
    if (!status || !texts) {
      return;
    }
    var source = texts.content.querySelector('[data-text="' + kind + '"]').cloneNode(true);
    fillTimes(source, seconds);
    status.textContent = source.textContent;
  }

  async function stay() {
    var response;
    try {
      response = await fetch(url, {
        credentials: "same-origin",
        cache: "no-store",
        headers: { Accept: "application/json", "X-Requested-With": "fetch" },
      });
    } catch (error) {
      response = null;
    }
    var data = null;
    if (response && response.ok && !response.redirected) {
      try {
        data = await response.json();
      } catch (error) {
        data = null;
      }
    }
    if (!data || !data.idle_ends) {
      show("ended", idleEnds);
      announce("failed", idleEnds);
      return;
    }
    skew = data.server_now - Date.now() / 1000;
    idleEnds = data.idle_ends;
    absoluteEnds = data.absolute_ends;
    share(idleEnds);
    dismissed = {};
    if (dialog && dialog.open) {
      dialog.close();
    }
    body.setAttribute("data-session-idle-ends", String(idleEnds));
    announce("extended", idleEnds);
  }

  function tick() {
    var t = now();
    var idle = Math.min(sharedIdleEnds(), absoluteEnds);
    if (t >= idle) {
      if (state !== "ended" || !dialog || !dialog.open) {
        if (!dismissed.ended) {
          show("ended", idle);
        }
      }
      return;
    }
    // The absolute end comes first and nothing can move it: say so, once.
    if (absoluteEnds <= idle && t >= absoluteEnds - warnSeconds) {
      if (!dismissed.absolute && state !== "absolute") {
        show("absolute", absoluteEnds);
      }
      return;
    }
    if (t >= idle - warnSeconds) {
      if (!dismissed.idle && (state !== "idle" || !dialog.open)) {
        show("idle", idle);
      }
      return;
    }
    // Another tab extended the session: a warning shown here is no longer true.
    if (dialog && dialog.open && state === "idle") {
      dialog.close();
      state = null;
    }
  }

  // A page served from the page cache carries the server's time of when it was stored, so a clock that
  // seems off by more than half a minute is read again from the server's Date header.
  async function checkClock() {
    var clockUrl = body.getAttribute("data-session-clock-url");
    if (!clockUrl || Math.abs(skew) < 30) {
      return;
    }
    try {
      var response = await fetch(clockUrl, { method: "HEAD", cache: "no-store", credentials: "same-origin" });
      var date = Date.parse(response.headers.get("Date") || "");
      if (!isNaN(date)) {
        skew = date / 1000 + 0.5 - Date.now() / 1000;
      }
    } catch (error) {
      // Keep the page's own figure.
    }
  }

  share(idleEnds);
  checkClock().then(function () {
    tick();
    window.setInterval(tick, 1000);
  });
})();
