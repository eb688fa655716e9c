// Import spreadsheet: an inventory (and optionally a roster and a header mapping) read into the
// scenario in the editor. A good import lands in the editor unsaved; a bad one lists every bad
// cell by row, column and value as written, so it can be fixed in the spreadsheet.

import * as api from './api.ts';
import type { SheetIssue } from './api.ts';
import { h } from './dom.ts';
import * as fmt from './format.ts';

export interface ImportHooks {
  /** the scenario the sheets fill in: the editor's text (YAML or JSON) */
  baseText(): string;
  /** a good import: the new scenario text, to load into the editor unsaved */
  loaded(text: string, from: string): void;
}

export function createImportPanel(hooks: ImportHooks): HTMLElement {
  const field = (id: string, label: string, accept: string, hint: string) => {
    const input = h('input', { type: 'file', id: `import-${id}`, accept, 'data-testid': `import-${id}` });
    return {
      input,
      element: h('label', { class: 'file-field', for: `import-${id}` }, h('span', { class: 'file-label' }, label), input, h('span', { class: 'muted small' }, hint)),
    };
  };
  const sheet = '.csv,.xlsx,.tsv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const items = field('items', 'Inventory (items)', sheet, 'CSV or XLSX, required');
  const personnel = field('personnel', 'Personnel roster', sheet, 'optional: replaces the personnel');
  const mapping = field('mapping', 'Column mapping', '.yaml,.yml,.json', 'optional: YAML or JSON, "header": field');
  const result = h('div', { class: 'import-result', 'data-testid': 'import-result' });
  const status = h('span', { class: 'editor-status', 'data-testid': 'import-status', role: 'status' });
  const run = h('button', { type: 'button', class: 'primary needs-planner', 'data-testid': 'import-run', onclick: () => void go() }, 'Import into editor');

  async function go(): Promise<void> {
    const file = items.input.files?.[0];
    result.replaceChildren();
    if (!file) return show('Choose the inventory file first.', 'bad');
    const base = hooks.baseText();
    if (base.trim() === '') return show('The editor is empty: open or write the scenario the sheet fills in (its sites, aircraft and agreements) first.', 'bad');
    const form = new FormData();
    form.append('items', file);
    const roster = personnel.input.files?.[0];
    if (roster) form.append('personnel', roster);
    const map = mapping.input.files?.[0];
    if (map) form.append('mapping', map);
    form.append('base', base);
    run.disabled = true;
    show('Reading…');
    try {
      const r = await api.importSheets(form);
      if (!r.ok) {
        show(`${fmt.plural(r.issues.length, 'problem')}: nothing was imported. Fix ${r.issues.length === 1 ? 'it' : 'them'} in the spreadsheet and import again.`, 'bad');
        result.replaceChildren(issueTable(r.issues, 'import-issues', 'bad'));
        return;
      }
      const from = [file, roster].filter(Boolean).map((f) => f!.name).join(' and ');
      hooks.loaded(r.text, from);
      show(`Imported ${from} into the editor: check it, then save.`, 'ok');
      if (r.warnings.length) result.replaceChildren(h('h3', null, fmt.plural(r.warnings.length, 'warning')), issueTable(r.warnings, 'import-warnings', 'warn'));
    } catch (e) {
      show(`Could not import: ${(e as Error).message}`, 'bad');
    } finally {
      run.disabled = false;
    }
  }

  function show(text: string, kind: 'ok' | 'bad' | '' = ''): void {
    status.textContent = text;
    status.className = `editor-status ${kind}`;
  }

  return h(
    'div',
    { class: 'import-panel', 'data-testid': 'import-panel' },
    h('p', { class: 'muted small' }, 'Fills in the scenario in the editor: its sites, aircraft and agreements stay; its items are replaced by the sheet (and its personnel by the roster). Headers in pounds, inches or dollars are converted. Nothing is saved until you save.'),
    h('div', { class: 'file-fields' }, items.element, personnel.element, mapping.element),
    h('div', { class: 'toolbar' }, run, status),
    result,
  );
}

function issueTable(list: SheetIssue[], testid: string, kind: 'bad' | 'warn'): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: `grid-table compact sheet-issues ${kind}`, 'data-testid': testid },
      h('thead', null, h('tr', null, h('th', null, 'File'), h('th', { class: 'num' }, 'Row'), h('th', null, 'Column'), h('th', null, 'Value'), h('th', null, 'Problem'))),
      h(
        'tbody',
        null,
        list.map((i) =>
          h(
            'tr',
            { 'data-testid': kind === 'bad' ? 'sheet-issue' : 'sheet-warning', 'data-row': i.line ?? '', title: i.text },
            h('td', null, i.file ?? '—'),
            h('td', { class: 'num' }, i.line ?? '—'),
            h('td', null, i.column ?? '—'),
            h('td', null, i.value === undefined ? '—' : h('code', { class: 'cell-value' }, i.value === '' ? '(blank)' : i.value)),
            h('td', { class: 'reason' }, i.message),
          ),
        ),
      ),
    ),
  );
}
