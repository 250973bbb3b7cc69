import type { EnterpriseType } from './entities.js';

/**
 * How a registered name ends says its legal form (企业名称登记管理规定: the
 * form must be part of the name). Longer endings first: 股份有限公司 also
 * ends in 有限公司.
 */
const ENDINGS: readonly [RegExp, EnterpriseType][] = [
  [/股份(有限)?公司$/, 'JOINT_STOCK_COMPANY'],
  [/有限(责任)?公司$/, 'LIMITED_LIABILITY_COMPANY'],
  [/个人独资企业$/, 'SOLE_PROPRIETORSHIP'],
  [/(合伙企业|[（(](普通|有限|特殊普通)合伙[)）])$/, 'PARTNERSHIP'],
  [/合作社(联合社)?$/, 'FARMERS_COOPERATIVE'],
  [/个体工商户$/, 'INDIVIDUAL_BUSINESS'],
];

/** The legal form a name shows; a name that shows none is taken for a limited company, the commonest form. */
export function enterpriseTypeOf(name: string): EnterpriseType {
  return ENDINGS.find(([ending]) => ending.test(name))?.[1] ?? 'LIMITED_LIABILITY_COMPANY';
}

/** The name without its legal form, e.g. 朝阳王伟科技 for 朝阳王伟科技有限公司. */
export function nameStem(name: string): string {
  const ending = ENDINGS.find(([e]) => e.test(name))?.[0];
  return ending ? name.replace(ending, '') : name;
}

// Registered capital a form typically declares, in 万元 (10,000 yuan).
const CAPITAL_WAN: Record<EnterpriseType, readonly number[]> = {
  LIMITED_LIABILITY_COMPANY: [3, 10, 30, 50, 100, 200, 300, 500, 1000, 2000, 5000],
  JOINT_STOCK_COMPANY: [500, 1000, 2000, 5000, 10000, 30000],
  SOLE_PROPRIETORSHIP: [1, 5, 10, 20, 50, 100],
  PARTNERSHIP: [10, 50, 100, 300, 500, 1000],
  FARMERS_COOPERATIVE: [5, 10, 50, 100, 200],
  // 个体工商户 declare no registered capital
  INDIVIDUAL_BUSINESS: [],
};

/** Registered capital in whole yuan for a draw in [0, 1); null for forms that have none. */
export function capitalFor(type: EnterpriseType, draw: number): number | null {
  const choices = CAPITAL_WAN[type];
  if (choices.length === 0) return null;
  return choices[Math.floor(draw * choices.length)]! * 10_000;
}

const LICENSED = '（依法须经批准的项目，经相关部门批准后方可开展经营活动）';

// Keyed by the trade word that ends a name's stem (the trades of samples/synthetic.ts).
const SCOPES: Record<string, string> = {
  科技: '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务；数据处理服务。',
  商贸: '日用百货销售；五金产品批发；五金产品零售；办公用品销售；针纺织品销售；化妆品零售；货物进出口。',
  餐饮: '餐饮服务；食品销售（仅销售预包装食品）；外卖递送服务。',
  建筑: '建设工程施工；住宅室内装饰装修；建筑材料销售；园林绿化工程施工；土石方工程施工。',
  物流: '道路货物运输（不含危险货物）；普通货物仓储服务（不含危险化学品等需许可审批的项目）；国内货物运输代理；装卸搬运。',
  农业: '谷物种植；蔬菜种植；水果种植；农产品的生产、销售、加工、运输、贮藏及其他相关服务；农业机械服务。',
  文化传媒: '组织文化艺术交流活动；广告设计、代理；广告制作；会议及展览服务；企业形象策划；摄影扩印服务。',
  医药: '药品零售；第二类医疗器械销售；保健食品（预包装）销售；消毒剂销售（不含危险化学品）。',
  电子: '电子元器件制造；电子产品销售；计算机软硬件及辅助设备零售；通讯设备销售；家用电器销售。',
  服装: '服装制造；服装服饰批发；服装服饰零售；鞋帽零售；针纺织品及原料销售。',
};
const GENERAL_SCOPE = '信息咨询服务（不含许可类信息咨询服务）；企业管理咨询；市场营销策划。';

/** The registered business scope that fits the trade in a name. */
export function businessScopeOf(name: string): string {
  const stem = nameStem(name);
  const trade = Object.keys(SCOPES).find((t) => stem.endsWith(t));
  return (trade ? SCOPES[trade]! : GENERAL_SCOPE) + LICENSED;
}
