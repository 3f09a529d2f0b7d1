// Counts one reading of the article named by this script's data-slug, once per browser session
// (components/news/ReadingCounter.tsx). No framework, no inline code.
(function () {
  var script = document.currentScript;
  var slug = script && script.getAttribute('data-slug');
  if (!slug) return;
  var key = 'viewed:' + slug;
  try {
    if (sessionStorage.getItem(key)) return;
    sessionStorage.setItem(key, '1');
  } catch {
    // Storage may be disabled; count anyway.
  }
  if (window.fetch) fetch('/api/articles/' + encodeURIComponent(slug) + '/views', { method: 'POST', keepalive: true }).catch(function () {});
})();
