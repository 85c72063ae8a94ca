import { useRef } from 'react';
import type { Contract } from '../../shared/model';
import { UserText } from '../app/user-text';
import { useHost } from '../host/host-context';
import { useDocumentStore } from '../store/document-store';
import { openContractFile } from './contract-files';
import { useContractTabs } from './contract-tabs-store';
import { importContracts } from './import/import-contract-files';

const NO_CONTRACTS: Contract[] = [];

/** Every contract of the design, to open in the editor, and the way in for ODCS files. */
export function ContractList() {
  const contracts = useDocumentStore((state) => state.mesh?.contracts ?? NO_CONTRACTS);
  const fileInput = useRef<HTMLInputElement>(null);
  const host = useHost();
  return (
    <section className="contract-list" aria-label="Contracts">
      <div className="contract-list__header">
        <h3>Contracts</h3>
        <button
          type="button"
          title="Open an ODCS file to edit it here and save it back"
          onClick={() => void openContractFile(host)}
        >
          Open contract…
        </button>
        <button
          type="button"
          onClick={() => fileInput.current?.click()}
          title="Import contracts: ODCS YAML, SQL DDL, Avro, JSON Schema or Protobuf"
        >
          Import…
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept=".yaml,.yml,.sql,.ddl,.avsc,.json,.proto"
          hidden
          data-testid="import-contracts-input"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length > 0) void importContracts(files);
          }}
        />
      </div>
      <ul>
        {contracts.map(({ id, name, version, kind }) => (
          <li key={id}>
            <button type="button" onClick={() => useContractTabs.getState().openContract(id)}>
              <span className="contract-list__name">
                <UserText text={name} />
              </span>
              <span className="contract-list__meta">
                {kind} · {version}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
