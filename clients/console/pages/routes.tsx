import type { ComponentChildren } from 'preact';
import { AccessLog } from './AccessLog.js';
import { CaseView } from './CaseView.js';
import { Chain } from './Chain.js';
import { Dashboard } from './Dashboard.js';
import { Inventory } from './Inventory.js';
import { MyCases } from './MyCases.js';
import { MyData } from './MyData.js';

export interface Page {
  path: string;
  title: string;
  /** who sees it: a page opened by another role shows nothing and asks for nothing */
  roles: readonly string[];
  /** listed in the navigation (a case's own page is reached from the list) */
  nav: boolean;
  render: (url: URL, match: RegExpMatchArray) => ComponentChildren;
}

const SUPERVISING = ['SUPERVISOR', 'OFFICER'];
const AUDITING = ['AUDITOR'];
const OWN = ['CITIZEN', 'ENTERPRISE'];

/** Every page of the console by path, with the roles it is for. */
// the two access-log pages are one component: a key each, so the filters of one do not carry over to the other
export const PAGES: readonly Page[] = [
  { path: '/console/dashboard', title: '区域仪表盘', roles: SUPERVISING, nav: true, render: (url) => <Dashboard code={divisionOf(url)} /> },
  { path: '/console/audit/inventory', title: '数据资产清单', roles: AUDITING, nav: true, render: () => <Inventory /> },
  { path: '/console/audit/log', title: '访问日志', roles: AUDITING, nav: true, render: () => <AccessLog key="log" withheld={false} /> },
  { path: '/console/audit/withheld', title: '暂缓告知', roles: AUDITING, nav: true, render: () => <AccessLog key="withheld" withheld={true} /> },
  { path: '/console/audit/chain', title: '日志链校验', roles: AUDITING, nav: true, render: () => <Chain /> },
  { path: '/console/my/data', title: '谁查看了我的数据', roles: OWN, nav: true, render: () => <MyData /> },
  { path: '/console/my/cases', title: '我的办件', roles: OWN, nav: true, render: () => <MyCases /> },
  { path: '/console/my/cases/:id', title: '办件进度', roles: OWN, nav: false, render: (_, match) => <CaseView id={decodeURIComponent(match[1]!)} /> },
];

/** The page at a path and what its :id matched, or null. */
export function pageAt(pathname: string): { page: Page; match: RegExpMatchArray } | null {
  for (const page of PAGES) {
    const match = pathname.replace(/\/$/, '').match(new RegExp(`^${page.path.replace(':id', '([^/]+)')}$`));
    if (match) return { page, match };
  }
  return null;
}

/** A division code from ?code=, the whole country (000000) otherwise. */
function divisionOf(url: URL): string {
  const code = url.searchParams.get('code') ?? '';
  return /^\d{6}$/.test(code) ? code : '000000';
}
