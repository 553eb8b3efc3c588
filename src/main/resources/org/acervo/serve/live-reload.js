// Added to pages by `acervo serve` only: reload when this page changed.
// "edited": the edited pages, shown before the rest of the site is rebuilt; "reload": after a
// rebuild, the pages whose bytes changed (no list: every page, e.g. for a style sheet or problems).
(function () {
  var here = document.currentScript && document.currentScript.src;
  if (!here || !window.EventSource) return;
  var path = decodeURIComponent(location.pathname).replace(/^\//, '');
  if (path === '' || path.charAt(path.length - 1) === '/') path += 'index.html';
  function mine(event) {
    try {
      var pages = JSON.parse(event.data).pages;
      return !pages || pages.indexOf(path) >= 0;
    } catch (e) {
      return true;
    }
  }
  var events = new EventSource(new URL('events', here).href);
  events.addEventListener('edited', function (e) { if (mine(e)) location.reload(); });
  events.addEventListener('reload', function (e) { if (mine(e)) location.reload(); });
})();
