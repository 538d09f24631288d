// Ticks Countdown blocks on published pages. The server already rendered the remaining time as text, so
// without this script the page is still right at load; with it, the numbers move. Loaded only by pages
// that have a countdown.
;(function () {
  var nodes = document.querySelectorAll('[data-countdown-target]')
  function pad(n) { return n < 10 ? '0' + n : '' + n }
  function tick() {
    var now = Date.now()
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i]
      var left = Math.max(0, Date.parse(el.getAttribute('data-countdown-target')) - now)
      var out = el.querySelector('[data-countdown-remaining]')
      if (!out) continue
      if (left === 0 && el.getAttribute('data-countdown-expired')) { out.textContent = el.getAttribute('data-countdown-expired'); continue }
      var s = Math.floor(left / 1000)
      out.textContent = Math.floor(s / 86400) + 'd ' + pad(Math.floor((s % 86400) / 3600)) + 'h ' + pad(Math.floor((s % 3600) / 60)) + 'm ' + pad(s % 60) + 's'
    }
  }
  if (nodes.length) { tick(); setInterval(tick, 1000) }
})()
