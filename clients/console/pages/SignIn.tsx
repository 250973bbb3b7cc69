import { useState } from 'preact/hooks';
import { Loaded } from '../components/Loading.js';
import { session } from '../lib/session.js';
import { useAsync } from '../lib/use-async.js';

interface Settings {
  production: boolean;
  signIn: { role: string; label: string; subject: string | null; problem: string | null }[];
}

const loadSettings = async (): Promise<Settings> => (await fetch('/console/settings.json')).json() as Promise<Settings>;

/**
 * Sign-in. Development: one button per role mints a token for the demo's subject of that role (POST
 * /console/sign-in, which production does not have). Everywhere: paste a token from the identity service.
 */
export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const settings = useAsync(loadSettings, []);
  const [error, setError] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const signInAs = async (role: string) => {
    setError(null);
    const response = await fetch('/console/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role }) });
    const body = (await response.json()) as { token?: string; error?: string };
    if (!body.token) return setError(body.error ?? `HTTP ${response.status}`);
    session.signIn(body.token);
    onSignedIn();
  };
  return (
    <>
      <h1>登录</h1>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <Loaded result={settings}>
        {({ production, signIn }) =>
          !production && (
            <section aria-labelledby="dev-sign-in" class="panel">
              <h2 id="dev-sign-in">开发环境：选择角色登录</h2>
              <p class="muted">为示例数据中的该角色签发开发令牌（与 npm run -s demo 和 npm run -s token 相同）；生产环境没有此功能。</p>
              <ul class="roles">
                {signIn.map((r) => (
                  <li key={r.role}>
                    <button type="button" data-role={r.role} disabled={r.problem !== null} onClick={() => void signInAs(r.role)}>
                      以{r.label}身份登录
                    </button>{' '}
                    <span class="muted">{r.subject ?? r.problem}</span>
                  </li>
                ))}
              </ul>
            </section>
          )
        }
      </Loaded>
      <section aria-labelledby="paste" class="panel">
        <h2 id="paste">使用统一身份认证令牌</h2>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!pasted.trim()) return setError('请粘贴令牌');
            session.signIn(pasted.trim());
            onSignedIn();
          }}
        >
          <label>
            令牌（JWT）
            <textarea rows={3} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} />
          </label>
          <button type="submit">登录</button>
        </form>
      </section>
    </>
  );
}
