// Sorties as calendar events (RFC 5545): CRLF line ends, lines folded at 75 octets, UTC times,
// a UID per sortie and a DTSTAMP fixed from the scenario's asOf, so the same plan gives the
// same file byte for byte.

import type { Plan, Scenario } from '../model/index.ts';
import { toMs } from '../model/index.ts';
import { lookup } from './lookup.ts';
import { slug } from './rows.ts';

/** 2024-09-10T06:12:00Z to 20240910T061200Z. */
export function icsTime(iso: string): string {
  return new Date(toMs(iso)).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** TEXT values escape backslash, semicolon, comma and newline (RFC 5545 3.3.11). */
export function icsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Fold a content line into 75-octet pieces, never splitting a UTF-8 character (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    // The first line holds 75 octets; each continuation starts with a space, leaving 74.
    if (octets + n > 75) {
      out.push(cur);
      cur = ' ';
      octets = 1;
    }
    cur += ch;
    octets += n;
  }
  out.push(cur);
  return out.join('\r\n');
}

export function sortiesIcs(scenario: Scenario, plan: Plan): string {
  const find = lookup(scenario, plan);
  const stamp = icsTime(scenario.asOf);
  const domain = `${slug(scenario.name) || 'scenario'}.drawdown`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//drawdown//sortie schedule//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(`${scenario.name}: sorties`)}`,
  ];
  for (const s of plan.sorties) {
    const from = find.site(s.from);
    const to = find.site(s.to);
    const cargoKg = s.loads.reduce((t, l) => t + find.loadKg(l.ref), 0);
    const description = [
      `${s.tail} (${s.aircraft}) from ${from.name} to ${to.name}`,
      `Passengers: ${s.passengers}`,
      `Payload: ${Math.round(s.payloadKg)} kg (cargo ${Math.round(cargoKg)} kg in ${s.loads.length} loads)`,
      `Centre of gravity: ${s.cgM === null ? 'no cargo' : `${s.cgM.toFixed(2)} m`}`,
      `Loads: ${s.loads.map((l) => l.ref).join(', ') || 'none'}`,
    ].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${s.id}@${domain}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsTime(s.departs)}`,
      `DTEND:${icsTime(s.arrives)}`,
      `SUMMARY:${icsText(`${s.id} ${s.tail} ${from.id} → ${to.id}: ${s.passengers} pax, ${s.loads.length} loads`)}`,
      `LOCATION:${icsText(from.name)}`,
      `DESCRIPTION:${icsText(description)}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
