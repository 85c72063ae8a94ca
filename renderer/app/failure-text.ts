/**
 * What a failed file action says: `Could not save: <reason>`. The desktop side words its refusals
 * whole, naming the path the page does not know (`Could not save /home/ada/orders.mesh.json:
 * permission denied; …`); such a refusal is said as it is, not after a second "Could not save".
 */
export function failureText(attempt: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return reason.startsWith('Could not ') ? reason : `${attempt}: ${reason}`;
}
