import { ConsoleSupplyFirstDocument } from '../generated/graphql.js';
import { run } from '../lib/api.js';
import { number, SUPPLY_FACTOR } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { BarChart } from './BarChart.js';
import { Loaded } from './Loading.js';
import { TableHead } from './TableHead.js';

const FACTORS = Object.keys(SUPPLY_FACTOR);

/**
 * What to supply first (issue #17 item 3, Region.supplyPlan): service items ranked by demand and supply
 * gaps, each score with the contribution of every part, so a supervisor sees why.
 */
export function SupplyFirst({ code, from, to }: { code: string; from: string; to: string }) {
  const result = useAsync(() => run(ConsoleSupplyFirstDocument, { code, from, to }), [code, from, to]);
  return (
    <section aria-labelledby="supply-first" class="panel" data-panel="supply-first">
      <h2 id="supply-first">优先供给</h2>
      <p class="muted">得分（0–100）= 需求（办件量、12345诉求）+ 供给缺口（网办深度、跑动、逾期、差评）各部分之和；办件不足10件的事项不评分。</p>
      <Loaded result={result}>
        {({ region }) => {
          const plan = region?.supplyPlan;
          const items = plan?.items ?? [];
          return (
            <>
              <BarChart id="supply-first" title="优先供给得分" bars={items.map((i) => ({ label: i.item.name, value: i.score, text: number(i.score, 1) }))} />
              <table data-table="supply-first">
                <caption>得分构成（各部分贡献）</caption>
                <TableHead columns={['名次', '服务事项', '得分', '办件', ...FACTORS.map((f) => SUPPLY_FACTOR[f]!)]} />
                <tbody>
                  {items.map((i) => (
                    <tr key={i.item.code}>
                      <td>{i.rank}</td>
                      <th scope="row">{i.item.name}</th>
                      <td>{number(i.score, 1)}</td>
                      <td>{i.cases}</td>
                      {FACTORS.map((f) => (
                        <td key={f}>{number(i.parts.find((p) => p.factor === f)?.contribution, 1)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
              <p class="muted">未评分事项（办件不足10件）：{plan?.unscoredItems ?? '—'}</p>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
