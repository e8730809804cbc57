// The first screen's data, asked for now, while the app's script downloads
// (src/shared/api/early.ts: the api client takes each answer once, same URL and token).
// A file, not an inline script: the Content-Security-Policy allows scripts from 'self' only.
(function () {
  try {
    var personal = takePersonal();
    var h = location.hash.replace(/^#/, '').split('?')[0] || '/';
    var m = /^\/(cuoc-thi|bai-thi)\/([^/]+)$/.exec(h);
    var path =
      h === '/' ? '/contests?limit=50&offset=0' : m ? (m[1] === 'cuoc-thi' ? '/contests/' : '/attempts/') + encodeURIComponent(decodeURIComponent(m[2])) : null;
    var s = JSON.parse(localStorage.getItem('lc.session') || 'null');
    var token = s && typeof s.accessToken === 'string' && s.user ? s.accessToken : null;
    if (!path || (m && m[1] === 'bai-thi' && !token) || !window.fetch) return;
    // The api's `/` already holds the contest list (src/shared/api/first-data.ts takes it).
    if (h === '/' && document.documentElement.hasAttribute('data-first-screen')) return;
    var headers = { Accept: 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    var url = '/api/v1' + path;
    // The api's `/` may hold this resident's attempt in progress (libs/attempts resume-first-screen.ts): no request at all.
    var own = ownAnswer(personal, url, s);
    var response = own
      ? Promise.resolve(new Response(JSON.stringify(own), { status: 200, headers: { 'content-type': 'application/json' } }))
      : fetch(url, { headers: headers, credentials: 'same-origin' });
    response.catch(function () {});
    // An answer from the page was made while the page was asked for: the clock's round trip starts there.
    var sentAt = own && performance.timeOrigin ? Math.round(performance.timeOrigin) : Date.now();
    window.__lcEarly = [{ url: url, token: token, sentAt: sentAt, response: response }];
    if (m && m[1] === 'bai-thi' && document.documentElement.hasAttribute('data-first-screen')) paintQuestion(response);
  } catch (e) {}

  // The signed-in resident's own answers in the page: read once, and out of the document at once.
  function takePersonal() {
    var el = document.getElementById('lc-first-personal');
    if (!el) return null;
    el.parentNode.removeChild(el);
    return JSON.parse(el.textContent || 'null');
  }
  // Only for the user this browser has signed in (the cookie and the stored session came together).
  function ownAnswer(p, url, session) {
    if (!p || !p.answers || !session || !session.user || session.user.id !== p.userId) return null;
    for (var i = 0; i < p.answers.length; i++) if (p.answers[i].url === url) return p.answers[i].body;
    return null;
  }

  // In the api's first screen (`/`, this script inline) a resumed attempt's first question is
  // shown, read-only, as soon as its answer arrives: the app's script comes about 2 s later on a
  // slow link and replaces it (QuestionView's markup, so nothing moves). Text only: no markup
  // from the answer is ever parsed.
  function paintQuestion(response) {
    response
      .then(function (r) {
        return r.ok ? r.clone().json() : null;
      })
      .then(function (a) {
        if (document.readyState === 'loading')
          document.addEventListener('DOMContentLoaded', function () {
            paint(a);
          });
        else paint(a);
      })
      .catch(function () {});
    function paint(a) {
      var q = a && a.status === 'in_progress' && a.questions && a.questions[0];
      var slot = document.querySelector('#root .first-elsewhere');
      if (!q || !slot || (q.type !== 'single' && q.type !== 'multiple' && q.type !== 'true_false')) return;
      var el = function (tag, cls, text) {
        var e = document.createElement(tag);
        if (cls) e.className = cls;
        if (text != null) e.textContent = text;
        return e;
      };
      var fs = el('fieldset', 'question');
      var legend = el('legend');
      legend.appendChild(el('span', 'question-number', 'Câu 1/' + a.questions.length));
      legend.appendChild(el('span', 'question-stem', q.stem));
      fs.appendChild(legend);
      fs.appendChild(
        el('p', 'field-hint', q.type === 'multiple' ? 'Chọn tất cả đáp án đúng.' : q.type === 'true_false' ? 'Chọn Đúng hoặc Sai.' : 'Chọn một đáp án.'),
      );
      var opts = el('div', 'options');
      var list = q.options && q.options.length ? q.options : q.type === 'true_false' ? [{ text: 'Đúng' }, { text: 'Sai' }] : [];
      // The answers already saved show as chosen, as the app will show them.
      var saved = (a.answers && a.answers[q.id] && a.answers[q.id].optionIds) || [];
      for (var i = 0; i < list.length; i++) {
        var chosen = !!list[i].id && saved.indexOf(list[i].id) >= 0;
        var label = el('label', chosen ? 'option option-chosen' : 'option');
        var input = el('input');
        input.type = q.type === 'multiple' ? 'checkbox' : 'radio';
        input.disabled = true;
        input.checked = chosen;
        label.appendChild(input);
        label.appendChild(el('span', 'option-letter', String.fromCharCode(65 + i) + '.')).setAttribute('aria-hidden', 'true');
        label.appendChild(el('span', null, list[i].text));
        opts.appendChild(label);
      }
      fs.appendChild(opts);
      var wrap = el('div', 'attempt');
      wrap.appendChild(el('h1', 'visually-hidden', 'Làm bài thi'));
      // The bar's place kept (Countdown, SaveStatus): the time comes with the app's server clock.
      var bar = el('div', 'attempt-bar');
      var countdown = el('div', 'countdown');
      countdown.appendChild(el('span', 'countdown-label', 'Thời gian còn lại'));
      countdown.appendChild(el('span', 'countdown-time', '--:--'));
      bar.appendChild(countdown);
      bar.appendChild(el('p', 'save-status save-ok', '✓ Câu trả lời được lưu tự động'));
      wrap.appendChild(bar);
      wrap.appendChild(fs);
      slot.textContent = '';
      slot.appendChild(wrap);
    }
  }
})();
