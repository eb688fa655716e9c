import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scenarioJsonSchema } from './json-schema.ts';

type Schema = { [k: string]: any };

test('the JSON Schema describes the scenario file for editors', () => {
  const s = scenarioJsonSchema() as Schema;
  assert.equal(s.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.match(s.title, /drawdown scenario/);
  assert.deepEqual(s.required, ['name', 'asOf', 'sites', 'aircraft']);
  assert.equal(s.additionalProperties, false);
  for (const key of ['sites', 'aircraft', 'items', 'personnel', 'palletTypes', 'infrastructure', 'agreements', 'policy'])
    assert.equal(typeof s.properties[key]?.description, 'string', key);

  const site = s.properties.sites.items;
  assert.deepEqual(site.properties.role.enum, ['origin', 'destination', 'hub']);
  assert.equal(site.properties.lat.maximum, 90);
  assert.equal(site.properties.country.pattern, '^[A-Z]{2}$');
  assert.equal(site.properties.handoverBy.format, 'date');

  const line = s.properties.aircraft.items;
  assert.deepEqual(line.required, ['type', 'count', 'base']);
  assert.match(line.properties.aclKg.description, /^override: allowable cabin load/);

  const item = s.properties.items.items;
  assert.equal(item.properties.hostTransfer.default, false);
  assert.ok(!item.required.includes('hostTransfer'), 'a field with a default is optional to the writer');
  for (const [k, v] of Object.entries(item.properties as Schema)) assert.equal(typeof v.description, 'string', `items.${k}`);
  assert.equal(s.properties.policy.properties.passengerKg.default, 100);
});
