// Scenario editing: a text area with line numbers, each validation issue written beside the line
// it concerns and listed below; upload a file; save as a new version or a new scenario. A save
// names the version it started from: when a colleague saved a newer one meanwhile, the server
// refuses it (409) and the editor shows what they changed. A text whose scenario name differs
// from the selected scenario (a file opened over it) asks whether it is a new scenario.

import * as api from './api.ts';
import type { Issue } from './api.ts';
import { h, mount } from './dom.ts';

const LINE_PX = 20;
const PAD_PX = 8;

export interface EditorHooks {
  /** saved; `plan` asks for the new version to be planned and opened */
  onSaved(saved: { id: api.Id; version: number }, plan: boolean): Promise<void>;
  /** drop the edit and open the latest version of the scenario */
  openLatest(id: api.Id): Promise<void>;
}

/** The stored scenario version the editor's text started from. */
export interface Opened {
  id: api.Id;
  version: number;
  name: string;
}

export interface Editor {
  element: HTMLElement;
  setText(text: string, opened: Opened | null, label: string): void;
  /** viewers read; the save buttons are for planners */
  setWritable(writable: boolean): void;
  /** the text as it stands, saved or not */
  getText(): string;
  /** New text that is not saved yet (an import): kept as an edit of the open scenario, and checked. */
  loadUnsaved(text: string, label: string, note: string): void;
}

export function createEditor(hooks: EditorHooks): Editor {
  let opened: Opened | null = null;
  let writable = true;
  let issues: Issue[] = [];
  let warnings: Issue[] = [];
  let timer: number | undefined;
  let generation = 0;

  const textarea = h('textarea', { class: 'code', spellcheck: 'false', wrap: 'off', 'data-testid': 'editor-text', 'aria-label': 'Scenario text (YAML or JSON)' });
  const gutter = h('div', { class: 'gutter', 'data-testid': 'editor-gutter', 'aria-hidden': 'true' });
  const notes = h('div', { class: 'notes', 'data-testid': 'editor-notes' });
  const gutterInner = h('div', { class: 'gutter-inner' });
  const notesInner = h('div', { class: 'notes-inner' });
  gutter.append(gutterInner);
  notes.append(notesInner);
  const list = h('div', { class: 'issue-list', 'data-testid': 'issue-list' });
  const status = h('span', { class: 'editor-status', 'data-testid': 'editor-status', role: 'status' });
  const titleText = h('span');
  const unsaved = h('span', { class: 'tag tag-unsaved', 'data-testid': 'editor-unsaved', hidden: true }, 'unsaved');
  const title = h('span', { class: 'editor-title', 'data-testid': 'editor-title' }, titleText, ' ', unsaved);
  const setDirty = (on: boolean) => (unsaved.hidden = !on);
  const file = h('input', { type: 'file', accept: '.yaml,.yml,.json,application/json,text/yaml', 'data-testid': 'editor-file', class: 'visually-hidden', id: 'scenario-file' });
  const busy = (on: boolean) => {
    validateBtn.disabled = on;
    for (const b of [saveBtn, savePlanBtn, saveNewBtn]) b.disabled = on || !writable;
  };

  const validateBtn = h('button', { type: 'button', 'data-testid': 'validate', onclick: () => void runValidate() }, 'Validate');
  const saveBtn = h('button', { type: 'button', 'data-testid': 'save-version', onclick: () => void save(false, false) }, 'Save as new version');
  const savePlanBtn = h('button', { type: 'button', class: 'primary', 'data-testid': 'save-and-plan', onclick: () => void save(false, true) }, 'Save and plan');
  const saveNewBtn = h('button', { type: 'button', 'data-testid': 'save-new', onclick: () => void save(true, true) }, 'Save as new scenario');
  const readOnlyNote = h('span', { class: 'muted small', 'data-testid': 'editor-readonly', hidden: true }, 'You are a viewer: saving and planning need the planner role.');
  const conflictBox = h('div', { class: 'conflict', 'data-testid': 'conflict', role: 'alert', hidden: true });
  const dialog = h('dialog', { class: 'save-as', 'data-testid': 'save-as-dialog' });

  const lineCount = () => textarea.value.split('\n').length;

  let drawn = '';
  function drawMarks(): void {
    // Typing calls this on every key: redraw only when the line count or the issues change.
    const key = `${lineCount()}|${JSON.stringify(issues)}|${JSON.stringify(warnings)}`;
    if (key === drawn) return;
    drawn = key;
    const bad = new Map<number, Issue[]>();
    for (const i of issues) if (i.line) bad.set(i.line, [...(bad.get(i.line) ?? []), i]);
    const warn = new Map<number, Issue[]>();
    for (const w of warnings) if (w.line) warn.set(w.line, [...(warn.get(w.line) ?? []), w]);
    const n = lineCount();
    const lines: HTMLElement[] = [];
    for (let i = 1; i <= n; i++) lines.push(h('div', { class: `ln${bad.has(i) ? ' bad' : warn.has(i) ? ' warn' : ''}`, 'data-line': i }, String(i)));
    gutterInner.replaceChildren(...lines);
    const noteEls: HTMLElement[] = [];
    const marked: [number, Issue[], boolean][] = [...[...bad].map(([l, x]) => [l, x, true] as [number, Issue[], boolean]), ...[...warn].filter(([l]) => !bad.has(l)).map(([l, x]) => [l, x, false] as [number, Issue[], boolean])];
    for (const [line, list, isBad] of marked) {
      noteEls.push(
        h('div', { class: `note ${isBad ? 'bad' : 'warn'}`, style: `top:${PAD_PX + (line - 1) * LINE_PX}px`, 'data-testid': isBad ? 'line-issue' : 'line-warning', 'data-line': line, title: list.map((x) => `${x.path}: ${x.message}`).join('\n') }, `${list[0].path ? list[0].path + ': ' : ''}${list[0].message}${list.length > 1 ? ` (+${list.length - 1})` : ''}`),
      );
    }
    notesInner.style.height = `${PAD_PX * 2 + n * LINE_PX}px`;
    notesInner.replaceChildren(...noteEls);
    list.replaceChildren(
      ...(issues.length + warnings.length === 0
        ? []
        : [
            h(
              'ul',
              null,
              [...issues.map((i) => ({ i, kind: 'bad' })), ...warnings.map((i) => ({ i, kind: 'warn' }))].map(({ i, kind }) =>
                h(
                  'li',
                  { class: kind, 'data-testid': kind === 'bad' ? 'issue' : 'warning' },
                  h('button', { type: 'button', class: 'link', disabled: !i.line, onclick: () => i.line && goToLine(i.line) }, i.line ? `line ${i.line}` : 'file'),
                  ' ',
                  i.path ? h('code', null, i.path) : null,
                  ' ',
                  i.message,
                ),
              ),
            ),
          ]),
    );
    syncScroll();
  }

  function syncScroll(): void {
    gutterInner.style.transform = `translateY(${-textarea.scrollTop}px)`;
    notesInner.style.transform = `translateY(${-textarea.scrollTop}px)`;
  }

  function goToLine(line: number): void {
    const starts = [0];
    const text = textarea.value;
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    const at = starts[Math.min(line - 1, starts.length - 1)];
    textarea.focus();
    textarea.setSelectionRange(at, text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at));
    textarea.scrollTop = Math.max(0, (line - 4) * LINE_PX);
    syncScroll();
  }

  let lastName: string | undefined;

  async function runValidate(): Promise<boolean> {
    const mine = ++generation;
    status.textContent = 'Checking…';
    status.className = 'editor-status';
    try {
      const r = await api.validate(textarea.value);
      if (mine !== generation) return r.ok;
      issues = r.issues;
      warnings = r.warnings;
      lastName = r.name;
      status.textContent = r.ok ? `Valid${warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''}` : `${issues.length} problem${issues.length === 1 ? '' : 's'}`;
      status.className = `editor-status ${r.ok ? 'ok' : 'bad'}`;
      drawMarks();
      return r.ok;
    } catch (e) {
      status.textContent = `Could not check: ${(e as Error).message}`;
      status.className = 'editor-status bad';
      return false;
    }
  }

  /** Asks whether a text that names another scenario is a new scenario or the next version of the selected one. */
  function askSaveAs(target: Opened, name: string): Promise<'new' | 'version' | null> {
    return new Promise((resolve) => {
      const choose = (v: 'new' | 'version' | null) => () => {
        dialog.close();
        resolve(v);
      };
      dialog.replaceChildren(
        h('h3', null, 'A new scenario, or a new version?'),
        h('p', null, 'This text is the scenario ', h('b', { 'data-testid': 'save-as-name' }, `“${name}”`), ', but the selected scenario is ', h('b', null, `“${target.name}”`), ` (version ${target.version}).`),
        h('p', { class: 'muted small' }, `Saving it as version ${target.version + 1} of “${target.name}” replaces what colleagues see as its latest version; saving it as a new scenario leaves “${target.name}” alone.`),
        h(
          'div',
          { class: 'toolbar' },
          h('button', { type: 'button', class: 'primary', 'data-testid': 'save-as-new', onclick: choose('new') }, `New scenario “${name}”`),
          h('button', { type: 'button', 'data-testid': 'save-as-version', onclick: choose('version') }, `Version ${target.version + 1} of “${target.name}”`),
          h('button', { type: 'button', 'data-testid': 'save-as-cancel', onclick: choose(null) }, 'Cancel'),
        ),
      );
      dialog.addEventListener('cancel', () => resolve(null), { once: true });
      dialog.showModal();
    });
  }

  function showConflict(c: api.Conflict, plan: boolean, target: Opened): void {
    const who = (v: { createdBy: string | null; createdAt: string }) => `${v.createdBy ?? 'someone'} at ${v.createdAt.slice(0, 16).replace('T', ' ')}Z`;
    mount(
      conflictBox,
      h('h3', null, `Not saved: version ${c.latest.version} was saved by ${who(c.latest)} after you opened version ${c.baseVersion}.`),
      h('p', { class: 'small' }, c.since.length > 1 ? `Versions saved since: ${c.since.map((v) => `v${v.version} (${who(v)})`).join(', ')}.` : 'Their changes, from your version to theirs:'),
      c.changes.length
        ? h(
            'table',
            { class: 'grid-table compact', 'data-testid': 'conflict-changes' },
            h('thead', null, h('tr', null, h('th', null, 'Field'), h('th', null, `v${c.baseVersion}`), h('th', null, `v${c.latest.version}`))),
            h('tbody', null, c.changes.map((x) => h('tr', { 'data-testid': 'conflict-change' }, h('td', null, h('code', null, x.path)), h('td', null, x.before ?? '—'), h('td', null, x.after ?? '—')))),
          )
        : h('p', { class: 'small' }, 'The scenario is the same; only its text changed.'),
      c.changeCount > c.changes.length ? h('p', { class: 'muted small' }, `… and ${c.changeCount - c.changes.length} more.`) : null,
      h(
        'div',
        { class: 'toolbar' },
        h('button', { type: 'button', 'data-testid': 'conflict-load', onclick: () => void hooks.openLatest(target.id) }, `Open version ${c.latest.version} (drop my edit)`),
        h('button', { type: 'button', 'data-testid': 'conflict-overwrite', onclick: () => void save(false, plan, { ...target, version: c.latest.version }) }, `Save mine as version ${c.latest.version + 1} anyway`),
        h('button', { type: 'button', 'data-testid': 'conflict-new', onclick: () => void save(true, plan) }, 'Save mine as a new scenario'),
      ),
    );
    conflictBox.hidden = false;
    conflictBox.scrollIntoView({ block: 'nearest' });
  }

  async function save(asNew: boolean, plan: boolean, base: Opened | null = opened): Promise<void> {
    busy(true);
    conflictBox.hidden = true;
    try {
      if (!(await runValidate())) return;
      let target = asNew ? null : base;
      if (target && lastName !== undefined && lastName !== target.name) {
        const choice = await askSaveAs(target, lastName);
        if (choice === null) {
          status.textContent = 'Not saved.';
          return;
        }
        if (choice === 'new') target = null;
      }
      status.textContent = 'Saving…';
      const saved = await api.saveScenario(textarea.value, target ? { id: target.id, baseVersion: target.version } : undefined);
      opened = { id: saved.id, version: saved.version, name: lastName ?? target?.name ?? '' };
      titleText.textContent = `${opened.name} · version ${saved.version}`;
      setDirty(false);
      status.textContent = `Saved as ${target ? `version ${saved.version}` : `new scenario #${saved.id}`}${plan ? '; planning…' : ''}`;
      status.className = 'editor-status ok';
      await hooks.onSaved(saved, plan);
    } catch (e) {
      if (e instanceof api.ConflictError && base) {
        status.textContent = 'Not saved: someone saved a newer version.';
        status.className = 'editor-status bad';
        showConflict(e.conflict, plan, base);
        return;
      }
      const err = e as api.ApiError;
      if (err.issues?.length) {
        issues = err.issues;
        drawMarks();
      }
      status.textContent = `Not saved: ${err.message}`;
      status.className = 'editor-status bad';
    } finally {
      busy(false);
    }
  }

  textarea.addEventListener('scroll', syncScroll);
  textarea.addEventListener('input', () => {
    // Line numbers follow at once; the server check waits for a pause in typing.
    setDirty(true);
    drawMarks();
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void runValidate(), 700);
  });
  textarea.addEventListener('keydown', (e) => {
    if (e.key === 'Tab') {
      e.preventDefault();
      textarea.setRangeText('  ', textarea.selectionStart, textarea.selectionEnd, 'end');
      textarea.dispatchEvent(new Event('input'));
    }
  });
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    textarea.value = await f.text();
    titleText.textContent = opened ? `${f.name} · opened over “${opened.name}” (version ${opened.version}), not saved` : `${f.name} · not saved`;
    setDirty(true);
    file.value = '';
    issues = [];
    warnings = [];
    drawMarks();
    await runValidate();
  });

  const element = h(
    'div',
    { class: 'editor-wrap', 'data-testid': 'editor' },
    title,
    h(
      'div',
      { class: 'toolbar' },
      h('label', { class: 'button', for: 'scenario-file' }, 'Open file…'),
      file,
      validateBtn,
      saveBtn,
      savePlanBtn,
      saveNewBtn,
      status,
      readOnlyNote,
    ),
    conflictBox,
    h('div', { class: 'editor' }, gutter, textarea, notes),
    list,
    dialog,
  );

  return {
    element,
    setText(text, at, label) {
      window.clearTimeout(timer);
      generation++;
      opened = at;
      lastName = at?.name;
      conflictBox.hidden = true;
      textarea.value = text;
      titleText.textContent = label;
      setDirty(false);
      issues = [];
      warnings = [];
      status.textContent = '';
      status.className = 'editor-status';
      drawMarks();
      textarea.scrollTop = 0;
    },
    getText: () => textarea.value,
    setWritable(on) {
      writable = on;
      readOnlyNote.hidden = on;
      busy(false);
    },
    loadUnsaved(text, label, note) {
      window.clearTimeout(timer);
      textarea.value = text;
      titleText.textContent = label;
      setDirty(true);
      issues = [];
      warnings = [];
      drawMarks();
      textarea.scrollTop = 0;
      void runValidate().then((ok) => {
        if (ok) status.textContent = `${note} · ${status.textContent}`;
      });
    },
  };
}
