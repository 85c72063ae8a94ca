import { useHost } from '../host/host-context';
import { saveContractFile } from './contract-files';
import { useContractFiles } from './opened-contract-files';

/** Save the contract alone, as ODCS YAML: to the file it came from, or a new `<name>.odcs.yaml`. */
export function SaveContractButton({ contractId }: { contractId: string }) {
  const host = useHost();
  const file = useContractFiles((state) => state.fileById[contractId]);
  return (
    <>
      {file && (
        <button
          type="button"
          title={`Write the contract back to ${file.name}`}
          onClick={() => void saveContractFile(host, contractId, { saveAs: false })}
        >
          Save to {file.name}
        </button>
      )}
      <button
        type="button"
        title="Save this contract as its own ODCS YAML file"
        onClick={() => void saveContractFile(host, contractId, { saveAs: true })}
      >
        Save contract as…
      </button>
    </>
  );
}
