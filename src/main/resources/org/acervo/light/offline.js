// Registers Acervo's service worker (site.yaml offline: true). Reading never depends on it:
// without service workers, or from disk (file://), nothing happens.
(function () {
  var script = document.currentScript;
  if (!script || !('serviceWorker' in navigator) || location.protocol === 'file:') return;
  navigator.serviceWorker.register(script.getAttribute('data-sw')).catch(function () {});
})();
