/** The snapshot expression of a column: the latest, or the one current at the moment asked. */
export function columnExpression(env: string, snappishTime: string | null): string {
  return snappishTime ? `${env}@{${snappishTime}}` : env
}
