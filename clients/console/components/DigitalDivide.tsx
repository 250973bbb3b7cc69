import { ConsoleDigitalDivideDocument } from '../generated/graphql.js';
import { run } from '../lib/api.js';
import { CHANNEL, percent } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { BarChart } from './BarChart.js';
import { Loaded } from './Loading.js';

/**
 * PLACEHOLDER: the digital divide by age band, urban districts vs counties and the four economic regions
 * (issue #17 item 2) is being added to the API as Region.digitalDivide. The integrator replaces the selection of
 * operations/DigitalDivide.graphql with it and draws it here (BarChart per breakdown, with the gaps). Until then
 * this shows what the API has that speaks to the divide: how people reach 12345, and the agent-assisted share.
 */
export function DigitalDivide({ code, from, to }: { code: string; from: string; to: string }) {
  const result = useAsync(() => run(ConsoleDigitalDivideDocument, { code, from, to }), [code, from, to]);
  return (
    <section aria-labelledby="divide" class="panel placeholder" data-placeholder="digital-divide">
      <h2 id="divide">数字鸿沟</h2>
      <p class="muted">按年龄段、城乡（市辖区／县）与四大区域的分解正在接入；目前显示热线渠道与帮代办占比。</p>
      <Loaded result={result}>
        {({ region }) =>
          region && (
            <>
              <p>
                帮代办占比：<strong data-figure="agentAssistedShare">{percent(region.caseFigures?.agentAssistedShare)}</strong>
              </p>
              <BarChart
                id="divide-channels"
                title="12345诉求渠道占比"
                max={1}
                bars={(region.demand?.byChannel ?? []).map((c) => ({ label: CHANNEL[c.channel] ?? c.channel, value: c.share, text: percent(c.share) }))}
              />
            </>
          )
        }
      </Loaded>
    </section>
  );
}
