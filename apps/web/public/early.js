// The first screen's data, asked for now, while the app's script downloads
// (src/shared/api/early.ts: the api client takes each answer once, same URL and token).
// A file, not an inline script: the Content-Security-Policy allows scripts from 'self' only.
(function () {
  try {
    var h = location.hash.replace(/^#/, '').split('?')[0] || '/';
    var m = /^\/(cuoc-thi|bai-thi)\/([^/]+)$/.exec(h);
    var path = h === '/' ? '/contests?limit=50&offset=0' : m ? (m[1] === 'cuoc-thi' ? '/contests/' : '/attempts/') + encodeURIComponent(decodeURIComponent(m[2])) : null;
    var s = JSON.parse(localStorage.getItem('lc.session') || 'null');
    var token = s && typeof s.accessToken === 'string' && s.user ? s.accessToken : null;
    if (!path || (m && m[1] === 'bai-thi' && !token) || !window.fetch) return;
    // The api's `/` already holds the contest list (src/shared/api/first-data.ts takes it).
    if (h === '/' && document.documentElement.hasAttribute('data-first-screen')) return;
    var headers = { Accept: 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    var url = '/api/v1' + path;
    var response = fetch(url, { headers: headers, credentials: 'same-origin' });
    response.catch(function () {});
    window.__lcEarly = [{ url: url, token: token, sentAt: Date.now(), response: response }];
  } catch (e) {}
})();
