import { UserText } from '../../app/user-text';

/** A port's or topic's name in its row: cut with an ellipsis where the row is short, so its count and dot keep to the row. */
export function PortName({ name }: { name: string }) {
  return (
    <span className="port__name">
      <UserText text={name} />
    </span>
  );
}
