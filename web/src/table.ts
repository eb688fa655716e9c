// A sortable table: click a header to sort by it, again to reverse. Numbers align right.

import { h } from './dom.ts';

export interface Column<R> {
  key: string;
  label: string;
  num?: boolean;
  value: (row: R) => string | number;
  cell?: (row: R) => Node | string;
}

export function sortableTable<R>(columns: Column<R>[], rows: R[], testid: string, initial?: { key: string; desc?: boolean }): HTMLElement {
  let sortKey = initial?.key ?? columns[0].key;
  let desc = initial?.desc ?? false;
  const tbody = h('tbody');
  const heads = columns.map((c) =>
    h('th', { class: c.num ? 'num sortable' : 'sortable', 'data-key': c.key, 'aria-sort': 'none', onclick: () => {
      desc = sortKey === c.key ? !desc : false;
      sortKey = c.key;
      draw();
    } }, c.label),
  );
  const draw = () => {
    const col = columns.find((c) => c.key === sortKey) ?? columns[0];
    const sorted = [...rows].sort((a, b) => {
      const va = col.value(a);
      const vb = col.value(b);
      const cmp = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb), 'en', { numeric: true });
      return desc ? -cmp : cmp;
    });
    heads.forEach((th, i) => th.setAttribute('aria-sort', columns[i].key === sortKey ? (desc ? 'descending' : 'ascending') : 'none'));
    tbody.replaceChildren(...sorted.map((r) => h('tr', null, columns.map((c) => h('td', { class: c.num ? 'num' : null }, c.cell ? c.cell(r) : String(c.value(r)))))));
  };
  draw();
  return h('table', { class: 'grid-table', 'data-testid': testid }, h('thead', null, h('tr', null, heads)), tbody);
}
