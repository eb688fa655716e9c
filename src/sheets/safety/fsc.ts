// What a stock number's Federal Supply Class (its first four digits) says about the line, as
// data: weapons, ammunition and explosives, COMSEC. Source: Federal Supply Classification,
// Cataloging Handbook H2 (DLA; the same classes as GSA's Product and Service Codes Manual),
// groups 10 (weapons), 13 (ammunition and explosives), 14 (guided missiles) and 58 (classes
// 5810, 5811). Classes of inert items, parts, handling equipment, camouflage and nets are left out.
// The class is a safety net under the sheet's own columns: it adds what no column says, and a
// column that says otherwise wins, with a warning.

import { own } from '../cells.ts';
import type { Fact } from './claims.ts';

export interface SupplyClass {
  title: string;
  facts: readonly Fact[];
}

const weapon = (title: string): SupplyClass => ({ title, facts: ['lethal'] });
const explosive = (title: string): SupplyClass => ({ title, facts: ['ammunition'] });

export const SUPPLY_CLASSES: Readonly<Record<string, SupplyClass>> = {
  '1005': weapon('guns, through 30 mm'),
  '1010': weapon('guns, over 30 mm up to 75 mm'),
  '1015': weapon('guns, 75 mm through 125 mm'),
  '1020': weapon('guns, over 125 mm through 150 mm'),
  '1025': weapon('guns, over 150 mm through 200 mm'),
  '1030': weapon('guns, over 200 mm through 300 mm'),
  '1035': weapon('guns, over 300 mm'),
  '1040': weapon('chemical weapons and equipment'),
  '1045': weapon('launchers, torpedo and depth charge'),
  '1055': weapon('launchers, rocket and pyrotechnic'),
  '1090': weapon('assemblies interchangeable between weapons in two or more classes'),
  '1095': weapon('miscellaneous weapons'),
  '1305': explosive('ammunition, through 30 mm'),
  '1310': explosive('ammunition, over 30 mm up to 75 mm'),
  '1315': explosive('ammunition, 75 mm through 125 mm'),
  '1320': explosive('ammunition, over 125 mm'),
  '1325': explosive('bombs'),
  '1330': explosive('grenades'),
  '1336': explosive('guided missile warheads and explosive components'),
  '1337': explosive('guided missile and space vehicle explosive propulsion units, solid fuel'),
  '1340': explosive('rockets, rocket ammunition and rocket components'),
  '1345': explosive('land mines'),
  '1351': explosive('underwater mines and components, explosive'),
  '1353': explosive('underwater mine disposal explosive devices'),
  '1356': explosive('torpedoes and components, explosive'),
  '1361': explosive('depth charges and components, explosive'),
  '1365': { title: 'military chemical agents', facts: ['lethal', 'dangerous'] },
  '1370': explosive('pyrotechnics'),
  '1375': explosive('demolition materials'),
  '1376': explosive('bulk explosives'),
  '1377': explosive('cartridge and propellant actuated devices and components'),
  '1390': explosive('fuzes and primers'),
  '1395': explosive('miscellaneous ammunition'),
  '1410': explosive('guided missiles'),
  '1440': weapon('launchers, guided missile'),
  '5810': { title: 'communications security equipment and components', facts: ['comsec'] },
  '5811': { title: 'other cryptologic equipment and components', facts: ['comsec'] },
};

export function supplyClassOf(nsn: string): { fsc: string; cls: SupplyClass } | undefined {
  const fsc = nsn.slice(0, 4);
  const cls = own(SUPPLY_CLASSES, fsc);
  return cls ? { fsc, cls } : undefined;
}
