// The live alert board: the server tells us (server-sent events) when an alert in our scope opens or changes, and
// htmx reloads the rows. EventSource reconnects by itself after a network drop.
(function () {
  "use strict";
  var board = document.getElementById("alert-board");
  if (!board || typeof EventSource === "undefined") {
    return;
  }
  var status = document.getElementById("live-status");
  var source = new EventSource(board.getAttribute("data-stream"));
  function refresh() {
    // do not wipe a note someone is typing
    var active = document.activeElement;
    if (active && active.classList && active.classList.contains("resolve-note") && active.value) {
      return;
    }
    htmx.ajax("GET", board.getAttribute("data-rows"), { target: "#alert-rows", swap: "outerHTML" });
  }
  source.addEventListener("hello", function () {
    status.textContent = status.getAttribute("data-live");
    status.classList.remove("text-bg-secondary");
    status.classList.add("text-bg-success");
    status.setAttribute("data-connected", "true");
  });
  source.addEventListener("alert", refresh);
  source.onerror = function () {
    status.textContent = status.getAttribute("data-offline");
    status.classList.remove("text-bg-success");
    status.classList.add("text-bg-secondary");
  };
})();
