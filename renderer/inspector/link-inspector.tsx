import type { CompatibilityProblem } from '../../shared/contracts';
import { linkById } from '../../shared/editing/mesh-index';
import { type ResolvedEndpoint, resolveEndpoint } from '../../shared/model';
import { CommandButton } from '../commands/command-button';
import { linkCompatibilityOf } from '../contracts/link-compatibility';
import { useDocumentStore } from '../store/document-store';

function describe(end: ResolvedEndpoint | undefined): string {
  if (!end) return '(missing)';
  return end.kind === 'port' ? `${end.product.name} · ${end.port.name}` : `${end.system.name} · ${end.topic.name}`;
}

export function LinkInspector({ linkId }: { linkId: string }) {
  const ends = useDocumentStore((state) => {
    const link = state.mesh && linkById(state.mesh, linkId);
    return link && state.mesh
      ? `${describe(resolveEndpoint(state.mesh, link.from))}\u0000${describe(resolveEndpoint(state.mesh, link.to))}`
      : null;
  });
  if (!ends) return null;
  const [from, to] = ends.split('\u0000');
  return (
    <div className="inspector" data-testid="link-inspector">
      <h2 className="inspector__title">Link</h2>
      <dl className="inspector__facts">
        <dt>From</dt>
        <dd>{from}</dd>
        <dt>To</dt>
        <dd>{to}</dd>
      </dl>
      <IncompatibilityReasons linkId={linkId} />
      <p className="inspector__note">Drag either end of the link onto another port to re-route it.</p>
      <div className="inspector__actions">
        <CommandButton command="edit.move-link-end">Move link end…</CommandButton>
        <CommandButton command="edit.delete" className="danger">
          Delete link
        </CommandButton>
      </div>
    </div>
  );
}

const NO_PROBLEMS: readonly CompatibilityProblem[] = [];

/** What the link's red, dashed line says in its tooltip, as a list: each field the consumer needs and is not given. */
function IncompatibilityReasons({ linkId }: { linkId: string }) {
  const problems = useDocumentStore((state) => {
    const compatibility = state.mesh && linkCompatibilityOf(state.mesh).get(linkId);
    return compatibility?.status === 'incompatible' ? compatibility.problems : NO_PROBLEMS;
  });
  if (problems.length === 0) return null;
  return (
    <section className="inspector__incompatibility">
      <h3>Incompatible: the producer's contract does not give what this port needs</h3>
      <ul aria-label="Why this link is incompatible">
        {problems.map((problem) => (
          <li key={problem.message}>
            <code>{problem.field}</code> {problem.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
