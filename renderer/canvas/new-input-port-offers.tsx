import type { LinkEnd } from '../../shared/editing/link-ends';
import { productById } from '../../shared/editing/mesh-index';
import { type ConnectionCheck, counted, type Endpoint, type Mesh } from '../../shared/model';
import { connectToNewInputPort } from '../store/link-actions';

/** Offers past this many would crowd the dialog out of the screen: the filter reaches the others. */
const MOST_OFFERS = 3;

/** The products of the ends a list shows, once each, in the list's order. */
function productsOf(mesh: Mesh, ends: readonly LinkEnd[]) {
  return [...new Set(ends.map((end) => end.endpoint.nodeId))].flatMap((id) => productById(mesh, id) ?? []);
}

/**
 * Connect…'s offers, where every input port the filter leaves is fed, to add an input port on one of
 * their products and link to it: a button for each of the first few products, and how to reach the rest.
 */
export function NewInputPortOffers({
  mesh,
  start,
  targets,
  onLinked,
}: {
  mesh: Mesh;
  start: Endpoint;
  targets: readonly LinkEnd[];
  onLinked: (result: ConnectionCheck) => void;
}) {
  const products = productsOf(mesh, targets);
  const unoffered = products.length - MOST_OFFERS;
  return (
    <>
      {products.slice(0, MOST_OFFERS).map((product) => (
        <button
          key={product.id}
          type="button"
          className="connect-dialog__new-port"
          title={`Add an input port on ${product.name} and link`}
          onClick={() => onLinked(connectToNewInputPort(start, product.id))}
        >
          Add an input port on {product.name} and link
        </button>
      ))}
      {unoffered > 0 && (
        <p className="dialog-form__summary">
          {counted(unoffered, 'more product')}: type a product’s name in the filter to add an input port on it.
        </p>
      )}
    </>
  );
}
