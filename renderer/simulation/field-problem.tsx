/** Why a run bar field's text is refused, under the bar's row; the field points at it by `id`. */
export function FieldProblem({ id, problem }: { id: string; problem: string | null }) {
  if (problem === null) return null;
  return (
    <div id={id} className="simulation-bar__failure simulation-bar__field-problem" role="alert">
      {problem}
    </div>
  );
}
