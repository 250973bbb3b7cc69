import { BarChart } from '../components/BarChart.js';
import { DigitalDivide } from '../components/DigitalDivide.js';
import { DivisionPicker } from '../components/DivisionPicker.js';
import { LineChart } from '../components/LineChart.js';
import { Loaded } from '../components/Loading.js';
import { Provinces } from '../components/Provinces.js';
import { SupplyFirst } from '../components/SupplyFirst.js';
import { ConsoleCaseTrendDocument, ConsoleDemandTrendDocument, ConsoleRegionDashboardDocument } from '../generated/graphql.js';
import { run } from '../lib/api.js';
import { lastMonths, yearWindow } from '../lib/dates.js';
import { number, percent } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';

const LEVELS: Record<string, string> = {
  VERY_SATISFIED: '非常满意',
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  DISSATISFIED: '不满意',
  VERY_DISSATISFIED: '非常不满意',
};

/** A supervisor's region dashboard over the last twelve months: aggregates only, of any division. */
export function Dashboard({ code }: { code: string }) {
  const { from, to } = yearWindow();
  const figures = useAsync(() => run(ConsoleRegionDashboardDocument, { code, from, to }), [code]);
  return (
    <>
      <h1>区域仪表盘</h1>
      <DivisionPicker code={code} page="/console/dashboard" />
      <p class="muted">
        统计期：{from} 至 {to}（近十二个月）。仅含汇总数据。
      </p>
      <Loaded result={figures}>
        {({ region }) => {
          if (!region) return <p role="alert">没有这个区划。</p>;
          const cases = region.caseFigures;
          const satisfaction = region.satisfaction;
          return (
            <>
              <h2 class="region-name" data-region={region.code}>
                {region.fullName || '全国'}
              </h2>
              <dl class="kpis">
                <Kpi name="办件量" figure="total" value={number(cases?.total)} />
                <Kpi name="按时办结率" figure="onTimeRate" value={percent(cases?.onTimeRate)} />
                <Kpi name="平均办理工作日" figure="averageWorkingDays" value={number(cases?.averageWorkingDays, 1)} />
                <Kpi name="件均跑动次数" figure="visitsPerCase" value={number(cases?.visitsPerCase, 2)} />
                <Kpi name="好评率" figure="satisfactionRate" value={percent(satisfaction?.satisfactionRate)} />
                <Kpi name="差评整改逾期" figure="overdueRectifications" value={number(satisfaction?.overdueRectifications)} />
                <Kpi name="12345诉求量" figure="received" value={number(region.demand?.received)} />
              </dl>
              <div class="grid">
                <CaseTrend code={code} />
                <DemandTrend code={code} from={from} to={to} />
                <section class="panel" aria-labelledby="supply">
                  <h2 id="supply">供给效率</h2>
                  <BarChart
                    id="supply-shares"
                    title="办件渠道与跑动占比"
                    max={1}
                    bars={[
                      { label: '网上申请占比', value: cases?.onlineShare ?? 0, text: percent(cases?.onlineShare) },
                      { label: '窗口申请占比', value: cases?.inHallShare ?? 0, text: percent(cases?.inHallShare) },
                      { label: '帮代办占比', value: cases?.agentAssistedShare ?? 0, text: percent(cases?.agentAssistedShare) },
                      { label: '全程网办占比', value: cases?.fullyOnlineShare ?? 0, text: percent(cases?.fullyOnlineShare) },
                      { label: '超承诺跑动占比', value: cases?.overPromisedVisitsShare ?? 0, text: percent(cases?.overPromisedVisitsShare) },
                    ]}
                  />
                  <BarChart
                    id="data-runs"
                    title="数据跑腿"
                    bars={[
                      { label: '免交材料', value: cases?.materialsReplaced ?? 0 },
                      { label: '用证办件', value: cases?.casesWithCertificates ?? 0 },
                      { label: '少跑次数', value: cases?.tripsSaved ?? 0 },
                      { label: '现场跑动', value: cases?.inPersonVisits ?? 0 },
                    ]}
                  />
                </section>
                <section class="panel" aria-labelledby="satisfaction">
                  <h2 id="satisfaction">好差评</h2>
                  <BarChart
                    id="satisfaction-levels"
                    title="评价等级分布"
                    bars={(satisfaction?.byLevel ?? []).map((l) => ({ label: LEVELS[l.level] ?? l.level, value: l.count }))}
                  />
                  <p>
                    差评 {number(satisfaction?.badReviews)} 件，已整改 {number(satisfaction?.rectified)} 件，整改逾期{' '}
                    {number(satisfaction?.overdueRectifications)} 件。
                  </p>
                </section>
                <section class="panel" aria-labelledby="demand">
                  <h2 id="demand">12345诉求</h2>
                  <BarChart id="demand-categories" title="诉求类别" bars={(region.demand?.byCategory ?? []).map((c) => ({ label: c.name, value: c.count }))} />
                </section>
                <section class="panel" aria-labelledby="overdue">
                  <h2 id="overdue">逾期最多的事项</h2>
                  <BarChart
                    id="overdue-items"
                    title="逾期件数"
                    bars={(region.mostOverdueItems ?? []).map((i) => ({
                      label: i.item.name,
                      value: i.overdueCases,
                      text: `${i.overdueCases} / ${i.totalCases}`,
                    }))}
                  />
                </section>
                <SupplyFirst code={code} from={from} to={to} />
                <DigitalDivide code={code} from={from} to={to} />
                <Provinces from={from} to={to} />
              </div>
            </>
          );
        }}
      </Loaded>
    </>
  );
}

function Kpi({ name, figure, value }: { name: string; figure: string; value: string }) {
  return (
    <div>
      <dt>{name}</dt>
      <dd data-figure={figure}>{value}</dd>
    </div>
  );
}

/** Cases submitted per month: one request per month of the same registered document, all at once. */
function CaseTrend({ code }: { code: string }) {
  const months = lastMonths(12);
  const trend = useAsync(() => Promise.all(months.map((m) => run(ConsoleCaseTrendDocument, { code, from: m.from, to: m.to }))), [code]);
  return (
    <section class="panel" aria-labelledby="case-trend">
      <h2 id="case-trend">办件趋势</h2>
      <Loaded result={trend}>
        {(answers) => (
          <LineChart
            id="case-trend"
            title="每月办件量"
            points={answers.map((a, i) => ({ label: months[i]!.label, value: a.region?.caseFigures?.total ?? 0 }))}
            unit="件"
          />
        )}
      </Loaded>
    </section>
  );
}

function DemandTrend({ code, from, to }: { code: string; from: string; to: string }) {
  const trend = useAsync(() => run(ConsoleDemandTrendDocument, { code, from, to }), [code]);
  return (
    <section class="panel" aria-labelledby="demand-trend">
      <h2 id="demand-trend">诉求趋势</h2>
      <Loaded result={trend}>
        {({ region }) => (
          <LineChart
            id="demand-trend"
            title="每月12345诉求量"
            points={(region?.demandTrend ?? []).map((p) => ({ label: `${Number(p.start.slice(0, 4))}年${Number(p.start.slice(5, 7))}月`, value: p.received }))}
            unit="件"
          />
        )}
      </Loaded>
    </section>
  );
}
