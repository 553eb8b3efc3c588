// Acervo's service worker (site.yaml offline: true): keeps the pages a reader visited, the
// site's styles and scripts and the search index, so they can be read again without a
// connection. The network always comes first; the copy is only used when the network fails.
var CACHE = 'acervo-__VERSION__';
var PRECACHE = __PRECACHE__;
var SCOPE = self.registration.scope;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(PRECACHE.map(function (url) {
      return cache.add(new URL(url, SCOPE)).catch(function () {});
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('acervo-') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function worthKeeping(url) {
  return url.indexOf(SCOPE) === 0 && url.indexOf(SCOPE + 'downloads/') !== 0 && !/\.(zip|pdf|mp4|webm|mp3)$/i.test(url);
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET' || !worthKeeping(request.url)) return;
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && response.type === 'basic') {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request, {ignoreSearch: request.mode === 'navigate'}).then(function (kept) {
      return kept || Response.error();
    });
  }));
});
