import { Link } from '../components/Link.js';
import { Loaded } from '../components/Loading.js';
import { ConsoleMyCasesDocument } from '../generated/graphql.js';
import { run } from '../lib/api.js';
import { STATUS } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { TableHead } from '../components/TableHead.js';

/** The caller's own cases (the cases department lists only theirs), each linked to its progress. */
export function MyCases() {
  const cases = useAsync(() => run(ConsoleMyCasesDocument, { first: 50 }), []);
  return (
    <>
      <h1>我的办件</h1>
      <Loaded result={cases}>
        {({ cases: page }) => (
          <table data-table="my-cases">
            <caption>共 {page.totalCount} 件</caption>
            <TableHead columns={['办件编号', '事项', '办理部门', '提交日期', '状态', '办结期限']} />
            <tbody>
              {page.nodes.map((c) => (
                <tr key={c.id} data-case={c.id}>
                  <th scope="row">
                    <Link href={`/console/my/cases/${c.id}`}>{c.id}</Link>
                  </th>
                  <td>{c.item.name}</td>
                  <td>{c.department?.name ?? '—'}</td>
                  <td>{c.submittedOn}</td>
                  <td>{STATUS[c.status] ?? c.status}</td>
                  <td>
                    {c.dueDate ?? '—'}
                    {c.overdue ? '（已逾期）' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}
