import { useEffect, useState } from 'preact/hooks';
import { Link } from '../components/Link.js';
import { Loaded } from '../components/Loading.js';
import { ConsoleCaseDocument, type ConsoleCaseQuery } from '../generated/graphql.js';
import { run } from '../lib/api.js';
import { CHANNEL, STATUS } from '../lib/format.js';
import { followCase } from '../lib/live.js';
import { useAsync } from '../lib/use-async.js';

type Event = NonNullable<ConsoleCaseQuery['case']>['events'][number];

/** One of the caller's cases and its progress: read once, then followed live (caseProgress). */
export function CaseView({ id }: { id: string }) {
  const read = useAsync(() => run(ConsoleCaseDocument, { id }), [id]);
  const [live, setLive] = useState<{ status: string; events: readonly Event[] } | null>(null);
  const [state, setState] = useState<'connecting' | 'open' | string>('connecting');
  useEffect(() => {
    setLive(null);
    return followCase(
      id,
      () => setState('open'),
      (update) => {
        setLive({ status: update.status, events: update.events });
      },
      (reason) => setState(reason ?? 'ended'),
    );
  }, [id]);
  return (
    <>
      <p>
        <Link href="/console/my/cases">← 我的办件</Link>
      </p>
      <Loaded result={read}>
        {({ case: found }) => {
          if (!found) return <p role="alert">没有这个办件。</p>;
          const status = live?.status ?? found.status;
          const events = live?.events ?? found.events;
          return (
            <>
              <h1>
                {found.item.name} <span class="muted">{found.id}</span>
              </h1>
              <dl class="kpis">
                <div>
                  <dt>状态</dt>
                  <dd data-figure="status" aria-live="polite">
                    {STATUS[status] ?? status}
                  </dd>
                </div>
                <div>
                  <dt>申请渠道</dt>
                  <dd>{CHANNEL[found.channel] ?? found.channel}</dd>
                </div>
                <div>
                  <dt>办结期限</dt>
                  <dd>{found.dueDate ?? '—'}</dd>
                </div>
                <div>
                  <dt>现场跑动</dt>
                  <dd>{found.inPersonVisits} 次</dd>
                </div>
              </dl>
              <h2>办理进度</h2>
              <p class="muted" data-live={state === 'open' || state === 'connecting' ? state : 'ended'}>
                {state === 'open' ? '实时更新中' : state === 'connecting' ? '正在连接实时进度…' : `实时更新已停止：${state}`}
              </p>
              <ol class="timeline" data-events={events.length}>
                {events.map((e, i) => (
                  <li key={i}>
                    <time>{e.time.replace('T', ' ').slice(0, 16)}</time> {STATUS[e.status] ?? e.status}（{CHANNEL[e.channel] ?? e.channel}）
                    {e.note ? `：${e.note}` : ''}
                  </li>
                ))}
              </ol>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
