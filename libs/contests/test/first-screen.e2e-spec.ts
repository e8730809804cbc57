import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_CSP } from '@lc/platform';
import { Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin } from '../../../test/factories';
import { liveQuiz, newContest, orgWithBank, OrgSetup } from './factories';

/** A web build shaped as Vite writes apps/web/dist/index.html (the parts the shell replaces). */
function webBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lc-first-screen-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'index-abc.css'), '.card{padding:1rem}');
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(dir, 'early.js'), '(function(){window.__lcEarly=[]})();\n');
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html>\n<html lang="vi">\n  <head>\n    <meta charset="UTF-8" />\n    <title>Thi tìm hiểu pháp luật</title>\n    <script src="/early.js"></script>\n' +
      '    <script type="module" crossorigin src="/assets/index-abc.js"></script>\n    <link rel="stylesheet" crossorigin href="/assets/index-abc.css">\n  </head>\n' +
      '  <body>\n    <div id="root">\n      <p class="boot">Đang tải…</p>\n    </div>\n  </body>\n</html>\n',
  );
  return dir;
}

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const HOSTILE = '<img src=x onerror=alert(1)></script><script>alert(2)</script> & "Luật" \u2028 hết';

describe('the first screen: `/` holds the contest list (issue 16)', () => {
  let api: TestApi;
  let http: Http;
  let setup: OrgSetup;
  let dist: string;

  beforeAll(async () => {
    dist = webBuild();
    api = await startApi({ WEB_DIST_DIR: dist });
    http = new Http(api.url);
    setup = await orgWithBank(http, await loginAdmin(http), 6);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('renders published contests as escaped markup and embeds the same answer the api gives, under a policy that allows exactly its inline parts', async () => {
    const { contest } = await liveQuiz(http, setup, {}, { title: `Cuộc thi ${HOSTILE}`, description: `Mô tả ${HOSTILE}` });
    const draft = await newContest(http, setup.organiser, { title: 'Bản nháp chưa công bố' });

    const res = await fetch(`${api.url}/`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-encoding')).toBe('br');
    const html = await res.text();

    // The markup: the title once as text, never as elements.
    expect(html).toContain(
      `<a href="#/cuoc-thi/${contest.slug}">Cuộc thi &#60;img src=x onerror=alert(1)&#62;&#60;/script&#62;&#60;script&#62;alert(2)&#60;/script&#62; &#38; &#34;Luật&#34; \u2028 hết</a>`,
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain(draft.title);
    expect(html.match(/<script/g)).toHaveLength(4); // route flag, early.js, the data, the app's module
    expect(html).toContain('<h1 tabindex="-1">Các cuộc thi</h1>');
    expect(html).toContain('<html lang="vi" data-first-screen>');
    expect(html).not.toContain('href="/assets/index-abc.css"');

    // The data: what GET /api/v1/contests?limit=50&offset=0 answers, inert inside its element.
    const json = /<script type="application\/json" id="lc-first-data">([^<]*)<\/script>/.exec(html)![1];
    const data = JSON.parse(json);
    expect(data.url).toBe('/api/v1/contests?limit=50&offset=0');
    expect(data.body).toEqual((await http.get('/contests?limit=50&offset=0')).body);
    expect(data.body.items.map((c: { title: string }) => c.title)).toContain(`Cuộc thi ${HOSTILE}`);

    // The policy: the app's, plus the hashes of the inline script and style elements in this page.
    const csp = res.headers.get('content-security-policy')!;
    const inlineScripts = [...html.matchAll(/<script>([^<]*)<\/script>/g)].map((m) => m[1]);
    expect(inlineScripts).toHaveLength(2);
    const style = /<style>([^<]*)<\/style>/.exec(html)![1];
    expect(style).toContain('.card{padding:1rem}');
    expect(csp).toBe(
      APP_CSP.replace("script-src 'self'", `script-src 'self' ${inlineScripts.map(sha256).join(' ')}`).replace(
        "style-src 'self'",
        `style-src 'self' ${sha256(style)}`,
      ),
    );
  });

  it('draws the list again at once when a contest is published or edited (the shared copy is dropped)', async () => {
    const page = async () => (await fetch(`${api.url}/`)).text();
    await page(); // the copy every visitor gets for the next few seconds
    const { contest } = await liveQuiz(http, setup, {}, { title: 'Cuộc thi vừa công bố' });
    expect(await page()).toContain('Cuộc thi vừa công bố');
    await http.patch(`/contests/${contest.id}`, { title: 'Cuộc thi đã đổi tên' }, setup.organiser.token);
    const html = await page();
    expect(html).toContain('Cuộc thi đã đổi tên');
    expect(html).not.toContain('Cuộc thi vừa công bố');
  });

  it('leaves /index.html the plain file (the service worker precaches it: no list frozen in it)', async () => {
    const res = await fetch(`${api.url}/index.html`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<script src="/early.js"></script>');
    expect(html).not.toContain('lc-first-data');
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
  });
});
