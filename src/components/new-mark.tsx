/** Marks a row that arrived with the last refresh: a word, not a colour alone. */
export function NewMark() {
  return (
    <span className="ml-1.5 inline-block whitespace-nowrap rounded bg-info-soft px-1 text-xs font-medium text-info">
      new
    </span>
  )
}

/** The row background of a row that just arrived. */
export const NEW_ROW_CLASS = 'bg-info-soft/40'
