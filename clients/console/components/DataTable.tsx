/** The numbers a chart draws, as a table for screen readers (visually hidden, read in the chart's place). */
export function DataTable({
  caption,
  rows,
  valueHeader = '数值',
}: {
  caption: string;
  rows: readonly { label: string; text: string }[];
  valueHeader?: string;
}) {
  return (
    // the wrapper hides the caption too: a table's caption is drawn outside the table's own box
    <div class="visually-hidden">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col">{valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
