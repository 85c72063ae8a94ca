// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { ContractProblems } from '../../../renderer/contracts/contract-problems';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { parseMeshFile } from '../../../shared/contracts';

/** The laundry's design: its claims contract names rfid_tag twice and leaves the PII it republishes unclassified. */
function openLaundry(): string {
  // jsdom's URL is not Node's, which readFileSync takes: the fixture by its path from the repository.
  const text = readFileSync('test/fixtures/mesh/laundry-duplicate-property.mesh.json', 'utf8');
  const parsed = parseMeshFile(text);
  if (!parsed.ok) throw new Error('the laundry fixture does not open');
  useDocumentStore.getState().open(parsed.value, { name: 'laundry.mesh.json' });
  return parsed.value.contracts[3]?.id as string;
}

Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', true);

/** The problem list as the page shows it: server rendering sees only the stores' initial state. */
function rendered(contractId: string): string {
  const host = document.createElement('div');
  const root = createRoot(host);
  act(() => root.render(<ContractProblems contractId={contractId} />));
  const html = host.innerHTML;
  act(() => root.unmount());
  return html;
}

describe('the problems under a contract’s YAML', () => {
  it('list what the design’s rules find in the contract at its line, besides the text’s own checks', () => {
    const claims = openLaundry();
    const listed = rendered(claims);
    expect(listed).not.toContain('No problems.');
    expect(listed).toContain('duplicate property name');
    expect(listed.match(/pii-propagation/g)).toHaveLength(2);
    expect(listed).toContain('<span class="problem__where">25:9</span>');
  });

  it('name the rule of each of the text’s own checks, as the design’s rules’ findings are named', () => {
    const listed = rendered(openLaundry());
    expect(listed).toMatch(/duplicate property name 'rfid_tag'[^<]*\(contract-semantics\)/);
  });

  it('list the text’s problems top to bottom, line then column, whichever check found them', () => {
    const places = [...rendered(openLaundry()).matchAll(/<span class="problem__where">(\d+):(\d+)<\/span>/g)].map(
      ([, line, column]) => [Number(line), Number(column)],
    );
    expect(places).toEqual([
      [25, 9],
      [27, 9],
      [29, 15],
    ]);
  });
});
