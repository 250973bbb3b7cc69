import { Loaded } from '../components/Loading.js';
import { ConsoleMyDataAccessesDocument } from '../generated/graphql.js';
import { run } from '../lib/api.js';
import { ROLE } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { TableHead } from '../components/TableHead.js';

/** "Who read my data" (the data tracker): each read of the caller's own data, newest first. */
export function MyData() {
  const reads = useAsync(() => run(ConsoleMyDataAccessesDocument, { first: 50 }), []);
  return (
    <>
      <h1>谁查看了我的数据</h1>
      <Loaded result={reads}>
        {({ myDataAccesses }) =>
          myDataAccesses.nodes.length === 0 ? (
            <p>还没有部门查看过您的数据。</p>
          ) : (
            <table data-table="my-data">
              <caption>最近 {myDataAccesses.nodes.length} 次查看</caption>
              <TableHead columns={['时间', '部门', '查看者', '目的', '数据类别']} />
              <tbody>
                {myDataAccesses.nodes.map((a, i) => (
                  <tr key={i}>
                    <td>{a.at.replace('T', ' ').slice(0, 19)}</td>
                    <td>{a.instance ?? a.department}</td>
                    <td>
                      {ROLE[a.callerRole] ?? a.callerRole}
                      {a.callerDepartment ? ` ${a.callerDepartment}` : ''}
                    </td>
                    <td>
                      {a.purposeText ?? a.purpose ?? '—'}
                      {a.withheld ? `（曾暂缓告知至 ${a.withheldUntil ?? ''}）` : ''}
                    </td>
                    <td>{a.categories.join('、')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </>
  );
}
