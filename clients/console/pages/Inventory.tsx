import { useState } from 'preact/hooks';
import { Loaded } from '../components/Loading.js';
import { session } from '../lib/session.js';
import { useAsync } from '../lib/use-async.js';

interface Field {
  coordinate: string;
  owners: string[];
  category: string | null;
  sensitive: boolean;
  access: string | null;
}

/** The schema inventory (schema/inventory.json, served to auditors only): owner, personal-data category and access rule of every field. */
async function loadInventory(): Promise<Field[]> {
  const response = await fetch('/console/inventory.json', { headers: { authorization: `Bearer ${session.token() ?? ''}` } });
  const body = (await response.json()) as { fields?: Field[]; error?: string };
  if (!response.ok || !body.fields) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body.fields;
}

export function Inventory() {
  const inventory = useAsync(loadInventory, []);
  const [filter, setFilter] = useState('');
  const [personalOnly, setPersonalOnly] = useState(true);
  return (
    <>
      <h1>数据资产清单</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          字段或部门 <input type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        </label>
        <label>
          <input type="checkbox" checked={personalOnly} onChange={(e) => setPersonalOnly(e.currentTarget.checked)} /> 只看个人信息字段
        </label>
      </form>
      <Loaded result={inventory}>
        {(fields) => {
          const needle = filter.trim().toLowerCase();
          const shown = fields.filter(
            (f) => (!personalOnly || f.category) && (!needle || f.coordinate.toLowerCase().includes(needle) || f.owners.some((o) => o.includes(needle))),
          );
          return (
            <table data-table="inventory">
              <caption>
                共 {fields.length} 个字段，显示 {shown.length} 个
              </caption>
              <thead>
                <tr>
                  <th scope="col">字段</th>
                  <th scope="col">所属部门</th>
                  <th scope="col">个人信息类别</th>
                  <th scope="col">访问规则</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((f) => (
                  <tr key={f.coordinate}>
                    <th scope="row">
                      <code>{f.coordinate}</code>
                    </th>
                    <td>{f.owners.join('、')}</td>
                    <td>{f.category ? `${f.category}${f.sensitive ? '（敏感）' : ''}` : '—'}</td>
                    <td>{f.access ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }}
      </Loaded>
    </>
  );
}
