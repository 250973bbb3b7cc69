import { ConsoleDivisionDocument } from '../generated/graphql.js';
import { run } from '../lib/api.js';
import { navigate } from '../lib/router.js';
import { useAsync } from '../lib/use-async.js';
import { Link } from './Link.js';
import { Loaded } from './Loading.js';

const LEVEL: Record<string, string> = { COUNTRY: '全国', PROVINCE: '省级', PREFECTURE: '地级', COUNTY: '县级' };

/** The division the dashboard shows, its way up (全国 › province › prefecture) and a choice of the divisions below it. */
export function DivisionPicker({ code, page }: { code: string; page: string }) {
  const division = useAsync(() => run(ConsoleDivisionDocument, { code }), [code]);
  const href = (to: string) => `${page}?code=${to}`;
  return (
    <Loaded result={division}>
      {({ region }) =>
        region && (
          <nav aria-label="行政区划" class="divisions">
            <ol class="crumbs">
              <li>{region.code === '000000' ? <strong>全国</strong> : <Link href={href('000000')}>全国</Link>}</li>
              {region.ancestors
                .filter((a) => a.code !== region.code)
                .map((a) => (
                  <li key={a.code}>
                    <Link href={href(a.code)}>{a.name}</Link>
                  </li>
                ))}
              {region.code !== '000000' && (
                <li>
                  <strong aria-current="location">{region.name}</strong> <span class="muted">（{LEVEL[region.level] ?? region.level}）</span>
                </li>
              )}
            </ol>
            {region.children.length > 0 && (
              <label>
                下级区划{' '}
                <select data-testid="division-select" value="" onChange={(event) => event.currentTarget.value && navigate(href(event.currentTarget.value))}>
                  <option value="">选择下级区划…</option>
                  {region.children.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </nav>
        )
      }
    </Loaded>
  );
}
