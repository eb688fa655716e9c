// From the file as written to the complete Scenario every later stage reads: catalog values
// filled in, overrides applied, defaults set, input order kept. Runs only on a checked file.

import { CREW_FACTORS, PALLETS, catalogAircraft, catalogPallet, segregationTable } from '../catalog/index.ts';
import type { AircraftType, FleetLine, Item, PalletType, Scenario, UnitDimension } from '../model/index.ts';
import type { ScenarioFile } from './schema.ts';
import { AIRCRAFT_FIELDS, PALLET_FIELDS } from './schema.ts';

type FleetLineFile = ScenarioFile['aircraft'][number];
type PalletTypeFile = ScenarioFile['palletTypes'][number];

/** A checked fleet line with its type's catalog values under its overrides. */
export function fleetLine(line: FleetLineFile): FleetLine {
  const spec: Partial<AircraftType> = catalogAircraft(line.type) ?? {};
  const out: Record<string, unknown> = { type: line.type, count: line.count, base: line.base };
  if (line.availableFrom !== undefined) out.availableFrom = line.availableFrom;
  if (line.availableTo !== undefined) out.availableTo = line.availableTo;
  for (const k of AIRCRAFT_FIELDS) {
    const v = line[k] ?? spec[k];
    if (v === undefined) throw new Error(`bug: fleet line ${line.type} lacks ${k} after checks`);
    out[k] = Array.isArray(v) ? [...v] : v;
  }
  // Stations are optional: a new type without them (or `[]`) lets pallets sit anywhere.
  const stations = line.palletStations ?? spec.palletStations;
  if (stations && stations.length > 0) out.palletStations = stations.map((s) => ({ x: s.x, y: s.y, l: s.l, w: s.w, maxKg: s.maxKg }));
  // Crews: the public planning factors unless the line gives its own (catalog/crews.ts).
  const crew = CREW_FACTORS.spec;
  const complement = line.crewComplement ?? 'basic';
  out.crewsPerTail = line.crewsPerTail ?? crew.crewsPerTail;
  out.crewComplement = complement;
  out.crewDutyHours = line.crewDutyHours ?? (complement === 'augmented' ? crew.augmentedDutyHours : crew.basicDutyHours);
  out.crewRestHours = line.crewRestHours ?? crew.restHours;
  return out as unknown as FleetLine;
}

/** Every catalog pallet type (with any override) in catalog order, then the scenario's new ones. */
export function palletTypes(lines: readonly PalletTypeFile[]): PalletType[] {
  const merge = (base: Partial<PalletType>, over: PalletTypeFile | undefined, id: string): PalletType => {
    const out: Record<string, unknown> = { id };
    for (const k of PALLET_FIELDS) {
      const v = over?.[k] ?? base[k];
      if (v === undefined) throw new Error(`bug: pallet type ${id} lacks ${k} after checks`);
      out[k] = v;
    }
    return out as unknown as PalletType;
  };
  const catalogIds = Object.keys(PALLETS);
  const fromCatalog = catalogIds.map((id) => merge(PALLETS[id].spec, lines.find((l) => l.id === id), id));
  const added = lines.filter((l) => !catalogPallet(l.id)).map((l) => merge({}, l, l.id));
  return [...fromCatalog, ...added];
}

const ALL_DIMS: UnitDimension[] = ['length', 'width', 'height'];

/**
 * An item line as every stage reads it: verticalDims always set (tiltable means all three),
 * and a line with a hazard listed as dangerous, so no sensitivity rule can overlook it.
 */
function item(it: ScenarioFile['items'][number]): Item {
  const sensitive = new Set(it.sensitive);
  if (it.hazard !== undefined) sensitive.add('dangerous');
  const verticalDims = it.tiltable ? [...ALL_DIMS] : it.verticalDims ? ALL_DIMS.filter((d) => it.verticalDims!.includes(d)) : ['height' as const];
  const tiltable = verticalDims.length === 3;
  const out: Item = { ...it, sensitive: [...sensitive], tiltable, verticalDims };
  if (it.serials) out.serials = [...it.serials];
  if (it.subsidiaryHazards) out.subsidiaryHazards = [...it.subsidiaryHazards];
  return out;
}

export function normalise(file: ScenarioFile): Scenario {
  return {
    name: file.name,
    asOf: file.asOf,
    sites: file.sites.map((s) => ({ ...s, ...(s.accepts ? { accepts: [...s.accepts] } : {}) })),
    aircraft: file.aircraft.map(fleetLine),
    palletTypes: palletTypes(file.palletTypes),
    personnel: file.personnel.map((p) => ({ ...p })),
    items: file.items.map(item),
    infrastructure: file.infrastructure.map((x) => ({ ...x })),
    agreements: file.agreements.map((a) => ({ ...a })),
    policy: { ...file.policy },
    segregation: segregationTable(file.segregation),
  };
}
