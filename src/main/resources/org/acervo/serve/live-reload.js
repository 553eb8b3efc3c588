// Added to pages by `acervo serve` only: reload when the site was rebuilt.
(function () {
  var here = document.currentScript && document.currentScript.src;
  if (!here || !window.EventSource) return;
  var events = new EventSource(new URL('events', here).href);
  events.addEventListener('reload', function () { location.reload(); });
})();
