import { ConsoleSupplyFirstDocument } from '../generated/graphql.js';
import { run } from '../lib/api.js';
import { useAsync } from '../lib/use-async.js';
import { BarChart } from './BarChart.js';
import { Loaded } from './Loading.js';

/**
 * PLACEHOLDER: the "supply first" ranking of service items (issue #17 item 3) is being added to the API. The
 * integrator replaces the selection of operations/SupplyFirst.graphql with it and lists its items here, each score
 * with its parts. Until then: the 12345 categories with the most unmet demand (Region.unmetDemand), with theirs.
 */
export function SupplyFirst({ code, from, to }: { code: string; from: string; to: string }) {
  const result = useAsync(() => run(ConsoleSupplyFirstDocument, { code, from, to }), [code, from, to]);
  return (
    <section aria-labelledby="supply-first" class="panel placeholder" data-placeholder="supply-first">
      <h2 id="supply-first">优先供给</h2>
      <p class="muted">服务事项的“优先供给”排名正在接入；目前按12345未满足诉求的类别排名（得分 = 投诉 + 求助 + 2×未办结 + 2×逾期 + 3×不满意）。</p>
      <Loaded result={result}>
        {({ region }) => {
          const ranking = region?.unmetDemand ?? [];
          return (
            <>
              <BarChart id="supply-first" title="未满足诉求得分" bars={ranking.map((u) => ({ label: u.name, value: u.score }))} />
              <table>
                <caption>得分构成</caption>
                <thead>
                  <tr>
                    {['名次', '类别', '得分', '诉求', '投诉', '求助', '未办结', '逾期', '不满意'].map((h) => (
                      <th scope="col" key={h}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {ranking.map((u) => (
                    <tr key={u.category}>
                      <td>{u.rank}</td>
                      <th scope="row">{u.name}</th>
                      {[u.score, u.received, u.complaints, u.helpRequests, u.unresolved, u.overdue, u.dissatisfied].map((n, i) => (
                        <td key={i}>{n}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
