import { ConsoleDigitalDivideDocument, type ConsoleBreakdownFragment } from '../generated/graphql.js';
import { run } from '../lib/api.js';
import { DIVIDE_GROUP, DIVIDE_MEASURE, number, percent } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { BarChart } from './BarChart.js';
import { Loaded } from './Loading.js';

const BREAKDOWNS = [
  ['byAgeBand', '按年龄段'],
  ['byResidence', '城乡（按办理地）'],
  ['byEconomicRegion', '四大区域'],
] as const;

/** A suppressed group (fewer than 10 people, or its complement) is drawn as a labelled gap, never as 0. */
const SUPPRESSED = '不足10人，不予公布';

function Breakdown({ id, title, breakdown }: { id: string; title: string; breakdown: ConsoleBreakdownFragment }) {
  const withCases = breakdown.groups.filter((g) => g.suppressed || (g.cases ?? 0) > 0);
  const gap = (measure: string) => breakdown.gaps.find((g) => g.measure === measure);
  return (
    <div class="breakdown" data-breakdown={id}>
      <h3>{title}</h3>
      <BarChart
        id={`divide-${id}-online`}
        title={`${title}：网办占比`}
        max={1}
        bars={withCases.map((g) => ({
          label: DIVIDE_GROUP[g.group] ?? g.group,
          value: g.suppressed ? 0 : (g.onlineShare ?? 0),
          text: g.suppressed ? SUPPRESSED : percent(g.onlineShare),
        }))}
      />
      <BarChart
        id={`divide-${id}-agent`}
        title={`${title}：帮代办占比`}
        max={1}
        bars={withCases.map((g) => ({
          label: DIVIDE_GROUP[g.group] ?? g.group,
          value: g.suppressed ? 0 : (g.agentAssistedShare ?? 0),
          text: g.suppressed ? SUPPRESSED : percent(g.agentAssistedShare),
        }))}
      />
      <ul class="gaps">
        {['ONLINE_SHARE', 'AGENT_ASSISTED_SHARE', 'VISITS_PER_CASE'].map((measure) => {
          const g = gap(measure);
          return (
            <li key={measure} data-gap={measure}>
              {DIVIDE_MEASURE[measure]}差距：
              {g?.difference == null
                ? '—'
                : `${DIVIDE_GROUP[g.highest!] ?? g.highest} 比 ${DIVIDE_GROUP[g.lowest!] ?? g.lowest} 高 ${measure === 'VISITS_PER_CASE' ? number(g.difference, 2) : percent(g.difference)}`}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * The digital divide (issue #17 item 2): online and agent-assisted shares by age band, urban district vs
 * county and economic region, with the gaps between the groups the API publishes. Suppressed groups
 * (fewer than 10 people) come back without numbers and are shown as such.
 */
export function DigitalDivide({ code, from, to }: { code: string; from: string; to: string }) {
  const result = useAsync(() => run(ConsoleDigitalDivideDocument, { code, from, to }), [code, from, to]);
  return (
    <section aria-labelledby="divide" class="panel" data-panel="digital-divide">
      <h2 id="divide">数字鸿沟</h2>
      <p class="muted">按申请人年龄段、办理地（市辖区／县）与四大区域分解；不足10人的组及其互补组不予公布。</p>
      <Loaded result={result}>
        {({ region }) =>
          region?.digitalDivide && (
            <>
              {BREAKDOWNS.map(([key, title]) => (
                <Breakdown key={key} id={key} title={title} breakdown={region.digitalDivide![key]} />
              ))}
            </>
          )
        }
      </Loaded>
    </section>
  );
}
