/**
 * Contract text typed but not yet applied to the design (the YAML editor waits for a pause).
 * Whatever reads or writes the design while the focus may still be in the editor (a command
 * from a key or a menu, leaving the design) applies it first, so it never acts on older text.
 */
type ApplyPendingEdits = () => void;

const appliers = new Set<ApplyPendingEdits>();

/** Registers what holds typing back; returns the function that unregisters it. */
export function registerPendingContractEdits(applyPending: ApplyPendingEdits): () => void {
  appliers.add(applyPending);
  return () => appliers.delete(applyPending);
}

/** Applies every contract's typing still waiting for its pause; nothing when none waits. */
export function applyPendingContractEdits(): void {
  for (const applyPending of appliers) applyPending();
}
