import { useState } from 'preact/hooks';
import { Loaded } from '../components/Loading.js';
import { ConsoleAccessLogDocument, type ConsoleAccessLogQueryVariables } from '../generated/graphql.js';
import { run } from '../lib/api.js';
import { ROLE } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { TableHead } from '../components/TableHead.js';

const FILTERS = [
  ['subjectId', '数据主体'],
  ['callerSubject', '访问者'],
  ['department', '部门'],
  ['from', '起（日期或时间）'],
  ['to', '止（日期或时间）'],
] as const;

/** The access log with filters (auditors); `withheld` lists only the reads withheld from their subjects. */
export function AccessLog({ withheld }: { withheld: boolean }) {
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [applied, setApplied] = useState<ConsoleAccessLogQueryVariables>({});
  const variables: ConsoleAccessLogQueryVariables = { ...applied, withheld: withheld || undefined, first: 50 };
  const log = useAsync(() => run(ConsoleAccessLogDocument, variables), [JSON.stringify(variables)]);
  return (
    <>
      <h1>{withheld ? '暂缓告知的访问' : '访问日志'}</h1>
      {withheld && <p class="muted">因调查等原因暂不向数据主体显示的访问（含已到期公开的）。</p>}
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setApplied(
            Object.fromEntries(
              Object.entries(draft)
                .filter(([, v]) => v.trim())
                .map(([k, v]) => [k, v.trim()]),
            ),
          );
        }}
      >
        {FILTERS.map(([name, label]) => (
          <label key={name}>
            {label} <input name={name} value={draft[name] ?? ''} onInput={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })} />
          </label>
        ))}
        <button type="submit">筛选</button>
      </form>
      <Loaded result={log}>
        {({ accessLog }) => (
          <table data-table="access-log">
            <caption>{accessLog.nodes.length} 条记录（按链上顺序）</caption>
            <TableHead columns={['序号', '时间', '部门', '访问者', '目的', '数据主体', '类别', '暂缓至']} />
            <tbody>
              {accessLog.nodes.map((e) => (
                <tr key={e.seq} data-seq={e.seq}>
                  <td>{e.seq}</td>
                  <td>{e.at.replace('T', ' ').slice(0, 19)}</td>
                  <td>{e.instance ?? e.department}</td>
                  <td>
                    {ROLE[e.caller.role] ?? e.caller.role} {e.caller.subject ?? ''} {e.caller.department ?? ''}
                  </td>
                  <td>{e.purpose ?? '—'}</td>
                  <td>{e.subjectId}</td>
                  <td>{e.categories.join('、')}</td>
                  <td>{e.withheld ? (e.withheldUntil ?? '是') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}
