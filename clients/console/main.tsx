import { render } from 'preact';
import { useState } from 'preact/hooks';
import { Link } from './components/Link.js';
import { Loaded } from './components/Loading.js';
import { ConsoleMeDocument } from './generated/graphql.js';
import { run } from './lib/api.js';
import { ROLE } from './lib/format.js';
import { navigate, useLocation } from './lib/router.js';
import { session } from './lib/session.js';
import { useAsync } from './lib/use-async.js';
import { pageAt, PAGES } from './pages/routes.js';
import { SignIn } from './pages/SignIn.js';

/** The console: who the token says the caller is (me) decides which pages it shows; the API decides the data. */
function App() {
  const [token, setToken] = useState(session.token());
  const url = useLocation();
  const me = useAsync(async () => (token ? (await run(ConsoleMeDocument, {})).me : null), [token]);
  const signOut = () => {
    session.signOut();
    setToken(null);
    navigate('/console');
  };
  return (
    <>
      <a href="#main" class="skip">
        跳到主要内容
      </a>
      <header>
        <p class="brand">政务数据控制台</p>
        {token && me.state === 'done' && me.data && (
          <>
            <nav aria-label="页面">
              <ul>
                {PAGES.filter((p) => p.nav && p.roles.includes(me.data!.role)).map((p) => (
                  <li key={p.path}>
                    <Link href={p.path} current={url.pathname.startsWith(p.path)}>
                      {p.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <p class="who">
              <span data-role={me.data.role}>{ROLE[me.data.role] ?? me.data.role}</span> {me.data.agency?.name ?? me.data.subject}{' '}
              <button type="button" onClick={signOut}>
                退出
              </button>
            </p>
          </>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {!token ? (
          <SignIn onSignedIn={() => setToken(session.token())} />
        ) : (
          <Loaded result={me}>
            {(caller) => (caller ? <Routed role={caller.role} url={url} /> : <SignIn onSignedIn={() => setToken(session.token())} />)}
          </Loaded>
        )}
        {token && me.state === 'failed' && (
          <button type="button" onClick={signOut}>
            重新登录
          </button>
        )}
      </main>
    </>
  );
}

/** The page at the URL when the caller's role may see it; the role's first page at /console. */
function Routed({ role, url }: { role: string; url: URL }) {
  const found = pageAt(url.pathname);
  const home = PAGES.find((p) => p.nav && p.roles.includes(role));
  if (!found) {
    if (home && /^\/console\/?$/.test(url.pathname)) {
      queueMicrotask(() => navigate(home.path));
      return null;
    }
    return <p role="alert">没有这个页面。</p>;
  }
  if (!found.page.roles.includes(role))
    return (
      <p role="alert" data-denied="">
        无权访问此页面：{found.page.title}仅供{found.page.roles.map((r) => ROLE[r] ?? r).join('、')}使用。
      </p>
    );
  document.title = `${found.page.title} · 政务数据控制台`;
  return <>{found.page.render(url, found.match)}</>;
}

const root = document.getElementById('app')!;
// Preact renders beside what is there: the page's "loading" line goes first
root.replaceChildren();
render(<App />, root);
