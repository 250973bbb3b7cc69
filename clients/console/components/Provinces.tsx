import { ConsoleProvincesDocument } from '../generated/graphql.js';
import { run } from '../lib/api.js';
import { percent } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { BarChart } from './BarChart.js';
import { Loaded } from './Loading.js';

/** The provinces side by side over the same window: cases and the online share, from each province's own figures. */
export function Provinces({ from, to }: { from: string; to: string }) {
  const result = useAsync(() => run(ConsoleProvincesDocument, { from, to }), [from, to]);
  return (
    <section class="panel wide" aria-labelledby="provinces">
      <h2 id="provinces">各省对比</h2>
      <Loaded result={result}>
        {({ regions }) => {
          const provinces = regions.nodes.filter((p) => (p.caseFigures?.total ?? 0) > 0);
          return (
            <div class="pair">
              <BarChart id="provinces-cases" title="各省办件量" bars={provinces.map((p) => ({ label: p.name, value: p.caseFigures?.total ?? 0 }))} />
              <BarChart
                id="provinces-online"
                title="各省网上申请占比"
                max={1}
                bars={provinces.map((p) => ({ label: p.name, value: p.caseFigures?.onlineShare ?? 0, text: percent(p.caseFigures?.onlineShare) }))}
              />
            </div>
          );
        }}
      </Loaded>
    </section>
  );
}
