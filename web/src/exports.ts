// Files out: the plan's registers, load plans, GeoJSON and calendar, and the scenario's inventory,
// as plain links to the export routes (the server names the file and sends it as an attachment).

import * as api from './api.ts';
import type { ExportWhat } from './api.ts';
import { h } from './dom.ts';

/** A download link styled as a button. */
export function downloadLink(href: string, label: string, testid: string): HTMLAnchorElement {
  return h('a', { class: 'button small', href, download: '', 'data-testid': testid }, label);
}

const REGISTERS: [ExportWhat, string][] = [
  ['dispositions', 'Disposition register'],
  ['transfers', 'Transfer register (to the host)'],
  ['handovers', 'Handover register'],
  ['sorties', 'Sortie schedule'],
];
const DOCUMENTS: [ExportWhat, string, string][] = [
  ['loadplans', 'Load plans, printable', 'HTML'],
  ['geojson', 'Sites and routes for GIS', 'GeoJSON'],
  ['ics', 'Sorties as a calendar', 'ICS'],
];

export interface ExportMenu {
  element: HTMLElement;
  /** what the links point at: the open plan and the scenario version shown */
  update(planId: api.Id | null, scenario: { id: api.Id; version: number } | null): void;
}

/**
 * The Export menu of the header: everything for the open plan, and the inventory of the
 * scenario version on show. Says so when there is no finished plan.
 */
export function createExportMenu(): ExportMenu {
  const body = h('div', { class: 'menu', role: 'menu' });
  const element = h(
    'details',
    { class: 'export-menu', 'data-testid': 'export-menu' },
    h('summary', { 'data-testid': 'export-open' }, 'Export'),
    body,
  );
  // A click outside closes the menu, as a menu does; so does choosing a file (after the click starts the download).
  document.addEventListener('click', (e) => {
    if (element.open && !element.contains(e.target as Node)) element.open = false;
  });
  body.addEventListener('click', (e) => {
    if ((e.target as Element).closest('a')) setTimeout(() => (element.open = false));
  });
  return {
    element,
    update(planId, scenario) {
      const planPart =
        planId === null
          ? h('div', { class: 'menu-note muted' }, 'No finished plan open.')
          : [
              h('div', { class: 'menu-head' }, `Plan #${planId}`),
              REGISTERS.map(([what, label]) =>
                row(label, link(api.planExportUrl(planId, what, 'xlsx'), 'XLSX', `export-${what}-xlsx`), link(api.planExportUrl(planId, what, 'csv'), 'CSV', `export-${what}-csv`)),
              ),
              DOCUMENTS.map(([what, label, kind]) => row(label, link(api.planExportUrl(planId, what), kind, `export-${what}`))),
            ];
      const scenarioPart =
        scenario === null
          ? null
          : [
              h('div', { class: 'menu-head' }, `Scenario, version ${scenario.version}`),
              row(
                'Inventory (items)',
                link(api.inventoryExportUrl(scenario.id, scenario.version, 'xlsx'), 'XLSX', 'export-inventory-xlsx'),
                link(api.inventoryExportUrl(scenario.id, scenario.version, 'csv'), 'CSV', 'export-inventory-csv'),
              ),
            ];
      body.replaceChildren();
      body.append(...[planPart, scenarioPart].flat(2).filter((x): x is HTMLElement => !!x));
    },
  };
}

function row(label: string, ...links: HTMLElement[]): HTMLElement {
  return h('div', { class: 'menu-row' }, h('span', null, label), h('span', { class: 'menu-links' }, links));
}

function link(href: string, label: string, testid: string): HTMLAnchorElement {
  return h('a', { href, download: '', role: 'menuitem', 'data-testid': testid }, label);
}
